package io.socialdesk.jira.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.jira.page.PostListServlet;
import io.socialdesk.store.ao.Entities;
import io.socialdesk.web.page.PostListPage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class JiraPluginDescriptorTest {
    private static final String DESCRIPTOR = "atlassian-plugin.xml";

    @Test
    void theDescriptorIsSoundAndListsExactlyTheSharedEntities() {
        assertThat(PluginDescriptorChecker.onClasspathOf(JiraPluginDescriptorTest.class)
                .expectingAoEntities(Entities.SHARED)
                .problemsInResource(DESCRIPTOR)).isEmpty();
    }

    @Test
    void declaresDataCenterCompatibilityRestV2AndTheNamespace() throws IOException {
        String descriptor = read(DESCRIPTOR);
        assertThat(descriptor)
                .contains("<param name=\"atlassian-data-center-status\">compatible</param>")
                .contains("<param name=\"atlassian-data-center-compatible\">true</param>")
                .contains("<rest-v2/>")
                .contains("path=\"/socialdesk\" version=\"1.0\"")
                .contains("namespace=\"io.socialdesk\"")
                .contains("<url-pattern>/socialdesk/posts</url-pattern>");
    }

    @Test
    void everyGetterThePostsTemplateCallsIsAllowlisted() throws IOException {
        Matcher calls = Pattern.compile("\\$post\\.(get\\w+)\\(\\)").matcher(read(PostListPage.TEMPLATE));
        Set<String> called = new TreeSet<>();
        while (calls.find()) called.add("io.socialdesk.web.page.PostRow#" + calls.group(1) + "()");
        assertThat(called).isNotEmpty();
        String descriptor = read(DESCRIPTOR);
        assertThat(called).allSatisfy(method -> assertThat(descriptor).contains("<method>" + method + "</method>"));
    }

    @Test
    void theTemplatesThePageRendersExist() {
        ClassLoader loader = JiraPluginDescriptorTest.class.getClassLoader();
        assertThat(loader.getResource(PostListPage.TEMPLATE)).isNotNull();
        assertThat(loader.getResource(PostListServlet.PAGE_TEMPLATE)).isNotNull();
    }

    @Test
    void springScannerIndexesAreLoaded() throws IOException {
        assertThat(read("META-INF/spring/plugin-context.xml")).contains("<atlassian-scanner:scan-indexes/>");
    }

    static String read(String location) throws IOException {
        try (InputStream in = JiraPluginDescriptorTest.class.getClassLoader().getResourceAsStream(location)) {
            assertThat(in).as(location).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
