package io.socialdesk.jira.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.jira.page.PostListServlet;
import io.socialdesk.jira.page.SetupServlet;
import io.socialdesk.jira.page.SocialPostPanel;
import io.socialdesk.jira.setup.PostWorkflowXml;
import io.socialdesk.jira.workflow.ApprovalsCompleteCondition;
import io.socialdesk.jira.workflow.ContentValidForNetworksValidator;
import io.socialdesk.jira.workflow.RequestApprovalsFunction;
import io.socialdesk.jira.workflow.ScheduleForPublishingFunction;
import io.socialdesk.web.page.PostEditorPage;
import io.socialdesk.web.page.PostPanel;
import java.util.List;
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
    void everyGetterOfTheSharedPageViewModelsIsAllowlisted() throws Exception {
        String descriptor = read(DESCRIPTOR);
        Set<String> getters = getters("io/socialdesk/web/page/");
        assertThat(getters).as("view-model getters found").hasSizeGreaterThan(100);
        assertThat(getters).allSatisfy(method -> assertThat(descriptor).contains("<method>" + method + "</method>"));
    }

    @Test
    void everyGetterOfTheCalendarViewModelIsAllowlisted() throws Exception {
        // calendar*.vm renders io.socialdesk.web.calendar's view model directly (as the Confluence macro does).
        String descriptor = read(DESCRIPTOR);
        Set<String> getters = getters("io/socialdesk/web/calendar/");
        assertThat(getters).as("calendar getters found").hasSizeGreaterThan(50).contains("io.socialdesk.web.calendar.CalendarItem#getTime()");
        assertThat(getters).allSatisfy(method -> assertThat(descriptor).contains("<method>" + method + "</method>"));
    }

    /** The public instance getters of the public classes in one package of the web jar ({@code folder}: its path with a final slash). */
    private static Set<String> getters(String folder) throws Exception {
        Set<String> getters = new TreeSet<>();
        java.nio.file.Path pages = java.nio.file.Path.of(PostPanel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> classNames = new java.util.ArrayList<>();
        if (java.nio.file.Files.isDirectory(pages)) {
            try (var files = java.nio.file.Files.list(pages.resolve(folder))) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class")).forEach(classNames::add);
            }
        } else {
            try (var jar = new java.util.jar.JarFile(pages.toFile())) {
                jar.stream().map(java.util.jar.JarEntry::getName).filter(n -> n.startsWith(folder) && n.endsWith(".class"))
                        .map(n -> n.substring(folder.length())).filter(n -> !n.contains("/")).forEach(classNames::add);
            }
        }
        String pkg = folder.replace('/', '.');
        for (String file : classNames) {
            Class<?> type = Class.forName(pkg + file.substring(0, file.length() - ".class".length()));
            if (!java.lang.reflect.Modifier.isPublic(type.getModifiers())) continue;
            for (java.lang.reflect.Method m : type.getDeclaredMethods()) {
                boolean getter = m.getName().matches("(get|is)[A-Z].*") && m.getParameterCount() == 0;
                if (getter && java.lang.reflect.Modifier.isPublic(m.getModifiers()) && !java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                    getters.add(type.getName() + "#" + m.getName() + "()");
                }
            }
        }
        return getters;
    }

    @Test
    void declaresTheWorkflowModulesTheDefaultWorkflowNames() throws IOException {
        String descriptor = read(DESCRIPTOR);
        for (String key : List.of(PostWorkflowXml.APPROVALS_COMPLETE, PostWorkflowXml.SOCIAL_DESK_ONLY, PostWorkflowXml.CONTENT_VALID,
                PostWorkflowXml.REQUEST_APPROVALS, PostWorkflowXml.SCHEDULE_FOR_PUBLISHING)) {
            assertThat(descriptor).contains("key=\"" + key + "\"");
        }
        assertThat(descriptor).contains("<condition-class>" + ApprovalsCompleteCondition.class.getName() + "</condition-class>")
                .contains("<validator-class>" + ContentValidForNetworksValidator.class.getName() + "</validator-class>")
                .contains("<function-class>" + RequestApprovalsFunction.class.getName() + "</function-class>")
                .contains("<function-class>" + ScheduleForPublishingFunction.class.getName() + "</function-class>")
                .contains("location=\"atl.jira.view.issue.left.context\"")
                .contains("<url-pattern>/socialdesk/setup</url-pattern>");
    }

    @Test
    void theTemplatesTheIssuePanelAndSetUpRenderExist() {
        ClassLoader loader = JiraPluginDescriptorTest.class.getClassLoader();
        assertThat(loader.getResource(SocialPostPanel.TEMPLATE)).isNotNull();
        assertThat(loader.getResource(SetupServlet.TEMPLATE)).isNotNull();
        assertThat(loader.getResource(PostPanel.TEMPLATE)).isNotNull();
        assertThat(loader.getResource(PostEditorPage.TEMPLATE)).isNotNull();
    }

    private static Set<String> calls(String template, String variable, String type) throws IOException {
        Matcher calls = Pattern.compile("\\$" + variable + "\\.(get\\w+)\\(\\)").matcher(read(template));
        Set<String> called = new TreeSet<>();
        while (calls.find()) called.add(type + "#" + calls.group(1) + "()");
        return called;
    }

    @Test
    void theTemplatesThePageRendersExist() {
        ClassLoader loader = JiraPluginDescriptorTest.class.getClassLoader();
        assertThat(loader.getResource(PostListPage.TEMPLATE)).isNotNull();
        assertThat(loader.getResource(PostListServlet.PAGE_TEMPLATE)).isNotNull();
    }

    @Test
    void declaresTheCalendarProjectPageAndThisWeeksPostsInTheProjectSidebar() throws IOException {
        String descriptor = read(DESCRIPTOR);
        assertThat(descriptor).contains("section=\"jira.project.sidebar.plugins.navigation\"")
                .contains("/plugins/servlet/socialdesk/calendar?project=$queryEncodedProjectKey")
                .contains("/plugins/servlet/socialdesk/this-week?project=$queryEncodedProjectKey")
                .contains("<url-pattern>/socialdesk/calendar</url-pattern>").contains("<url-pattern>/socialdesk/this-week</url-pattern>")
                .contains("location=\"socialdesk/js/calendar.js\"");
        ClassLoader loader = JiraPluginDescriptorTest.class.getClassLoader();
        assertThat(loader.getResource(io.socialdesk.jira.page.CalendarServlet.TEMPLATE)).isNotNull();
        assertThat(loader.getResource(io.socialdesk.web.page.CalendarPage.TEMPLATE)).isNotNull();
        assertThat(loader.getResource("socialdesk/js/calendar.js")).isNotNull();
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
