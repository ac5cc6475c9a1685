package io.socialdesk.jira.page;

import com.atlassian.jira.security.GlobalPermissionManager;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import com.atlassian.templaterenderer.TemplateRenderer;
import io.socialdesk.core.publish.PublishingQueue;
import io.socialdesk.core.user.User;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.jira.publish.JiraPublishing;
import io.socialdesk.web.page.QueuePage;
import io.socialdesk.web.rest.RestApi;
import java.io.IOException;
import java.util.Optional;
import javax.inject.Inject;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code /plugins/servlet/socialdesk/queue}: the shared publishing queue page (the server's {@code /admin/queue}) in
 * Jira's admin frame, for marketing leads and Jira administrators. Its buttons work through
 * {@code /rest/socialdesk/1.0/queue}.
 */
public class QueueServlet extends HttpServlet {
    public static final String TEMPLATE = "templates/jira/queue-page.vm";
    static final String REFUSED = "Only marketing leads and Jira administrators see the publishing queue.";

    private final SocialDeskEngine engine;
    private final PublishingQueue queue;
    private final AdminPageAccess access;
    private final TemplateRenderer renderer;

    @Inject
    public QueueServlet(SocialDeskEngine engine, JiraPublishing publishing, JiraAuthenticationContext authentication,
            GlobalPermissionManager permissions, PluginSettingsFactory settings, TemplateRenderer renderer) {
        this.engine = engine;
        this.queue = publishing.queue();
        this.access = new AdminPageAccess(authentication, permissions, settings);
        this.renderer = renderer;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Jira administrators hold Role.ADMIN already (JiraCurrentUser), so the queue lets them act.
        Optional<User> viewer = access.viewer(response, engine.currentUser().get(), PublishingQueue::mayOperate, REFUSED);
        if (viewer.isEmpty()) return;
        AdminPageAccess.renderInFrame(renderer, response, QueuePage.TEMPLATE,
                QueuePage.context(queue, viewer.get(), access.locale(), request.getContextPath() + RestApi.BASE_PATH), TEMPLATE, "queueHtml");
    }
}
