package io.socialdesk.channel.feed;

import io.socialdesk.core.account.Network;
import java.time.Instant;
import java.util.Objects;

/**
 * One published post on one account, as the Atom feed shows it. {@code key} is stable for the pair
 * (for example {@code post:12:account:3}) and becomes the entry's id; {@code link} is where a reader
 * opens it (the post on the network, or its page in Social Desk until the network's URL is known);
 * {@code text} is shown as plain text.
 */
public record FeedEntry(String key, String title, String text, Instant published, Instant updated, String link, Network network,
        String account) {
    public FeedEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(network, "network");
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        updated = updated == null || updated.isBefore(published) ? published : updated;
        account = account == null ? "" : account;
    }

    /** A title for a reader: the first line of the text, at most {@code max} characters. */
    public static String titleOf(String text, int max) {
        String first = text == null ? "" : text.strip().lines().findFirst().orElse("").strip();
        if (first.codePointCount(0, first.length()) <= max) return first;
        int end = first.offsetByCodePoints(0, max - 1);
        return first.substring(0, end) + "…";
    }
}
