package io.socialdesk.jira.page;

import com.atlassian.templaterenderer.TemplateRenderer;
import io.socialdesk.core.user.User;
import io.socialdesk.jira.inbox.JiraAnswering;
import io.socialdesk.jira.user.JiraCurrentUser;
import io.socialdesk.web.page.ResponseTimesPage;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code /plugins/servlet/socialdesk/response-times?from=2026-11-01&to=2026-12-01}: the inbox's first-response and
 * resolution times, the server's {@code /inbox/response-times} page (the shared {@link ResponseTimesPage} and template)
 * in Jira's general frame, for any signed-in user, as the REST {@code GET /inbox/response-times} is.
 */
public class ResponseTimesServlet extends HttpServlet {
    public static final String TEMPLATE = "templates/jira/response-times-page.vm";
    static final String PATH = "/plugins/servlet/socialdesk/response-times";

    private final JiraAnswering answering;
    private final JiraCurrentUser currentUser;
    private final TemplateRenderer renderer;

    @Inject
    public ResponseTimesServlet(JiraAnswering answering, JiraCurrentUser currentUser, TemplateRenderer renderer) {
        this.answering = answering;
        this.currentUser = currentUser;
        this.renderer = renderer;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<User> viewer = JiraSignIn.viewerOrLogin(currentUser, request, response);
        if (viewer.isEmpty()) return;
        Map<String, Object> context = ResponseTimesPage.context(answering.answering().times(), request.getParameter("from"),
                request.getParameter("to"), request.getContextPath() + PATH);
        response.setStatus("".equals(context.get("problem")) ? HttpServletResponse.SC_OK : HttpServletResponse.SC_BAD_REQUEST);
        AdminPageAccess.renderInFrame(renderer, response, ResponseTimesPage.TEMPLATE, context, TEMPLATE, "timesHtml");
    }
}
