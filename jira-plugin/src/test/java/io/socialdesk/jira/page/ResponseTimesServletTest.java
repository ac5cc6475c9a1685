package io.socialdesk.jira.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.atlassian.templaterenderer.TemplateRenderer;
import io.socialdesk.core.inbox.answer.ResponseTimes;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import io.socialdesk.jira.inbox.JiraAnswering;
import io.socialdesk.jira.user.JiraCurrentUser;
import io.socialdesk.web.inbox.Answering;
import io.socialdesk.web.page.ResponseTimesPage;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The response-times page in Jira: the server's view model and template over Jira's answering, for signed-in users. */
class ResponseTimesServletTest {
    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");

    private final ResponseTimes times = mock(ResponseTimes.class);
    private final JiraCurrentUser currentUser = mock(JiraCurrentUser.class);
    private final TemplateRenderer renderer = mock(TemplateRenderer.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final ResponseTimesServlet servlet = new ResponseTimesServlet(new JiraAnswering(new Answering(null, times, null)), currentUser, renderer);

    ResponseTimesServletTest() throws Exception {
        when(request.getContextPath()).thenReturn("/jira");
        when(request.getRequestURI()).thenReturn("/jira/plugins/servlet/socialdesk/response-times");
        when(response.getWriter()).thenReturn(new PrintWriter(new StringWriter()));
    }

    @Test
    void aSignedInAgentSeesThePeriodsFiguresPerDepartmentAndNetworkInTheSharedTemplate() throws Exception {
        when(currentUser.get()).thenReturn(Optional.of(new User("JIRAUSER-3", "Sam", Set.of(Role.SUPPORT_AGENT), ZoneOffset.UTC)));
        when(request.getParameter("from")).thenReturn("2026-11-01");
        when(request.getParameter("to")).thenReturn("2026-12-01");
        ResponseTimes.Figures all = new ResponseTimes.Figures("all", 3, 2, Duration.ofMinutes(45), Duration.ofMinutes(50), 1, Duration.ofHours(3),
                Duration.ofHours(3));
        ResponseTimes.Figures support = new ResponseTimes.Figures("SUPPORT", 3, 2, Duration.ofMinutes(45), Duration.ofMinutes(50), 1,
                Duration.ofHours(3), Duration.ofHours(3));
        ResponseTimes.Figures bluesky = new ResponseTimes.Figures("BLUESKY", 3, 2, Duration.ofMinutes(45), Duration.ofMinutes(50), 1,
                Duration.ofHours(3), Duration.ofHours(3));
        when(times.report(FROM, TO)).thenReturn(new ResponseTimes.Report(FROM, TO, all, List.of(support), List.of(bluesky), false));

        servlet.doGet(request, response);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> context = ArgumentCaptor.forClass(Map.class);
        verify(renderer).render(eq(ResponseTimesPage.TEMPLATE), context.capture(), any(java.io.Writer.class));
        ResponseTimesPage page = (ResponseTimesPage) context.getValue().get("report");
        assertThat(context.getValue().get("problem")).isEqualTo("");
        assertThat(page.getFormAction()).isEqualTo("/jira/plugins/servlet/socialdesk/response-times");
        assertThat(page.getFrom()).isEqualTo("2026-11-01");
        assertThat(page.getTo()).isEqualTo("2026-12-01");
        assertThat(page.getGroups()).extracting(ResponseTimesPage.Group::getTitleKey)
                .containsExactly("socialdesk.times.all", "socialdesk.times.byDepartment", "socialdesk.times.byNetwork");
        assertThat(page.getGroups().get(1).getRows()).singleElement().satisfies(r -> {
            assertThat(r.getGroup()).isEqualTo("SUPPORT");
            assertThat(r.getMedianFirstResponse()).isEqualTo("45 min");
        });
        verify(renderer).render(eq(ResponseTimesServlet.TEMPLATE), anyMap(), any(java.io.Writer.class));
        verify(response).setStatus(HttpServletResponse.SC_OK);
    }

    @Test
    void aBadPeriodIsShownAboveTheDefaultPeriodWith400() throws Exception {
        when(currentUser.get()).thenReturn(Optional.of(new User("JIRAUSER-3", "Sam", Set.of(Role.SUPPORT_AGENT), ZoneOffset.UTC)));
        when(request.getParameter("from")).thenReturn("2026-12-01");
        when(request.getParameter("to")).thenReturn("2026-11-01");
        when(times.report(TO, FROM)).thenThrow(new InvalidInputException("from", "before-to", "The period must start before it ends."));
        ResponseTimes.Figures none = new ResponseTimes.Figures("all", 0, 0, null, null, 0, null, null);
        when(times.report(null, null)).thenReturn(new ResponseTimes.Report(FROM, TO, none, List.of(), List.of(), false));

        servlet.doGet(request, response);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> context = ArgumentCaptor.forClass(Map.class);
        verify(renderer).render(eq(ResponseTimesPage.TEMPLATE), context.capture(), any(java.io.Writer.class));
        assertThat(context.getValue().get("problem")).isEqualTo("The period must start before it ends.");
        assertThat(((ResponseTimesPage) context.getValue().get("report")).getEmpty()).isTrue();
        verify(response).setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }

    @Test
    void someoneNotSignedInIsSentToLogIn() throws Exception {
        when(currentUser.get()).thenReturn(Optional.empty());
        servlet.doGet(request, response);
        verify(response).sendRedirect(org.mockito.ArgumentMatchers.startsWith("/jira/login.jsp?os_destination="));
        verify(renderer, never()).render(any(), anyMap(), any(java.io.Writer.class));
    }

    @Test
    void everyGetterTheSharedTemplateCallsIsAllowlisted() throws Exception {
        String template = read(ResponseTimesPage.TEMPLATE);
        String descriptor = read("atlassian-plugin.xml");
        Map<String, String> classes = Map.of("report", "ResponseTimesPage", "group", "ResponseTimesPage$Group", "row", "ResponseTimesPage$Row");
        Matcher calls = Pattern.compile("\\$\\{?(report|group|row)\\.(get\\w+)\\(\\)").matcher(template);
        Set<String> called = new TreeSet<>();
        while (calls.find()) called.add("io.socialdesk.web.page." + classes.get(calls.group(1)) + "#" + calls.group(2) + "()");
        assertThat(called).hasSizeGreaterThan(12);
        assertThat(called).allSatisfy(method -> assertThat(descriptor).contains("<method>" + method + "</method>"));
    }

    private static String read(String resource) throws Exception {
        try (InputStream in = ResponseTimesServletTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
