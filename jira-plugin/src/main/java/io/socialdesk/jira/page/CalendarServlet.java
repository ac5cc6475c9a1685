package io.socialdesk.jira.page;

import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.templaterenderer.TemplateRenderer;
import io.socialdesk.core.user.User;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.jira.user.JiraCurrentUser;
import io.socialdesk.web.page.CalendarPage;
import io.socialdesk.web.rest.RestApi;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code /plugins/servlet/socialdesk/calendar?project=KEY}: the shared editorial calendar as a project page (the
 * project sidebar's "Editorial calendar" link), in the viewer's Jira zone and language. The query parameters are the
 * server's ({@link CalendarPage#of}); posts open as their issues; a drop goes through
 * {@code POST /rest/socialdesk/1.0/calendar/posts/{id}/reschedule}. Thin: the page is web's.
 */
public class CalendarServlet extends HttpServlet {
    public static final String TEMPLATE = "templates/jira/calendar-page.vm";
    public static final String PATH = "/plugins/servlet/socialdesk/calendar";

    private final SocialDeskEngine engine;
    private final JiraCurrentUser currentUser;
    private final ProjectManager projects;
    private final TemplateRenderer renderer;

    @Inject
    public CalendarServlet(SocialDeskEngine engine, JiraCurrentUser currentUser, ProjectManager projects, TemplateRenderer renderer) {
        this.engine = engine;
        this.currentUser = currentUser;
        this.projects = projects;
        this.renderer = renderer;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<User> viewer = JiraSignIn.viewerOrLogin(currentUser, request, response);
        if (viewer.isEmpty()) return;
        String key = request.getParameter("project");
        Project project = key == null || key.isBlank() ? null : projects.getProjectObjByKey(key.strip());
        if (project == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No project " + (key == null ? "" : key.strip()) + ": open the calendar from a project's sidebar.");
            return;
        }
        String context = request.getContextPath();
        CalendarPage.Page page = CalendarPage.of(engine.calendar().service(), viewer.get(), currentUser.locale(),
                new CalendarPage.Host(context + PATH, Map.of("project", project.getKey()), context + RestApi.BASE_PATH, context, project.getKey()),
                engine.accounts().list(), request::getParameter);
        StringWriter body = new StringWriter();
        renderer.render(CalendarPage.TEMPLATE, page.context(), body);
        Map<String, Object> frame = new HashMap<>();
        frame.put("projectKey", project.getKey());
        frame.put("projectId", String.valueOf(project.getId()));
        frame.put("projectName", project.getName() == null ? project.getKey() : project.getName());
        // The name ends in "Html": Jira's renderer does not escape it again (it is the rendered, escaped calendar).
        frame.put("calendarHtml", body.toString());
        response.setStatus(page.status());
        response.setContentType("text/html;charset=UTF-8");
        renderer.render(TEMPLATE, frame, response.getWriter());
    }
}
