package io.socialdesk.web.rest;

import io.socialdesk.core.post.Media;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.Utm;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A post as the REST API shows it. Times are strings: {@code plannedAt} as the author wrote it in
 * {@code zone}, {@code plannedInstant}, {@code createdAt} and {@code updatedAt} in UTC (ISO 8601).
 * {@code version} is what an edit must send back.
 */
public record PostJson(
        long id,
        String key,
        String url,
        String title,
        String text,
        Map<String, String> variants,
        List<MediaJson> media,
        List<String> thread,
        String firstComment,
        List<String> hashtags,
        Utm utm,
        String campaign,
        String language,
        List<Long> accountIds,
        String plannedAt,
        String zone,
        String plannedInstant,
        String state,
        String author,
        String createdAt,
        int version,
        String updatedBy,
        String updatedAt) {

    /** An attached image or video: its checksum, type, size and alt text. */
    public record MediaJson(String sha256, String mimeType, long bytes, String altText, String fileName) {
        static MediaJson of(Media m) {
            return new MediaJson(m.sha256(), m.mimeType(), m.bytes(), m.altText(), m.fileName());
        }
    }

    public static PostJson of(Post post) {
        Map<String, String> variants = new LinkedHashMap<>();
        post.content().variants().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> variants.put(e.getKey().name(), e.getValue()));
        return new PostJson(
                post.id(),
                post.item().key(),
                post.item().url(),
                post.title(),
                post.text(),
                variants,
                post.content().media().stream().map(MediaJson::of).toList(),
                post.content().thread(),
                post.content().firstComment().orElse(null),
                post.content().hashtags(),
                post.content().utm(),
                post.content().campaign(),
                post.content().language(),
                post.content().accountIds(),
                post.planned().local().toString(),
                post.planned().zone().getId(),
                post.planned().instant().toString(),
                post.state().name(),
                post.authorKey(),
                post.createdAt().toString(),
                post.version(),
                post.updatedBy(),
                post.updatedAt().toString());
    }
}
