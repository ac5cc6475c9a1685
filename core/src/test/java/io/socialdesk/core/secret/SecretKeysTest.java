package io.socialdesk.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeysTest {
    @TempDir
    Path data;

    @Test
    void theFirstStartCreatesAPrivateKeyFileWith256RandomBitsAndLaterStartsReuseIt() throws Exception {
        Path file = data.resolve("data").resolve("socialdesk").resolve(SecretKeys.FILE_NAME);

        SecretBox first = SecretKeys.box(null, file);

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        assertThat(key).hasSize(32);
        String sealed = first.seal("app-password", "account:1:credentials");
        assertThat(SecretKeys.box("", file).open(sealed, "account:1:credentials")).isEqualTo("app-password");
        assertThat(SecretKeys.box(null, data.resolve("other").resolve(SecretKeys.FILE_NAME)).keyId()).isNotEqualTo(first.keyId());
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    @Test
    void aKeyFileOthersCouldReadIsMadePrivateAgain() throws Exception {
        Path file = data.resolve(SecretKeys.FILE_NAME);
        SecretKeys.box(null, file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        SecretKeys.box(null, file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void theEnvironmentVariableWinsOverTheFileAndCreatesNoFile() {
        byte[] key = SecretBoxTest.fixedKey(5);
        Path file = data.resolve(SecretKeys.FILE_NAME);

        SecretBox box = SecretKeys.box(Base64.getEncoder().encodeToString(key), file);

        assertThat(box.keyId()).isEqualTo(SecretBox.idOf(key));
        assertThat(file).doesNotExist();
        assertThat(SecretKeys.box(Base64.getUrlEncoder().withoutPadding().encodeToString(key), file).keyId()).isEqualTo(box.keyId());
    }

    @Test
    void severalKeysFirstSealsTheOthersStillOpen() throws Exception {
        byte[] older = SecretBoxTest.fixedKey(1);
        byte[] newer = SecretBoxTest.fixedKey(2);
        String old = SecretBox.of(older).seal("token", "a:1");
        Path file = data.resolve(SecretKeys.FILE_NAME);
        Files.writeString(file, "# rotated on 2026-11-22\n" + b64(newer) + "\n" + b64(older) + "\n");

        SecretBox fromFile = SecretKeys.box(null, file);
        SecretBox fromEnv = SecretKeys.box(b64(newer) + "," + b64(older), file);

        for (SecretBox box : List.of(fromFile, fromEnv)) {
            assertThat(box.keyId()).isEqualTo(SecretBox.idOf(newer));
            assertThat(box.open(old, "a:1")).isEqualTo("token");
        }
    }

    @Test
    void aBadKeyIsNamedByWhereItComesFromNeverByItsValue() throws Exception {
        Path file = data.resolve(SecretKeys.FILE_NAME);
        Files.writeString(file, "not base64!\n");
        assertThatThrownBy(() -> SecretKeys.box(null, file)).isInstanceOf(SecretException.class)
                .hasMessage("Key 1 in the key file " + file + " is not base64");
        String shortKey = b64(new byte[16]);
        assertThatThrownBy(() -> SecretKeys.box(shortKey, file)).isInstanceOf(SecretException.class)
                .hasMessageContaining(SecretKeys.ENV).hasMessageContaining("128 bits").hasMessageNotContaining(shortKey);
        Files.writeString(file, "\n# nothing\n");
        assertThatThrownBy(() -> SecretKeys.box(null, file)).isInstanceOf(SecretException.class).hasMessageContaining("No key in");
    }

    @Test
    void nodesStartingTogetherAgreeOnOneKey() throws Exception {
        Path file = data.resolve("shared").resolve(SecretKeys.FILE_NAME);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> ids = pool.invokeAll(java.util.Collections.nCopies(8, () -> SecretKeys.box(null, file).keyId()));
            String first = ids.get(0).get();
            for (Future<String> id : ids) assertThat(id.get()).isEqualTo(first);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String b64(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }
}
