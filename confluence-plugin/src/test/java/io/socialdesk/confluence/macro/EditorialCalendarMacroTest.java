package io.socialdesk.confluence.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.confluence.macro.MacroExecutionException;
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialdesk.confluence.jira.JiraCalendarClient;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.memory.MemoryCalendar;
import io.socialdesk.core.post.PlannedTime;
import io.socialdesk.core.post.PostContent;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.web.rest.CalendarDataResource;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The macro over the stubs (settings and page mocked with Mockito), its template and the shared calendar templates
 * rendered with real Velocity, and Jira played by a real HTTP server whose answers come from the real
 * {@link CalendarDataResource} over the calendar in memory: what Jira sends is what the macro reads.
 */
class EditorialCalendarMacroTest {
    private static final Instant NOW = Instant.parse("2026-11-17T10:00:00Z");
    private static final String XSS = "<img src=x onerror=alert(1)>";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MemoryCalendar jiraCalendar = new MemoryCalendar(NOW);
    private final CalendarDataResource resource = new CalendarDataResource(jiraCalendar.calendar, jiraCalendar.stores.accounts,
            () -> Optional.of(MemoryCalendar.MARC));
    private final PluginSettingsFactory settingsFactory = mock(PluginSettingsFactory.class);
    private final PluginSettings settings = mock(PluginSettings.class);
    private final ConversionContext page = mock(ConversionContext.class);
    private final EditorialCalendarMacro macro = new EditorialCalendarMacro(settingsFactory, new VelocityTemplateRenderer(), new JiraCalendarClient(),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final MockWebServer jira = new MockWebServer();
    private MockResponse refusal;

    @BeforeEach
    void startJira() throws IOException {
        long mastodon = jiraCalendar.stores.accounts.add(Network.MASTODON, "@acme@mastodon.social", "Acme").id();
        post("MKT-1", XSS, LocalDateTime.parse("2026-12-01T09:00"), PostState.SCHEDULED, mastodon);
        post("MKT-2", "Black Friday", LocalDateTime.parse("2026-11-27T09:00"), PostState.APPROVED, mastodon);
        post("OPS-7", "Other project", LocalDateTime.parse("2026-11-26T09:00"), PostState.APPROVED, mastodon);
        jira.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (refusal != null) return refusal;
                HttpUrl url = request.getRequestUrl();
                if (!url.encodedPath().equals("/jira/rest/socialdesk/1.0/calendar-data")) return new MockResponse().setResponseCode(404);
                try {
                    Object body = resource.data(url.queryParameter("project"), url.queryParameter("view"), url.queryParameter("month"),
                            url.queryParameter("week"), url.queryParameter("from"), url.queryParameter("to"), url.queryParameter("zone"),
                            url.queryParameterValues("network"), url.queryParameterValues("account"), url.queryParameterValues("campaign"),
                            url.queryParameterValues("state"), url.queryParameterValues("author"), url.queryParameterValues("department"),
                            url.queryParameterValues("countries"));
                    return new MockResponse().setHeader("Content-Type", "application/json").setBody(JSON.writeValueAsString(body));
                } catch (InvalidInputException e) {
                    return new MockResponse().setResponseCode(400).setBody("{\"error\":" + quote(e.getMessage()) + ",\"field\":\"" + e.first().field() + "\"}");
                } catch (IOException e) {
                    return new MockResponse().setResponseCode(500);
                }
            }
        });
        jira.start();
        when(settingsFactory.createGlobalSettings()).thenReturn(settings);
        when(settings.get(EditorialCalendarMacro.JIRA_BASE_URL_SETTING)).thenReturn(jira.url("/jira/").toString());
        when(settings.get(EditorialCalendarMacro.JIRA_TOKEN_SETTING)).thenReturn("pat-123");
    }

    @AfterEach
    void stopJira() throws IOException {
        jira.shutdown();
    }

    private void post(String key, String title, LocalDateTime local, PostState state, long account) {
        PostContent content = new PostContent(title, Map.of(), List.of(), List.of(), Optional.empty(), List.of(), null, "launch", "en", List.of(account));
        long id = Long.parseLong(key.substring(key.indexOf('-') + 1));
        jiraCalendar.stores.posts.create(new TrackedItem(id, key, "/browse/" + key), title, content, new PlannedTime(local, ZoneId.of("Europe/Paris")),
                state, "alice", NOW);
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private RecordedRequest lastRequest() throws InterruptedException {
        return jira.takeRequest(5, TimeUnit.SECONDS);
    }

    @Test
    void aMonthViewRendersTheSharedMonthGridWithTheProjectsPostsFromJira() throws Exception {
        String html = macro.execute(Map.of("project", "MKT"), "", page);

        RecordedRequest request = lastRequest();
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer pat-123");
        assertThat(request.getRequestUrl().queryParameter("project")).isEqualTo("MKT");
        assertThat(request.getRequestUrl().queryParameter("from")).as("the grid's first Monday").isEqualTo("2026-10-26");
        assertThat(request.getRequestUrl().queryParameter("to")).as("the day after the grid's last Sunday").isEqualTo("2026-12-07");
        assertThat(html).contains("Social editorial calendar MKT").containsPattern("id=\"sdm\\d+-1-sd-cal-month\"")
                .containsPattern("id=\"sdm\\d+-1-sd-day-2026-11-27\"").contains("Black Friday")
                .contains("href=\"" + jira.url("/jira").toString().replaceAll("/$", "") + "/posts/")
                .doesNotContain("Other project")
                .doesNotContain("data-reschedule-url");
        // The grid's trailing days reach into December: the post of 1 December shows there, escaped.
        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain(XSS);
    }

    @Test
    void severalMonthsAheadAreSeveralGridsFromOneRequest() throws Exception {
        String html = macro.execute(Map.of("project", "MKT", "months", "3"), "", page);

        assertThat(jira.getRequestCount()).isEqualTo(1);
        assertThat(lastRequest().getRequestUrl().queryParameter("to")).isEqualTo("2027-02-01");
        assertThat(html).as("1 December is in November's trailing week and in December's grid").containsSubsequence(
                "&lt;img src=x onerror=alert(1)&gt;", "&lt;img src=x onerror=alert(1)&gt;");
        assertThat(html.split("sd-cal-month\"", -1)).hasSize(4);
        assertThat(html).contains("November 2026").contains("December 2026").contains("January 2027");
    }

    @Test
    void theListAndWeekViewsUseTheirSharedTemplatesAndFiltersGoToJira() throws Exception {
        String list = macro.execute(Map.of("project", "MKT", "view", "list", "months", "2", "filters", "state=SCHEDULED&network=MASTODON"), "",
                page);
        RecordedRequest request = lastRequest();
        assertThat(request.getRequestUrl().queryParameterValues("state")).containsExactly("SCHEDULED");
        assertThat(request.getRequestUrl().queryParameterValues("network")).containsExactly("MASTODON");
        assertThat(list).contains("data-view=\"list\"").contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("Black Friday");

        String week = macro.execute(Map.of("project", "MKT", "view", "week"), "", page);
        assertThat(lastRequest().getRequestUrl().queryParameter("week")).isEqualTo("2026-W47");
        assertThat(week).contains("data-view=\"week\"");
    }

    @Test
    void aFilterJiraRefusesIsShownAsItsMessageEscaped() throws Exception {
        String html = macro.execute(Map.of("project", "MKT", "filters", "network=MYSPACE<b>"), "", page);

        assertThat(html).contains("Jira refused the calendar's parameters").contains("Unknown network")
                .doesNotContain("MYSPACE<b>").doesNotContain("sd-cal-month");
    }

    @Test
    void aRefusedTokenOrAUserWithoutPermissionIsSaidInWords() throws Exception {
        refusal = new MockResponse().setResponseCode(401).setBody("{\"error\":\"Sign in\"}");
        assertThat(macro.execute(Map.of("project", "MKT"), "", page)).contains("Jira did not let Social Desk read this calendar.")
                .contains("Jira did not accept the token in Social Desk's settings (HTTP 401).").doesNotContain("pat-123");

        refusal = new MockResponse().setResponseCode(403).setBody("{\"error\":\"No\"}");
        assertThat(macro.execute(Map.of("project", "MKT"), "", page)).contains("may not see this calendar (HTTP 403)");
    }

    @Test
    void anUnreachableJiraOrAnAnswerThatIsNotACalendarIsSaid() throws Exception {
        refusal = new MockResponse().setBody("<html>a login page</html>");
        assertThat(macro.execute(Map.of("project", "MKT"), "", page)).contains("The Social Desk calendar cannot reach Jira right now.")
                .contains("was not the Social Desk calendar");

        jira.shutdown();
        String html = macro.execute(Map.of("project", "MKT"), "", page);
        assertThat(html).contains("The Social Desk calendar cannot reach Jira right now.").contains("Jira did not answer at")
                .doesNotContain("<table");
    }

    @Test
    void noAddressOrABadOneIsSaidAndEscaped() throws Exception {
        when(settings.get(EditorialCalendarMacro.JIRA_BASE_URL_SETTING)).thenReturn(null);
        assertThat(macro.execute(Map.of("project", "MKT"), "", page))
                .contains("No Jira address is set: a Confluence admin sets " + EditorialCalendarMacro.JIRA_BASE_URL_SETTING);

        when(settings.get(EditorialCalendarMacro.JIRA_BASE_URL_SETTING)).thenReturn("http://<b>bad host");
        assertThat(macro.execute(Map.of("project", "MKT"), "", page)).contains("not a valid http(s) URL").doesNotContain("<b>");
    }

    @Test
    void rejectsParametersThatAreNotAProjectKeyViewMonthCountOrFilters() {
        assertThatThrownBy(() -> macro.execute(Map.of(), "", page)).isInstanceOf(MacroExecutionException.class).hasMessageContaining("project");
        assertThatThrownBy(() -> macro.execute(Map.of("project", "\"><script>"), "", page)).hasMessageContaining("project");
        assertThatThrownBy(() -> macro.execute(Map.of("project", "MKT", "months", "13"), "", page)).hasMessageContaining("months");
        assertThatThrownBy(() -> macro.execute(Map.of("project", "MKT", "view", "year"), "", page)).hasMessageContaining("view");
        assertThatThrownBy(() -> macro.execute(Map.of("project", "MKT", "filters", "colour=red"), "", page)).hasMessageContaining("filters");
    }

    /** Every id the html gives an element, repeats included. */
    private static List<String> ids(String html) {
        List<String> ids = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\sid=\"([^\"]*)\"").matcher(html);
        while (m.find()) ids.add(m.group(1));
        return ids;
    }

    @Test
    void twoMonthsOverTheDaysTheirGridsShareAndTwoMacrosOnOnePageRepeatNoId() throws Exception {
        // November's grid runs to Sunday 6 December and December's starts on Monday 30 November: 1 December (the XSS
        // post) and its days are in both grids.
        String html = macro.execute(Map.of("project", "MKT", "months", "2"), "", page);

        List<String> ids = ids(html);
        assertThat(ids.stream().filter(id -> id.endsWith("sd-day-2026-12-01"))).as("the shared day, once per grid").hasSize(2);
        assertThat(ids.stream().filter(id -> id.endsWith("sd-cal-month"))).hasSize(2);
        assertThat(ids.stream().filter(id -> id.contains("sd-entry-"))).as("the shared day's post, once per grid")
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(html).as("the macro is read-only: nothing to subscribe from Confluence").doesNotContain("sd-subscribe");

        List<String> both = new java.util.ArrayList<>(ids);
        both.addAll(ids(macro.execute(Map.of("project", "MKT", "months", "2"), "", page)));
        assertThat(both).as("a second macro on the same page").doesNotHaveDuplicates();
    }
}
