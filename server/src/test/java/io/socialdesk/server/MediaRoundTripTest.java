package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialdesk.core.user.Role;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Media over real HTTP: upload, refer to it from a post, read the post and the bytes back; what is refused and why. */
class MediaRoundTripTest {
    private static final String MEDIA = "/rest/socialdesk/1.0/media";
    private static final MediaType PNG = MediaType.get("image/png");

    @TempDir
    static Path data;

    static TestServer server;
    static String author;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.embedded(data);
        server.addUser("alice", Role.MARKETING_AUTHOR);
        server.addUser("sam", Role.SUPPORT_AGENT);
        author = server.signIn("alice");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A real PNG: a gradient (small), or noise, which PNG cannot compress (large). */
    static byte[] png(int size, boolean noise) throws IOException {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int x = 0; x < size; x++) {
            for (int y = 0; y < size; y++) image.setRGB(x, y, noise ? random.nextInt(0x1000000) : (x * 255 / size) << 16 | (y * 255 / size));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static TestServer.Reply upload(String cookie, byte[] bytes, MediaType type, String fileName) {
        return server.call(new Request.Builder().url(server.url(MEDIA + "?fileName=" + fileName)).header("Cookie", cookie)
                .post(RequestBody.create(bytes, type)).build());
    }

    private static String post(String media, String variants) {
        return "{\"title\":\"With a picture\",\"text\":\"Look\",\"plannedAt\":\"2026-12-01T09:00\",\"zone\":\"Europe/Paris\""
                + ",\"variants\":" + variants + ",\"media\":" + media + "}";
    }

    @Test
    void anUploadedImageIsReferencedByAPostAndItsBytesComeBack() throws Exception {
        byte[] png = png(16, false);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));

        TestServer.Reply uploaded = upload(author, png, PNG, "cat.png");
        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.json().get("sha256").asText()).isEqualTo(sha256);
        assertThat(uploaded.json().get("mimeType").asText()).isEqualTo("image/png");
        assertThat(uploaded.json().get("bytes").asLong()).isEqualTo(png.length);
        assertThat(uploaded.json().get("fileName").asText()).isEqualTo("cat.png");
        assertThat(uploaded.location()).endsWith(MEDIA + "/" + sha256);
        assertThat(upload(author, png, PNG, "again.png").json().get("sha256").asText()).as("same bytes, same file").isEqualTo(sha256);
        try (Stream<Path> files = Files.list(data.resolve("media").resolve(sha256.substring(0, 2)))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(sha256, sha256 + ".name");
        }

        TestServer.Reply created = server.postJson("/rest/socialdesk/1.0/posts", author,
                post("[{\"sha256\":\"" + sha256 + "\",\"altText\":\"A blue and red gradient\"}]", "{}"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        // Read back through the list: GET /posts/{id} is shadowed by ReviewResource's class path on this commit.
        JsonNode read = null;
        for (JsonNode listed : server.get("/rest/socialdesk/1.0/posts?from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z", author).json()) {
            if (listed.get("id").asLong() == id) read = listed;
        }
        assertThat(read).as("post %s is listed", id).isNotNull();
        JsonNode media = read.get("media").get(0);
        assertThat(media.get("sha256").asText()).isEqualTo(sha256);
        assertThat(media.get("mimeType").asText()).isEqualTo("image/png");
        assertThat(media.get("bytes").asLong()).isEqualTo(png.length);
        assertThat(media.get("altText").asText()).isEqualTo("A blue and red gradient");
        assertThat(media.get("fileName").asText()).isEqualTo("cat.png");

        try (Response bytes = server.http.newCall(new Request.Builder().url(server.url(MEDIA + "/" + sha256)).header("Cookie", author).build())
                .execute()) {
            assertThat(bytes.code()).isEqualTo(200);
            assertThat(bytes.header("Content-Type")).isEqualTo("image/png");
            assertThat(bytes.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(bytes.header("Content-Disposition")).startsWith("inline;").contains("cat.png");
            assertThat(bytes.body().bytes()).isEqualTo(png);
        }

        TestServer.Reply editor = server.get("/posts/" + id + "/edit", author);
        assertThat(editor.body()).contains("data-sha256=\"" + sha256 + "\"").contains("A blue and red gradient");
    }

    @Test
    void aTextFileDeclaredAsPngIsRefusedNamingTheRuleAndNothingIsStored() throws Exception {
        TestServer.Reply reply = upload(author, "not a picture at all".getBytes(StandardCharsets.UTF_8), PNG, "notes.png");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("field").asText()).isEqualTo("file");
        assertThat(reply.json().get("rule").asText()).isEqualTo("media-type-mismatch");
        assertThat(reply.json().get("error").asText()).contains("image/png");
        TestServer.Reply pdf = upload(author, "%PDF-1.7 ...".getBytes(StandardCharsets.UTF_8), MediaType.get("application/pdf"), "a.pdf");
        assertThat(pdf.json().get("rule").asText()).isEqualTo("media-type");
        try (Stream<Path> left = Files.exists(data.resolve("media/incoming")) ? Files.list(data.resolve("media/incoming")) : Stream.empty()) {
            assertThat(left).as("no upload left half-written").isEmpty();
        }
    }

    @Test
    void aPostReferringToAnUnknownChecksumOrAnImageWithoutAltTextIsRefused() throws Exception {
        TestServer.Reply unknown = server.postJson("/rest/socialdesk/1.0/posts", author,
                post("[{\"sha256\":\"" + "0".repeat(64) + "\",\"altText\":\"x\"}]", "{}"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asText()).isEqualTo("media[0].sha256");
        assertThat(unknown.json().get("rule").asText()).isEqualTo("known-media");

        String sha256 = upload(author, png(12, false), PNG, "x.png").json().get("sha256").asText();
        TestServer.Reply noAlt = server.postJson("/rest/socialdesk/1.0/posts", author, post("[{\"sha256\":\"" + sha256 + "\"}]", "{}"));
        assertThat(noAlt.json().get("field").asText()).isEqualTo("media[0].altText");
        assertThat(noAlt.json().get("rule").asText()).isEqualTo("alt-text-required");

        TestServer.Reply missing = server.get(MEDIA + "/" + "0".repeat(64), author);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/json");
    }

    @Test
    void onlyWritersUploadAndNobodyWithoutASession() throws Exception {
        byte[] png = png(8, false);
        assertThat(upload(server.signIn("sam"), png, PNG, "x.png").status()).isEqualTo(403);
        assertThat(server.call(new Request.Builder().url(server.url(MEDIA)).post(RequestBody.create(png, PNG)).build()).status())
                .isEqualTo(401);
    }

    @Test
    void anImageOver2MBStopsAPostForBlueskyAtSubmission() throws Exception {
        byte[] large = png(1000, true);
        assertThat(large.length).isGreaterThan(2_000_000);
        String sha256 = upload(author, large, PNG, "noise.png").json().get("sha256").asText();
        TestServer.Reply created = server.postJson("/rest/socialdesk/1.0/posts", author,
                post("[{\"sha256\":\"" + sha256 + "\",\"altText\":\"Coloured noise\"}]", "{\"BLUESKY\":\"Look, on Bluesky\"}"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        TestServer.Reply submitted = server.postJson("/rest/socialdesk/1.0/posts/" + created.json().get("id").asLong() + "/actions", author,
                "{\"action\":\"submit\",\"version\":1}");

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(400);
        assertThat(submitted.json().get("field").asText()).isEqualTo("media[0]");
        assertThat(submitted.json().get("rule").asText()).isEqualTo("bluesky.max-image-bytes");
        assertThat(submitted.json().get("error").asText()).startsWith("Bluesky: ");
    }
}
