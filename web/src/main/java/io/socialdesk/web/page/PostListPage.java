package io.socialdesk.web.page;

import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostService;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The posts page: the view model behind {@value #TEMPLATE}, the same in every host. */
public final class PostListPage {
    public static final String TEMPLATE = "templates/socialdesk/post-list.vm";

    private PostListPage() {}

    /**
     * @param restBase where the page's script sends its requests, e.g. {@code /rest/socialdesk/1.0}
     *     on the server or Jira's context path plus that
     */
    public static Map<String, Object> context(List<Post> posts, ZoneId viewerZone, Locale locale, String restBase) {
        Map<String, Object> context = new HashMap<>();
        context.put("posts", posts.stream().map(post -> new PostRow(post, viewerZone, locale)).toList());
        // A plain boolean: Jira 10's Velocity allowlist need not admit java.util.List#isEmpty().
        context.put("noPosts", posts.isEmpty());
        context.put("viewerZone", viewerZone.getId());
        context.put("restBase", restBase);
        return context;
    }

    /** The first {@code limit} posts, soonest first. */
    public static List<Post> firstPosts(PostService posts, int limit) {
        return posts.list(io.socialdesk.core.post.PostQuery.firstPosts(limit));
    }
}
