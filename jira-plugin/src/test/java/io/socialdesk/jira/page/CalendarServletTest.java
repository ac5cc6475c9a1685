package io.socialdesk.jira.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.templaterenderer.TemplateRenderer;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.memory.MemoryCalendar;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.jira.user.JiraCurrentUser;
import io.socialdesk.web.calendar.CalendarItem;
import io.socialdesk.web.calendar.CalendarView;
import io.socialdesk.web.calendar.EditorialCalendar;
import io.socialdesk.web.page.CalendarPage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The calendar in Jira: the project page renders the shared calendar with Jira's addresses (the servlet, the REST
 * API under the context path, issues to open posts) in the viewer's zone and language inside a project-centric
 * frame; without a project it is a 404, signed out it goes to Jira's login; "This week's posts" opens the issue
 * navigator on the week's post issues, or the calendar's week when there are none.
 */
class CalendarServletTest {
    private final MemoryCalendar memory = new MemoryCalendar(Instant.parse("2026-03-18T10:00:00Z"));
    private final SocialDeskEngine engine = mock(SocialDeskEngine.class);
    private final JiraCurrentUser currentUser = mock(JiraCurrentUser.class);
    private final ProjectManager projects = mock(ProjectManager.class);
    private final Project project = mock(Project.class);
    private final TemplateRenderer renderer = mock(TemplateRenderer.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final User laura = new User("JIRAUSER-3", "Laura", Set.of(Role.MARKETING_AUTHOR), ZoneId.of("America/New_York"));
    private final long mastodon = memory.account(Network.MASTODON, "@acme@mastodon.social").id();

    CalendarServletTest() throws Exception {
        EditorialCalendar calendar = new EditorialCalendar(memory.stores.keyDates, memory.stores.blackouts, memory.stores.schedules, memory.blackouts,
                memory.calendar);
        when(engine.calendar()).thenReturn(calendar);
        when(engine.accounts()).thenReturn(memory.stores.accounts);
        when(currentUser.locale()).thenReturn(Locale.FRENCH);
        when(projects.getProjectObjByKey("SOC")).thenReturn(project);
        when(project.getKey()).thenReturn("SOC");
        when(project.getId()).thenReturn(10100L);
        when(project.getName()).thenReturn("Social");
        when(request.getContextPath()).thenReturn("/jira");
        when(request.getRequestURI()).thenReturn("/jira/plugins/servlet/socialdesk/calendar");
        when(response.getWriter()).thenReturn(new PrintWriter(new StringWriter()));
    }

    @Test
    void theProjectPageRendersTheSharedCalendarWithJirasAddressesInTheViewersZone() throws Exception {
        Post post = memory.draft("Spring sale", "2026-03-24T09:00", MemoryCalendar.PARIS, mastodon);
        when(currentUser.get()).thenReturn(Optional.of(laura));
        when(request.getParameter("project")).thenReturn("SOC");
        when(request.getParameter("month")).thenReturn("2026-03");

        new CalendarServlet(engine, currentUser, projects, renderer).doGet(request, response);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> body = ArgumentCaptor.forClass(Map.class);
        verify(renderer).render(eq(CalendarPage.TEMPLATE), body.capture(), any(Writer.class));
        CalendarView view = (CalendarView) body.getValue().get("calendar");
        CalendarPage page = (CalendarPage) body.getValue().get("page");
        CalendarItem item = view.getEntries().get(0);
        assertThat(item.getPostId()).isEqualTo(post.id());
        assertThat(item.getTime()).as("09:00 Paris is 04:00 in New York that day").isEqualTo("04:00");
        assertThat(view.getTitle()).as("in Laura's Jira language").isEqualTo("Mars 2026");
        assertThat(page.getLinkBase()).isEqualTo("/jira");
        assertThat(page.getRescheduleBase()).isEqualTo("/jira/rest/socialdesk/1.0/calendar/posts");
        assertThat(page.getMayReschedule()).isTrue();
        assertThat(page.getNextUrl()).isEqualTo("/jira/plugins/servlet/socialdesk/calendar?project=SOC&view=month&month=2026-04");
        assertThat(page.getHiddenFields()).extracting(CalendarPage.Hidden::getName).startsWith("project");
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> frame = ArgumentCaptor.forClass(Map.class);
        verify(renderer).render(eq(CalendarServlet.TEMPLATE), frame.capture(), any(Writer.class));
        assertThat(frame.getValue()).containsEntry("projectKey", "SOC").containsEntry("projectId", "10100").containsKey("calendarHtml");
        verify(response).setStatus(200);
    }

    @Test
    void aMonthThatIsNotAMonthIsA400WithTheProblemNamed() throws Exception {
        when(currentUser.get()).thenReturn(Optional.of(laura));
        when(request.getParameter("project")).thenReturn("SOC");
        when(request.getParameter("month")).thenReturn("march");

        new CalendarServlet(engine, currentUser, projects, renderer).doGet(request, response);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> body = ArgumentCaptor.forClass(Map.class);
        verify(renderer).render(eq(CalendarPage.TEMPLATE), body.capture(), any(Writer.class));
        CalendarPage page = (CalendarPage) body.getValue().get("page");
        assertThat(page.getProblems()).extracting(CalendarPage.ProblemRow::getRule).containsExactly("year-month");
        verify(response).setStatus(400);
    }

    @Test
    void withoutAProjectItIsNotFoundAndSignedOutItIsJirasLogin() throws Exception {
        when(currentUser.get()).thenReturn(Optional.of(laura));
        when(request.getParameter("project")).thenReturn("NOPE");
        new CalendarServlet(engine, currentUser, projects, renderer).doGet(request, response);
        verify(response).sendError(eq(HttpServletResponse.SC_NOT_FOUND), contains("NOPE"));

        when(currentUser.get()).thenReturn(Optional.empty());
        when(request.getQueryString()).thenReturn("project=SOC");
        new CalendarServlet(engine, currentUser, projects, renderer).doGet(request, response);
        verify(response).sendRedirect("/jira/login.jsp?os_destination=%2Fjira%2Fplugins%2Fservlet%2Fsocialdesk%2Fcalendar%3Fproject%3DSOC");
        verify(renderer, never()).render(eq(CalendarPage.TEMPLATE), anyMap(), any(Writer.class));
    }

    @Test
    void thisWeeksPostsOpenTheIssueNavigatorOnTheirIssues() throws Exception {
        Post thisWeek = memory.draft("Wednesday", "2026-03-18T18:00", MemoryCalendar.PARIS, mastodon);
        Post sunday = memory.draft("Sunday", "2026-03-22T20:00", MemoryCalendar.PARIS, mastodon);
        memory.draft("Next week", "2026-03-23T09:00", MemoryCalendar.PARIS, mastodon);
        when(currentUser.get()).thenReturn(Optional.of(MemoryCalendar.ALICE));
        when(request.getParameter("project")).thenReturn("SOC");

        new ThisWeekServlet(engine, currentUser).doGet(request, response);

        String jql = ThisWeekServlet.jql(List.of(thisWeek.item().key(), sunday.item().key()));
        assertThat(jql).isEqualTo("issuekey in (" + thisWeek.item().key() + ", " + sunday.item().key() + ")");
        verify(response).sendRedirect("/jira/issues/?jql=" + java.net.URLEncoder.encode(jql, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aWeekWithoutPostsOpensTheCalendarsWeek() throws Exception {
        when(currentUser.get()).thenReturn(Optional.of(MemoryCalendar.ALICE));
        when(request.getParameter("project")).thenReturn("SOC");

        new ThisWeekServlet(engine, currentUser).doGet(request, response);

        verify(response).sendRedirect("/jira/plugins/servlet/socialdesk/calendar?project=SOC&view=week");
    }
}
