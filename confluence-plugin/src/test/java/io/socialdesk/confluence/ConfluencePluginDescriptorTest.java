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
import java.util.List;
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
                .contains("<parameter name=\"view\" type=\"enum\"")
                .contains("<parameter name=\"filters\" type=\"string\"/>")
                .contains("<param name=\"atlassian-data-center-status\">compatible</param>")
                .contains("<param name=\"atlassian-data-center-compatible\">true</param>");
        assertThat(read("META-INF/spring/plugin-context.xml")).contains("<atlassian-scanner:scan-indexes/>");
    }

    @Test
    void everyGetterOfTheSharedCalendarViewModelAndPageIsAllowlisted() throws Exception {
        String descriptor = read(DESCRIPTOR);
        Set<String> getters = new TreeSet<>();
        List<Class<?>> types = new java.util.ArrayList<>(List.of(io.socialdesk.web.calendar.CalendarView.class, io.socialdesk.web.calendar.CalendarDay.class,
                io.socialdesk.web.calendar.CalendarItem.class, io.socialdesk.web.calendar.CalendarWeek.class,
                io.socialdesk.web.calendar.CalendarLegend.class, io.socialdesk.web.calendar.CalendarMarks.class,
                io.socialdesk.web.page.CalendarPage.class, io.socialdesk.confluence.macro.MacroCalendar.class));
        for (Class<?> outer : List.copyOf(types)) types.addAll(List.of(outer.getDeclaredClasses()));
        for (Class<?> type : types) {
            if (!java.lang.reflect.Modifier.isPublic(type.getModifiers())) continue;
            for (java.lang.reflect.Method m : type.getDeclaredMethods()) {
                boolean getter = m.getName().matches("(get|is)[A-Z].*") && m.getParameterCount() == 0;
                if (getter && java.lang.reflect.Modifier.isPublic(m.getModifiers()) && !java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                    getters.add(type.getName() + "#" + m.getName() + "()");
                }
            }
        }
        assertThat(getters).as("view-model getters found").hasSizeGreaterThan(100);
        assertThat(getters).allSatisfy(method -> assertThat(descriptor).contains("<method>" + method + "</method>"));
        // And the macro's template calls only these objects' getters.
        Matcher calls = Pattern.compile("\\$(part|calendar|page)\\.(get\\w+)\\(\\)").matcher(read(EditorialCalendarMacro.TEMPLATE));
        assertThat(calls.find()).isTrue();
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
