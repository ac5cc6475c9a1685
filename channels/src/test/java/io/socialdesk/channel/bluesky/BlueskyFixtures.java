package io.socialdesk.channel.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialdesk.core.channel.Progress;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/** Shared pieces of the Bluesky tests: a real PNG, a recording {@link Progress}, the lexicon check of a built post. */
final class BlueskyFixtures {
    private BlueskyFixtures() {
    }

    /** A real PNG of {@code width} x {@code height} pixels, drawn with javax.imageio. */
    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, new Color((x * 40) % 256, (y * 70) % 256, 160).getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Progress that keeps what was recorded, readable from the server's thread while a request is on its way. */
    static final class Recorded implements Progress {
        final Map<String, String> values = new ConcurrentHashMap<>();

        @Override
        public void record(String name, String value) {
            values.put(name, value);
        }
    }

    private static volatile Optional<LexiconValidator> lexicons;

    /** The published lexicons, or empty (with a warning) outside CI when the shared reference folder is absent. */
    static Optional<LexiconValidator> lexicons() {
        if (lexicons == null) {
            java.nio.file.Path folder = AtprotoReference.folder().resolve("lexicons");
            if (Files.isDirectory(folder)) {
                lexicons = Optional.of(LexiconValidator.fromFolder(folder));
            } else if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("atproto lexicons missing in CI: " + folder);
            } else {
                System.err.println("*** atproto lexicons absent (" + folder + "): posts are checked by PostRecordCheck only");
                lexicons = Optional.empty();
            }
        }
        return lexicons;
    }

    /** A record the connector built passes its own checks and the published lexicon of app.bsky.feed.post. */
    static void assertValidPost(JsonNode record) {
        assertThat(PostRecordCheck.problems(record)).as("PostRecordCheck of %s", record).isEmpty();
        lexicons().ifPresent(v -> assertThat(v.validateRecord(PostRecordCheck.TYPE, record)).as("lexicon check of %s", record).isEmpty());
    }

    static List<String> lexiconProblems(JsonNode record) {
        return lexicons().map(v -> v.validateRecord(PostRecordCheck.TYPE, record)).orElse(List.of());
    }
}
