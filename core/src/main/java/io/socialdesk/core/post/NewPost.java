package io.socialdesk.core.post;

import java.util.List;
import java.util.Map;

/**
 * What an author sends to create a post, exactly as received: every field may be missing or
 * malformed, and {@link PostService} says which and why. Only title, text, plannedAt and zone are
 * required.
 *
 * @param plannedAt a local date-time such as {@code 2026-12-01T09:00}, read in {@code zone}
 * @param zone an IANA time-zone id such as {@code Europe/Paris}
 * @param variants a text per network, keyed by network name ({@code X}, {@code BLUESKY}, …)
 * @param thread follow-up parts, published as replies in order
 * @param accountIds the accounts to publish to
 * @param media uploaded files by their SHA-256, each with its alt text, in the order they appear
 */
public record NewPost(
        String title,
        String text,
        String plannedAt,
        String zone,
        Map<String, String> variants,
        List<String> thread,
        String firstComment,
        List<String> hashtags,
        Utm utm,
        String campaign,
        String language,
        List<Long> accountIds,
        List<MediaRef> media) {

    /** A post with only the required fields. */
    public NewPost(String title, String text, String plannedAt, String zone) {
        this(title, text, plannedAt, zone, null, null, null, null, null, null, null, null, null);
    }

    /** A post without media. */
    public NewPost(String title, String text, String plannedAt, String zone, Map<String, String> variants, List<String> thread,
            String firstComment, List<String> hashtags, Utm utm, String campaign, String language, List<Long> accountIds) {
        this(title, text, plannedAt, zone, variants, thread, firstComment, hashtags, utm, campaign, language, accountIds, null);
    }
}
