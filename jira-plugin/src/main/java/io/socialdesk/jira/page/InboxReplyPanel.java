package io.socialdesk.jira.page;

import com.atlassian.jira.issue.Issue;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.atlassian.templaterenderer.TemplateRenderer;
import io.socialdesk.core.inbox.InboxItem;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.core.user.User;
import io.socialdesk.jira.inbox.JiraAnswering;
import io.socialdesk.jira.inbox.JiraInbox;
import io.socialdesk.jira.user.JiraCurrentUser;
import io.socialdesk.web.page.AnswerPanel;
import io.socialdesk.web.rest.RestApi;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;

/**
 * The replies panel on an issue of the social inbox: the shared {@link AnswerPanel} (replies with their state and
 * link, approve / reject / confirm / send again where the viewer may, the form to write one, "forget" for admins),
 * whose forms reply-panel.js posts to the REST API ({@code /inbox/...}); the issue reloads on success. Nothing is
 * shown on other issues.
 */
public class InboxReplyPanel implements WritingPanel {
    public static final String TEMPLATE = "templates/jira/reply-panel.vm";

    private final JiraInbox inbox;
    private final JiraAnswering answering;
    private final JiraCurrentUser currentUser;
    private final TemplateRenderer renderer;
    private final ApplicationProperties application;

    @Inject
    public InboxReplyPanel(JiraInbox inbox, JiraAnswering answering, JiraCurrentUser currentUser, TemplateRenderer renderer,
            ApplicationProperties application) {
        this.inbox = inbox;
        this.answering = answering;
        this.currentUser = currentUser;
        this.renderer = renderer;
        this.application = application;
    }

    @Override
    public void writeHtml(Writer writer, Map<String, Object> context) throws IOException {
        Optional<User> viewer = currentUser.get();
        if (!(context.get("issue") instanceof Issue issue) || viewer.isEmpty()) return;
        List<InboxItem> conversation = inbox.inbox().store().onTicket(issue.getKey(), 500);
        if (conversation.isEmpty()) return;
        String base = application.getBaseUrl(UrlMode.RELATIVE);
        String rest = base + RestApi.BASE_PATH + "/inbox";
        TrackedItem ticket = new TrackedItem(issue.getId(), issue.getKey(), base + "/browse/" + issue.getKey());
        AnswerPanel panel = new AnswerPanel(ticket, conversation, answering.answering().replies().forTicket(issue.getKey()), viewer.get(),
                currentUser.locale(), null, null, rest + "/tickets/" + issue.getKey() + "/replies", rest + "/replies/", rest + "/forget");
        Map<String, Object> page = new HashMap<>();
        page.put("answer", panel);
        renderer.render(TEMPLATE, page, writer);
    }
}
