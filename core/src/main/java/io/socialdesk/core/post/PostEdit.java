package io.socialdesk.core.post;

import java.util.List;
import java.util.Map;

/**
 * A new version of a post, as an editor sends it: every field of {@link NewPost} (the whole post,
 * not a patch) and the {@code version} the editor started from. When someone else saved first,
 * the version no longer matches and nothing is overwritten.
 */
public record PostEdit(
        Integer version,
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

    /** An edit without media: the post's media are removed. */
    public PostEdit(Integer version, String title, String text, String plannedAt, String zone, Map<String, String> variants,
            List<String> thread, String firstComment, List<String> hashtags, Utm utm, String campaign, String language,
            List<Long> accountIds) {
        this(version, title, text, plannedAt, zone, variants, thread, firstComment, hashtags, utm, campaign, language, accountIds, null);
    }

    NewPost fields() {
        return new NewPost(title, text, plannedAt, zone, variants, thread, firstComment, hashtags, utm, campaign, language, accountIds,
                media);
    }
}
