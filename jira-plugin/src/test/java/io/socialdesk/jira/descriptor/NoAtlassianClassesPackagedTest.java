package io.socialdesk.jira.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.jira.SocialDeskEngine;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The stubs are compile-time only: the plugin's own output must never carry a com.atlassian class. */
class NoAtlassianClassesPackagedTest {
    @Test
    void theBuiltClassesHoldNoAtlassianType() throws IOException, URISyntaxException {
        Path classes = Path.of(SocialDeskEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(classes.resolve("io/socialdesk/jira")).isDirectory();
        try (Stream<Path> files = Files.walk(classes)) {
            assertThat(files.map(classes::relativize).map(path -> path.toString().replace('\\', '/')))
                    .noneMatch(path -> path.startsWith("com/atlassian"));
        }
    }
}
