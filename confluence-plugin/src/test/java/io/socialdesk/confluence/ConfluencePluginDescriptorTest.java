package io.socialdesk.confluence;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.confluence.macro.EditorialCalendarMacro;
import io.socialdesk.jira.descriptor.PluginDescriptorChecker;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ConfluencePluginDescriptorTest {
    private static final String DESCRIPTOR = "atlassian-plugin.xml";

    @Test
    void theDescriptorIsSound() {
        assertThat(PluginDescriptorChecker.onClasspathOf(ConfluencePluginDescriptorTest.class).problemsInResource(DESCRIPTOR))
                .isEmpty();
    }

    @Test
    void declaresTheMacroAndDataCenterCompatibility() throws IOException {
        assertThat(read(DESCRIPTOR))
                .contains("<xhtml-macro name=\"social-editorial-calendar\"")
                .contains("<parameter name=\"project\" type=\"string\" required=\"true\"/>")
                .contains("<parameter name=\"months\"")
                .contains("<param name=\"atlassian-data-center-status\">compatible</param>")
                .contains("<param name=\"atlassian-data-center-compatible\">true</param>");
        assertThat(read("META-INF/spring/plugin-context.xml")).contains("<atlassian-scanner:scan-indexes/>");
    }

    @Test
    void everyGetterTheCalendarTemplateCallsIsAllowlisted() throws IOException {
        Matcher calls = Pattern.compile("\\$row\\.(get\\w+)\\(\\)").matcher(read(EditorialCalendarMacro.TEMPLATE));
        Set<String> called = new TreeSet<>();
        while (calls.find()) called.add("io.socialdesk.confluence.macro.CalendarRow#" + calls.group(1) + "()");
        assertThat(called).isNotEmpty();
        String descriptor = read(DESCRIPTOR);
        assertThat(called).allSatisfy(method -> assertThat(descriptor).contains("<method>" + method + "</method>"));
    }

    @Test
    void theBuiltClassesHoldNoAtlassianType() throws IOException, URISyntaxException {
        Path classes = Path.of(EditorialCalendarMacro.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(classes.resolve("io/socialdesk/confluence")).isDirectory();
        try (Stream<Path> files = Files.walk(classes)) {
            assertThat(files.map(classes::relativize).map(path -> path.toString().replace('\\', '/')))
                    .noneMatch(path -> path.startsWith("com/atlassian"));
        }
    }

    private static String read(String location) throws IOException {
        try (InputStream in = ConfluencePluginDescriptorTest.class.getClassLoader().getResourceAsStream(location)) {
            assertThat(in).as(location).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
