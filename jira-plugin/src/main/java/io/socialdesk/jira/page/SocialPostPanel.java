package io.socialdesk.jira.page;

import com.atlassian.jira.issue.Issue;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.atlassian.templaterenderer.TemplateRenderer;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.user.User;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.jira.user.JiraCurrentUser;
import io.socialdesk.web.page.PostEditorPage;
import io.socialdesk.web.page.PostPanel;
import io.socialdesk.web.rest.RestApi;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;

/**
 * The web panel on a Social post issue: the shared post panel (what goes out on each network, and
 * the review as the other templates show it) in the viewer's zone and language, and the shared
 * editor in a dialog its "Edit" link opens. The editor posts to the REST API with the version it
 * was opened at; on success the issue reloads.
 */
public class SocialPostPanel implements WritingPanel {
    public static final String TEMPLATE = "templates/jira/issue-panel.vm";
    static final String EDIT_DIALOG = "#sd-edit-dialog";

    private final SocialDeskEngine engine;
    private final JiraCurrentUser currentUser;
    private final TemplateRenderer renderer;
    private final ApplicationProperties application;

    @Inject
    public SocialPostPanel(SocialDeskEngine engine, JiraCurrentUser currentUser, TemplateRenderer renderer, ApplicationProperties application) {
        this.engine = engine;
        this.currentUser = currentUser;
        this.renderer = renderer;
        this.application = application;
    }

    @Override
    public void writeHtml(Writer writer, Map<String, Object> context) throws IOException {
        Optional<User> viewer = currentUser.get();
        if (!(context.get("issue") instanceof Issue issue) || viewer.isEmpty()) return;
        Optional<Post> post = engine.posts().findByItem(issue.getId());
        if (post.isEmpty()) {
            // An issue created with Jira's Create button: say so rather than show an empty panel.
            Map<String, Object> none = new HashMap<>();
            none.put("noPost", Boolean.TRUE);
            none.put("panelHtml", "");
            none.put("editorHtml", "");
            renderer.render(TEMPLATE, none, writer);
            return;
        }
        String base = application.getBaseUrl(UrlMode.RELATIVE);
        String browse = base + "/browse/" + issue.getKey();
        // The same review part the server's item page shows: departments, actions, diff, comments, audit.
        Map<String, Object> panel = PostPanel.context(engine.reviews().review(post.get().id(), viewer.get()), viewer.get(),
                currentUser.locale(), EDIT_DIALOG, base + RestApi.BASE_PATH);
        Map<String, Object> editor = PostEditorPage.context(post.get(), base + RestApi.BASE_PATH, browse);
        Map<String, Object> page = new HashMap<>();
        page.put("noPost", Boolean.FALSE);
        page.put("panelHtml", render(PostPanel.TEMPLATE, panel));
        page.put("editorHtml", render(PostEditorPage.TEMPLATE, editor));
        renderer.render(TEMPLATE, page, writer);
    }

    private String render(String template, Map<String, Object> context) throws IOException {
        StringWriter out = new StringWriter();
        renderer.render(template, context, out);
        return out.toString();
    }
}
