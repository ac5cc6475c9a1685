package io.socialdesk.jira.page;

import io.socialdesk.core.calendar.CalendarEntry;
import io.socialdesk.core.calendar.CalendarFilter;
import io.socialdesk.core.calendar.CalendarQuery;
import io.socialdesk.core.calendar.CalendarService;
import io.socialdesk.core.user.User;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.jira.user.JiraCurrentUser;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code /plugins/servlet/socialdesk/this-week?project=KEY}: "This week's posts" in Jira's issue navigator. A post's
 * planned time is Social Desk's, not a Jira field, so JQL cannot ask for it: this finds the posts planned this week
 * (Monday to Sunday in the viewer's zone) and opens the navigator on their issues. With none, or more
 * than {@value #MAX_KEYS} (too long for an address), it opens the calendar's week view instead.
 */
public class ThisWeekServlet extends HttpServlet {
    static final int MAX_KEYS = 100;

    private final SocialDeskEngine engine;
    private final JiraCurrentUser currentUser;

    @Inject
    public ThisWeekServlet(SocialDeskEngine engine, JiraCurrentUser currentUser) {
        this.engine = engine;
        this.currentUser = currentUser;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<User> viewer = JiraSignIn.viewerOrLogin(currentUser, request, response);
        if (viewer.isEmpty()) return;
        CalendarService calendar = engine.calendar().service();
        CalendarQuery week = CalendarQuery.week(calendar.today(viewer.get().zone()), viewer.get().zone(), CalendarFilter.NONE, Set.of());
        List<String> keys = calendar.calendar(week).entries().stream().filter(e -> e.plannedAt().isBefore(week.end()))
                .map(CalendarEntry::itemKey).filter(k -> k != null && !k.isBlank()).distinct().toList();
        String context = request.getContextPath();
        if (keys.isEmpty() || keys.size() > MAX_KEYS) {
            String project = request.getParameter("project");
            String back = context + CalendarServlet.PATH + "?" + (project == null || project.isBlank() ? "" : "project=" + encode(project.strip()) + "&")
                    + "view=week";
            response.sendRedirect(back);
            return;
        }
        response.sendRedirect(context + "/issues/?jql=" + encode(jql(keys)));
    }

    /** {@code issuekey in (SD-1, SD-7)}: the week's post issues. */
    static String jql(List<String> keys) {
        return "issuekey in (" + String.join(", ", keys) + ")";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
