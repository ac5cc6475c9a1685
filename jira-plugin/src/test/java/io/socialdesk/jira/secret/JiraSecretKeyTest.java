package io.socialdesk.jira.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.atlassian.jira.config.util.JiraHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JiraSecretKeyTest {
    @TempDir
    Path home;

    @Test
    void theKeyLivesInTheSharedHomesDataFolderPrivateToJiraAndIsReusedByEveryNode() throws Exception {
        JiraHome jiraHome = mock(JiraHome.class);
        when(jiraHome.getDataDirectory()).thenReturn(home.resolve("data").toFile());
        JiraSecretKey nodeOne = new JiraSecretKey(home.resolve("data"), null);

        String sealed = nodeOne.box().seal("token", "account:1:credentials");

        Path file = home.resolve("data").resolve("socialdesk").resolve("secret.key");
        assertThat(nodeOne.file()).isEqualTo(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new JiraSecretKey(jiraHome).box().open(sealed, "account:1:credentials")).isEqualTo("token");
    }
}
