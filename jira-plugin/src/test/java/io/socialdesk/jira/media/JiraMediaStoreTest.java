package io.socialdesk.jira.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.atlassian.jira.config.util.JiraHome;
import io.socialdesk.core.post.Media;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JiraMediaStoreTest {
    @TempDir
    Path jiraHome;

    @Test
    void uploadsLandInTheSocialDeskFolderOfJirasDataDirectory() throws Exception {
        JiraHome home = mock(JiraHome.class);
        when(home.getDataDirectory()).thenReturn(jiraHome.resolve("data").toFile());
        // A GIF header and a few bytes: enough for the type to be recognised.
        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        Media media = new JiraMediaStore(home).put(new ByteArrayInputStream(gif), "image/gif", "dot.gif");

        Path file = jiraHome.resolve("data/socialdesk/media").resolve(media.sha256().substring(0, 2)).resolve(media.sha256());
        assertThat(Files.readAllBytes(file)).isEqualTo(gif);
        assertThat(media.mimeType()).isEqualTo("image/gif");
    }
}
