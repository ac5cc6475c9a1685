package io.socialdesk.core.publish;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.approval.ContentHash;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostContent;

import java.util.ArrayList;
import java.util.List;

/**
 * What a post sends: one delivery per target account and part. Part 0 is the post (its network's text and
 * the media); then the thread's parts in order, each a reply to the one before; then the first comment.
 */
public final class DeliveryPlan {
    private DeliveryPlan() {}

    public static List<NewDelivery> of(Post post) {
        String hash = ContentHash.of(post.content());
        int parts = partCount(post.content());
        List<NewDelivery> planned = new ArrayList<>();
        for (long account : post.content().accountIds()) {
            for (int part = 0; part < parts; part++) {
                planned.add(new NewDelivery(post.id(), account, part, NewDelivery.keyOf(post.id(), account, part, hash), hash,
                        post.planned().instant()));
            }
        }
        return planned;
    }

    public static int partCount(PostContent content) {
        return 1 + content.thread().size() + (content.firstComment().isPresent() ? 1 : 0);
    }

    /** The text of {@code part} as it goes to {@code network}. */
    public static String textOf(PostContent content, Network network, int part) {
        if (part == 0) return content.textFor(network);
        if (part <= content.thread().size()) return content.thread().get(part - 1);
        return content.firstComment().orElseThrow(() -> new IllegalArgumentException("The post has no part " + part));
    }
}
