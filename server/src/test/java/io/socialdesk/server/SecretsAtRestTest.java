package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's secrets at rest: the key file in the data folder, never in the database. */
class SecretsAtRestTest {
    @TempDir
    Path data;

    @Test
    void theFirstStartCreatesAPrivateKeyInTheDataFolderAndTheNextStartReusesIt() throws Exception {
        String sealed;
        String keyId;
        try (TestServer server = TestServer.embedded(data)) {
            sealed = server.app.secrets().seal("a-token", "account:1:credentials");
            keyId = server.app.secrets().keyId();
        }
        Path key = data.resolve("secret.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");

        try (TestServer again = TestServer.embedded(data)) {
            assertThat(again.app.secrets().keyId()).isEqualTo(keyId);
            assertThat(again.app.secrets().open(sealed, "account:1:credentials")).isEqualTo("a-token");
        }
    }
}
