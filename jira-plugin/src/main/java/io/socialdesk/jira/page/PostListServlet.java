package io.socialdesk.jira.page;

import com.atlassian.templaterenderer.TemplateRenderer;
import io.socialdesk.core.user.User;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.jira.user.JiraCurrentUser;
import io.socialdesk.web.page.PostListPage;
import io.socialdesk.web.rest.RestApi;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code /plugins/servlet/socialdesk/posts}: the shared posts page inside Jira's own chrome. The
 * body is the shared template; {@value #PAGE_TEMPLATE} only adds Jira's decorator and resources.
 */
public class PostListServlet extends HttpServlet {
    public static final String PAGE_TEMPLATE = "templates/socialdesk/jira/posts-page.vm";
    static final int FIRST_POSTS = 100;

    private final SocialDeskEngine engine;
    private final JiraCurrentUser currentUser;
    private final TemplateRenderer renderer;

    @Inject
    public PostListServlet(SocialDeskEngine engine, JiraCurrentUser currentUser, TemplateRenderer renderer) {
        this.engine = engine;
        this.currentUser = currentUser;
        this.renderer = renderer;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<User> viewer = JiraSignIn.viewerOrLogin(currentUser, request, response);
        if (viewer.isEmpty()) return;
        Map<String, Object> context = PostListPage.context(
                PostListPage.firstPosts(engine.posts(), FIRST_POSTS), viewer.get().zone(), currentUser.locale(),
                request.getContextPath() + RestApi.BASE_PATH);
        StringWriter body = new StringWriter();
        renderer.render(PostListPage.TEMPLATE, context, body);
        // The name ends in "Html": Atlassian's renderer does not escape it again (it is the rendered, escaped body).
        context.put("bodyHtml", body.toString());
        response.setContentType("text/html;charset=UTF-8");
        renderer.render(PAGE_TEMPLATE, context, response.getWriter());
    }
}
