package io.socialdesk.server;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.post.NewPost;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.publish.DeliveryPlan;
import io.socialdesk.core.publish.DeliveryRecord;
import io.socialdesk.core.publish.DeliveryStore;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Deliveries as the engine leaves them, written through the server's own stores: a post planned now for one
 * account, moved to Publishing, its delivery planned, claimed and settled as the test says.
 */
final class QueueFixtures {
    private QueueFixtures() {}

    static final User AUTHOR = new User("alice", "Alice", Set.of(Role.MARKETING_AUTHOR), ZoneOffset.UTC);

    static DeliveryRecord failed(SocialDeskApp app, Instant now, String cause, String reason) {
        return settled(app, now, "Winter sale", d -> d.failed(cause, reason, now));
    }

    static DeliveryRecord unconfirmed(SocialDeskApp app, Instant now, String title, String reason) {
        return settled(app, now, title, d -> d.unconfirmed(reason, now));
    }

    /** A post titled {@code title} being published to a Mastodon account (made once), its delivery claimed then changed by {@code outcome}. */
    static DeliveryRecord settled(SocialDeskApp app, Instant now, String title, UnaryOperator<DeliveryRecord> outcome) {
        Account account = app.accounts().list().stream().filter(a -> a.network() == Network.MASTODON).findFirst()
                .orElseGet(() -> app.accounts().add(Network.MASTODON, "@acme@mastodon.social", "Acme"));
        LocalDateTime at = LocalDateTime.ofInstant(now.plus(1, ChronoUnit.HOURS), ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        Post post = app.posts().create(new NewPost(title, "Winter sale starts now", at.toString(), "UTC", Map.of(), List.of(), null, List.of(),
                null, null, null, List.of(account.id())), AUTHOR);
        Post publishing = app.postStore().move(post.id(), post.version(), io.socialdesk.core.post.PostState.PUBLISHING, post.planned(),
                "socialdesk:system", now).orElseThrow();
        DeliveryStore deliveries = app.publishing().deliveries();
        DeliveryRecord planned = deliveries.plan(DeliveryPlan.of(publishing), now).get(0);
        DeliveryRecord claimed = deliveries.replace(planned, planned.claimedBy("test-node", now.plusSeconds(120), now)).orElseThrow();
        DeliveryRecord done = deliveries.replace(claimed, outcome.apply(claimed)).orElseThrow();
        app.publishing().sending().rollUp(post.id());
        return done;
    }
}
