package io.socialdesk.confluence.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.confluence.macro.MacroExecutionException;
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import com.sun.net.httpserver.HttpServer;
import io.socialdesk.confluence.jira.JiraPostsClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EditorialCalendarMacroTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-17T10:00:00Z"), ZoneOffset.UTC);
    private static final String POSTS = """
            [
              {"id":1,"key":"MKT-1","url":"https://jira.example.com/browse/MKT-1","title":"<script>alert('x')</script> Launch",
               "text":"t","plannedAt":"2026-12-01T09:00","zone":"Europe/Paris","plannedInstant":"2026-12-01T08:00:00Z",
               "state":"DRAFT","author":"JIRAUSER10100","createdAt":"2026-11-01T08:00:00Z"},
              {"id":2,"key":"OPS-7","url":"https://jira.example.com/browse/OPS-7","title":"Other project",
               "text":"t","plannedAt":"2026-12-02T09:00","zone":"UTC","plannedInstant":"2026-12-02T09:00:00Z",
               "state":"DRAFT","author":"JIRAUSER10100","createdAt":"2026-11-01T08:00:00Z"},
              {"id":3,"key":"MKT-2","url":"javascript:alert(1)","title":"Sneaky link",
               "text":"t","plannedAt":"2026-12-03T09:00","zone":"UTC","plannedInstant":"2026-12-03T09:00:00Z",
               "state":"APPROVED","author":"JIRAUSER10100","createdAt":"2026-11-01T08:00:00Z","newField":true}
            ]
            """;

    private final PluginSettingsFactory settingsFactory = mock(PluginSettingsFactory.class);
    private final PluginSettings settings = mock(PluginSettings.class);
    private final ConversionContext page = mock(ConversionContext.class);
    private final EditorialCalendarMacro macro =
            new EditorialCalendarMacro(settingsFactory, new VelocityTemplateRenderer(), new JiraPostsClient(), NOW);
    private final AtomicReference<String> lastQuery = new AtomicReference<>();
    private final AtomicReference<String> lastAuthorization = new AtomicReference<>();
    private HttpServer jira;
    private int status = 200;

    @BeforeEach
    void startJira() throws IOException {
        jira = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jira.createContext("/rest/socialdesk/1.0/posts", exchange -> {
            lastQuery.set(exchange.getRequestURI().getQuery());
            lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = (status == 200 ? POSTS : "{\"message\":\"no\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        jira.start();
        when(settingsFactory.createGlobalSettings()).thenReturn(settings);
        when(settings.get(EditorialCalendarMacro.JIRA_BASE_URL_SETTING)).thenReturn("http://127.0.0.1:" + jira.getAddress().getPort() + "/");
        when(settings.get(EditorialCalendarMacro.JIRA_TOKEN_SETTING)).thenReturn("pat-123");
    }

    @AfterEach
    void stopJira() {
        jira.stop(0);
    }

    @Test
    void showsTheProjectsPlannedPostsFromJira() throws MacroExecutionException {
        String html = macro.execute(Map.of("project", "MKT", "months", "2"), "", page);

        assertThat(html).contains("Social editorial calendar MKT")
                .contains("<a href=\"https://jira.example.com/browse/MKT-1\">MKT-1</a>")
                .contains("2026-12-01 09:00 Europe/Paris")
                .contains("Draft").contains("Approved")
                .doesNotContain("OPS-7");
        assertThat(lastQuery.get()).isEqualTo("from=2026-11-01T00:00:00Z&to=2027-01-01T00:00:00Z&limit=500");
        assertThat(lastAuthorization.get()).isEqualTo("Bearer pat-123");
    }

    @Test
    void escapesAHostileTitleAndDropsNonWebLinks() throws MacroExecutionException {
        String html = macro.execute(Map.of("project", "MKT"), "", page);

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert('x')&lt;/script&gt; Launch");
        assertThat(html).doesNotContain("javascript:").contains("<a href=\"#\">MKT-2</a>");
    }

    @Test
    void saysSoWhenJiraIsUnreachable() throws MacroExecutionException {
        jira.stop(0);

        String html = macro.execute(Map.of("project", "MKT"), "", page);

        assertThat(html).contains("The Social Desk calendar cannot reach Jira right now.")
                .contains("Jira did not answer at 127.0.0.1.")
                .doesNotContain("<table");
    }

    @Test
    void saysSoWhenJiraRefusesTheToken() throws MacroExecutionException {
        status = 401;

        String html = macro.execute(Map.of("project", "MKT"), "", page);

        assertThat(html).contains("The Social Desk calendar cannot reach Jira right now.")
                .contains("Jira refused the request (HTTP 401)");
    }

    @Test
    void saysSoWhenNoJiraAddressIsSet() throws MacroExecutionException {
        when(settings.get(EditorialCalendarMacro.JIRA_BASE_URL_SETTING)).thenReturn(null);

        assertThat(macro.execute(Map.of("project", "MKT"), "", page))
                .contains("No Jira address is set: a Confluence admin sets " + EditorialCalendarMacro.JIRA_BASE_URL_SETTING);
    }

    @Test
    void escapesTheProblemTextToo() throws MacroExecutionException {
        when(settings.get(EditorialCalendarMacro.JIRA_BASE_URL_SETTING)).thenReturn("http://<b>bad host");

        String html = macro.execute(Map.of("project", "MKT"), "", page);

        assertThat(html).contains("The Social Desk calendar cannot reach Jira right now.").doesNotContain("<b>");
    }

    @Test
    void rejectsAParameterThatIsNotAProjectKeyOrAMonthCount() {
        assertThatThrownBy(() -> macro.execute(Map.of(), "", page))
                .isInstanceOf(MacroExecutionException.class).hasMessageContaining("project");
        assertThatThrownBy(() -> macro.execute(Map.of("project", "\"><script>"), "", page))
                .isInstanceOf(MacroExecutionException.class).hasMessageContaining("project");
        assertThatThrownBy(() -> macro.execute(Map.of("project", "MKT", "months", "13"), "", page))
                .isInstanceOf(MacroExecutionException.class).hasMessageContaining("months");
    }
}
