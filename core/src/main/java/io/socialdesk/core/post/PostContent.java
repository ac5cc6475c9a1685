package io.socialdesk.core.post;

import io.socialdesk.core.account.Network;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What will go out: the master text, an optional text per network (a variant), media, follow-up
 * parts of a thread or a first comment, hashtags, UTM tags, campaign, language and the target
 * accounts. The planned time is not content: moving a post in time is a reschedule, not an edit.
 * Reviewers approve exactly this value (its hash); any change to it is an edit.
 */
public record PostContent(
        String text,
        Map<Network, String> variants,
        List<Media> media,
        List<String> thread,
        Optional<String> firstComment,
        List<String> hashtags,
        Utm utm,
        String campaign,
        String language,
        List<Long> accountIds) {

    public PostContent {
        Objects.requireNonNull(text, "text");
        variants = variants.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(variants));
        media = List.copyOf(media);
        thread = List.copyOf(thread);
        firstComment = firstComment == null ? Optional.empty() : firstComment;
        hashtags = List.copyOf(hashtags);
        utm = utm == null ? Utm.NONE : utm;
        campaign = campaign == null ? "" : campaign;
        language = language == null ? "" : language;
        accountIds = List.copyOf(accountIds);
    }

    /** Only a master text: what the foundation's posts carry. */
    public static PostContent ofText(String text) {
        return new PostContent(text, Map.of(), List.of(), List.of(), Optional.empty(), List.of(), Utm.NONE, "", "", List.of());
    }

    /** The text that goes to {@code network}: its variant when there is one, else the master text. */
    public String textFor(Network network) {
        return variants.getOrDefault(network, text);
    }
}
