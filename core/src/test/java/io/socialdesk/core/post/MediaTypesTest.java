package io.socialdesk.core.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialdesk.core.problem.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The type is what the first bytes say; the declared type must agree. */
class MediaTypesTest {
    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
        return b;
    }

    private static Optional<String> sniff(byte[] header) {
        return MediaTypes.sniff(header, header.length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void eachAllowedTypeIsRecognisedByItsMagicNumber() {
        assertThat(sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1))).contains("image/jpeg");
        assertThat(sniff(bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13))).contains("image/png");
        assertThat(sniff(ascii("GIF89a\u0001\u0000\u0001\u0000\u0080\u0000"))).contains("image/gif");
        assertThat(sniff(ascii("RIFF\u0024\u0000\u0000\u0000WEBP"))).contains("image/webp");
        assertThat(sniff(ascii("\u0000\u0000\u0000\u0020ftypisom"))).contains("video/mp4");
        assertThat(sniff(ascii("\u0000\u0000\u0000\u0014ftypqt  "))).contains("video/quicktime");
        assertThat(sniff(ascii("%PDF-1.7 abcd"))).isEmpty();
        assertThat(sniff(ascii("RIFF\u0024\u0000\u0000\u0000WAVE"))).isEmpty();
        assertThat(sniff(bytes(0xFF, 0xD8))).isEmpty();
        assertThat(sniff(new byte[0])).isEmpty();
    }

    @Test
    void theDeclaredTypeMustMatchTheBytes() {
        byte[] png = bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13);
        assertThat(MediaTypes.check("image/png", png, png.length)).isEqualTo("image/png");
        assertThat(MediaTypes.check("IMAGE/PNG; charset=binary", png, png.length)).isEqualTo("image/png");
        assertThat(MediaTypes.check(null, png, png.length)).isEqualTo("image/png");
        assertThat(MediaTypes.check("application/octet-stream", png, png.length)).isEqualTo("image/png");
        assertThatThrownBy(() -> MediaTypes.check("image/jpeg", png, png.length)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.first()).extracting("field", "rule").containsExactly("file", "media-type-mismatch"));
        byte[] text = ascii("hello, world");
        assertThatThrownBy(() -> MediaTypes.check("image/png", text, text.length)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.first().rule()).isEqualTo("media-type-mismatch"));
        assertThatThrownBy(() -> MediaTypes.check("application/pdf", text, text.length)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.first().rule()).isEqualTo("media-type"));
        assertThatThrownBy(() -> MediaTypes.check("", text, text.length)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.first().rule()).isEqualTo("media-type"));
    }

    @Test
    void aFileNameKeepsNoFolderAndNoControlCharacters() {
        assertThat(MediaTypes.cleanFileName("C:\\Users\\ana\\..\\cat.png")).isEqualTo("cat.png");
        assertThat(MediaTypes.cleanFileName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(MediaTypes.cleanFileName("a\u0000b\nc.png")).isEqualTo("abc.png");
        assertThat(MediaTypes.cleanFileName(null)).isEmpty();
        assertThat(MediaTypes.cleanFileName("x".repeat(300))).hasSize(MediaTypes.MAX_FILE_NAME);
    }
}
