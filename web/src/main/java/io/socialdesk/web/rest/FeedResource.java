package io.socialdesk.web.rest;

import io.socialdesk.channel.feed.AtomFeed;
import io.socialdesk.channel.feed.FeedEntry;
import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.AccountStore;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostQuery;
import io.socialdesk.core.post.PostService;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.problem.NotFoundException;
import io.socialdesk.core.user.CurrentUser;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.inject.Inject;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

/**
 * {@code GET /feeds/{project}.atom}: an Atom feed (RFC 4287) of the project's published posts, one
 * entry per post and account, or one account's with {@code ?account=ID}. For signed-in readers: a
 * feed reader sends an API token (server) or a personal access token (Jira). Each entry links to the
 * post's work item until the network's URL of each delivery is stored (issue 5).
 */
@Path("/feeds")
public class FeedResource {
    /** The newest this many published posts are listed. */
    public static final int MAX_POSTS = PostQuery.MAX_LIMIT;

    private final PostService posts;
    private final AccountStore accounts;
    private final CurrentUser currentUser;
    private final Clock clock;

    @Inject
    public FeedResource(PostService posts, AccountStore accounts, CurrentUser currentUser, Clock clock) {
        this.posts = posts;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GET
    @Path("/{project: [A-Za-z][A-Za-z0-9_]*}.atom")
    @Produces(AtomFeed.MEDIA_TYPE)
    public Response feed(@PathParam("project") String project, @QueryParam("account") String account, @Context UriInfo uri) {
        currentUser.require();
        String key = project.toUpperCase(java.util.Locale.ROOT);
        Map<Long, Account> known = accounts.list().stream().collect(Collectors.toMap(Account::id, Function.identity()));
        Optional<Account> only = Optional.empty();
        if (account != null && !account.isBlank()) {
            long id = QueryParams.positiveLong("account", account);
            only = Optional.of(Optional.ofNullable(known.get(id)).orElseThrow(() -> new NotFoundException("No account with id " + id)));
        }
        List<Post> published = posts.list(new PostQuery(Optional.empty(), Optional.empty(), Optional.of(PostState.PUBLISHED), Optional.empty(),
                Optional.empty(), MAX_POSTS));
        URI site = uri.getBaseUri().resolve("/");
        List<FeedEntry> entries = new ArrayList<>();
        for (Post post : published) {
            if (!post.item().projectKey().equalsIgnoreCase(key)) continue;
            String link = site.resolve(post.item().url()).toString();
            for (Long accountId : post.content().accountIds()) {
                Account target = known.get(accountId);
                if (target == null || only.map(a -> a.id() != accountId).orElse(false)) continue;
                String text = post.content().textFor(target.network());
                entries.add(new FeedEntry("post:" + post.id() + ":account:" + accountId, FeedEntry.titleOf(text, 80), text, post.updatedAt(),
                        post.updatedAt(), link, target.network(), target.displayName()));
            }
        }
        String scope = key + only.map(a -> "/account/" + a.id()).orElse("");
        String title = "Social Desk: " + key + only.map(a -> " - " + a.displayName() + " (" + a.network().label() + ")").orElse("");
        AtomFeed.Feed feed = new AtomFeed.Feed(site.toString(), scope, title, uri.getRequestUri().toString(), null, "Social Desk " + key,
                clock.instant());
        return Response.ok(AtomFeed.toBytes(feed, entries)).type(AtomFeed.MEDIA_TYPE + ";charset=utf-8").build();
    }
}
