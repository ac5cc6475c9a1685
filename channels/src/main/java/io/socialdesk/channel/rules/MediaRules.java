package io.socialdesk.channel.rules;

import java.util.Set;

/**
 * What a network accepts as media on one post: how many images, how many videos, whether both
 * may be mixed, the byte ceilings, the accepted types, whether alt text is required and whether
 * a post without media is refused (Instagram).
 */
public record MediaRules(
        int maxImages,
        int maxVideos,
        boolean mixed,
        long maxImageBytes,
        long maxVideoBytes,
        Set<String> imageTypes,
        Set<String> videoTypes,
        boolean altTextRequired,
        boolean required) {

    public MediaRules {
        imageTypes = Set.copyOf(imageTypes);
        videoTypes = Set.copyOf(videoTypes);
    }

    /** A network that takes no media at all. */
    public static MediaRules none() {
        return new MediaRules(0, 0, false, 0, 0, Set.of(), Set.of(), false, false);
    }

    static final long MB = 1_000_000L;
}
