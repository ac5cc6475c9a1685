package io.socialdesk.store.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialdesk.core.post.Media;
import io.socialdesk.core.problem.InvalidInputException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMediaStoreTest {
    @TempDir
    Path data;

    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) for (int y = 0; y < height; y++) image.setRGB(x, y, (x * 31 + y * 17) * 0x010203);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private List<Path> filesUnder(Path root) throws IOException {
        if (!Files.exists(root)) return List.of();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void anUploadIsStoredUnderItsChecksumAndReadsBackByteForByte() throws Exception {
        FileMediaStore store = new FileMediaStore(data.resolve("media"));
        byte[] png = png(8, 8);

        Media media = store.put(new ByteArrayInputStream(png), "image/png", "C:\\photos\\cat.png");

        assertThat(media).isEqualTo(new Media(sha256(png), "image/png", png.length, "", "cat.png"));
        Path file = data.resolve("media").resolve(media.sha256().substring(0, 2)).resolve(media.sha256());
        assertThat(file).hasBinaryContent(png);
        try (InputStream in = store.open(media.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(png);
        }
        assertThat(store.find(media.sha256())).contains(media);
        assertThat(filesUnder(data.resolve("media/incoming"))).as("no temporary file left").isEmpty();
    }

    @Test
    void theSameBytesTwiceAreOneFileAndKeepTheirFirstName() throws Exception {
        FileMediaStore store = new FileMediaStore(data);
        byte[] png = png(4, 4);

        Media first = store.put(new ByteArrayInputStream(png), "image/png", "first.png");
        Media second = store.put(new ByteArrayInputStream(png), "image/png", "second.png");

        assertThat(second).isEqualTo(first);
        assertThat(filesUnder(data)).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder(first.sha256(), first.sha256() + ".name");
    }

    @Test
    void manyWritersOfTheSameBytesAtOnceEndWithOneWholeFile() throws Exception {
        FileMediaStore store = new FileMediaStore(data);
        byte[] png = png(64, 64);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Media>> uploads = IntStream.range(0, 16)
                    .<Callable<Media>>mapToObj(i -> () -> store.put(new ByteArrayInputStream(png), "image/png", "same.png")).toList();
            for (Future<Media> upload : pool.invokeAll(uploads)) assertThat(upload.get().sha256()).isEqualTo(sha256(png));
        } finally {
            pool.shutdown();
        }
        assertThat(filesUnder(data)).hasSize(2);
        assertThat(store.open(sha256(png)).readAllBytes()).isEqualTo(png);
    }

    @Test
    void theTypeComesFromTheBytesAndAMismatchIsRefusedStoringNothing() throws Exception {
        FileMediaStore store = new FileMediaStore(data);
        byte[] text = "just some text, not a picture".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(text), "image/png", "fake.png"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first()).extracting("field", "rule")
                        .containsExactly("file", "media-type-mismatch"));
        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(png(2, 2)), "image/jpeg", "lying.jpg"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first().rule()).isEqualTo("media-type-mismatch"));
        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(text), "text/plain", "notes.txt"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first().rule()).isEqualTo("media-type"));
        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[0]), "image/png", "empty.png"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first().rule()).isEqualTo("required"));
        assertThat(filesUnder(data)).isEmpty();

        Media undeclared = store.put(new ByteArrayInputStream(png(2, 2)), "application/octet-stream", null);
        assertThat(undeclared.mimeType()).isEqualTo("image/png");
        assertThat(undeclared.fileName()).isEmpty();
    }

    @Test
    void aFileOverItsKindsCeilingIsRefusedAndNothingOfItRemains() throws Exception {
        byte[] png = png(32, 32);
        FileMediaStore store = new FileMediaStore(data, png.length - 1, 1_000_000);

        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(png), "image/png", "big.png"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first()).extracting("field", "rule")
                        .containsExactly("file", "max-bytes"));
        assertThat(filesUnder(data)).isEmpty();

        FileMediaStore exact = new FileMediaStore(data, png.length, 1_000_000);
        assertThat(exact.put(new ByteArrayInputStream(png), "image/png", "fits.png").bytes()).isEqualTo(png.length);
    }

    @Test
    void aMalformedOrUnknownChecksumFindsNothingAndOpensNoOtherFile() throws Exception {
        FileMediaStore store = new FileMediaStore(data.resolve("media"));
        Files.writeString(data.resolve("secret.txt"), "secret");

        assertThat(store.find("0".repeat(64))).isEmpty();
        assertThat(store.find("../secret.txt")).isEmpty();
        assertThat(store.find(null)).isEmpty();
        assertThatThrownBy(() -> store.open("../secret.txt")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> store.open("0".repeat(64))).isInstanceOf(IOException.class);
    }
}
