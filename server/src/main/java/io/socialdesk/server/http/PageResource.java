package io.socialdesk.server.http;

import io.socialdesk.core.account.AccountStore;
import io.socialdesk.core.approval.PolicyStore;
import io.socialdesk.core.approval.ReviewService;
import io.socialdesk.core.inbox.InboxStore;
import io.socialdesk.core.problem.ConflictException;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.server.render.BundleI18n;
import io.socialdesk.web.inbox.Answering;
import io.socialdesk.web.page.AnswerPanel;
import io.socialdesk.web.rest.InboxResource;
import io.socialdesk.core.post.PostService;
import io.socialdesk.core.problem.NotAllowedException;
import io.socialdesk.core.user.Role;
import io.socialdesk.web.page.PolicyAdminPage;
import io.socialdesk.core.problem.NotFoundException;
import io.socialdesk.core.tracker.ItemKind;
import io.socialdesk.core.user.User;
import io.socialdesk.server.auth.Credentials;
import io.socialdesk.server.auth.ServerUser;
import io.socialdesk.server.auth.ServerUsers;
import io.socialdesk.server.tracker.BuiltInTracker;
import io.socialdesk.core.post.Post;
import io.socialdesk.web.page.PostEditorPage;
import io.socialdesk.web.page.PostListPage;
import io.socialdesk.web.page.PostPanel;
import io.socialdesk.web.rest.RestApi;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.FormParam;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.NewCookie;
import javax.ws.rs.core.Response;

/** The server's pages: sign in and out, the posts page, and the built-in tracker's items. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PageResource {
    private final Pages pages;
    private final RequestUser requestUser;
    private final ServerUsers users;
    private final Credentials credentials;
    private final PostService posts;
    private final BuiltInTracker tracker;
    private final ReviewService reviews;
    private final PolicyStore policies;
    private final AccountStore accounts;
    private final InboxStore inbox;
    private final Answering answering;

    public PageResource(Pages pages, RequestUser requestUser, ServerUsers users, Credentials credentials, PostService posts,
            BuiltInTracker tracker, ReviewService reviews, PolicyStore policies, AccountStore accounts, InboxStore inbox, Answering answering) {
        this.answering = answering;
        this.pages = pages;
        this.requestUser = requestUser;
        this.users = users;
        this.credentials = credentials;
        this.posts = posts;
        this.tracker = tracker;
        this.reviews = reviews;
        this.policies = policies;
        this.accounts = accounts;
        this.inbox = inbox;
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create(requestUser.get().map(PageResource::homeOf).orElse("/login"))).build();
    }

    /** Where a person lands after signing in: the editorial calendar for the marketing team, the posts page for everyone else. */
    public static String homeOf(User user) {
        return user.has(Role.MARKETING_AUTHOR) || user.has(Role.MARKETING_LEAD) ? CalendarPages.PATH : "/posts";
    }

    @GET
    @Path("login")
    public Response loginForm(@Context HttpServletRequest request, @QueryParam("expired") String expired, @QueryParam("next") String next) {
        Map<String, Object> body = new HashMap<>();
        body.put("errorKey", expired != null ? "socialdesk.login.expired" : "");
        body.put("next", safeNext(next));
        body.put("username", "");
        return pages.render(request, 200, "socialdesk.login.heading", "templates/server/login.vm", body);
    }

    @POST
    @Path("login")
    @javax.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@Context HttpServletRequest request, @FormParam("username") String username,
            @FormParam("password") String password, @FormParam("next") String next) {
        Optional<ServerUser> user = users.authenticate(username, password);
        if (user.isEmpty()) {
            Map<String, Object> body = new HashMap<>();
            body.put("errorKey", "socialdesk.login.failed");
            body.put("next", safeNext(next));
            body.put("username", username == null ? "" : username);
            return pages.render(request, 401, "socialdesk.login.heading", "templates/server/login.vm", body);
        }
        String session = credentials.startSession(user.get());
        NewCookie cookie = new NewCookie(AuthFilter.SESSION_COOKIE, session, "/", null, NewCookie.DEFAULT_VERSION, null,
                NewCookie.DEFAULT_MAX_AGE, null, request.isSecure(), true);
        // JAX-RS 2.1 cannot say SameSite; the header is written by hand.
        String target = safeNext(next);
        return Response.seeOther(URI.create(target.isEmpty() ? homeOf(user.get().user()) : target))
                .header("Set-Cookie", cookie + ";SameSite=Lax")
                .build();
    }

    @POST
    @Path("logout")
    public Response logout(@Context HttpServletRequest request) {
        credentials.endSession(AuthFilter.sessionCookie(request));
        return Response.seeOther(URI.create("/login"))
                .header("Set-Cookie", AuthFilter.SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax")
                .build();
    }

    @GET
    @Path("posts")
    public Response posts(@Context HttpServletRequest request) {
        User viewer = requestUser.require();
        Locale locale = pages.localeOf(request);
        Map<String, Object> body = PostListPage.context(PostListPage.firstPosts(posts, 200), viewer.zone(), locale, RestApi.BASE_PATH);
        return pages.render(request, 200, "socialdesk.posts.heading", PostListPage.TEMPLATE, body);
    }

    @GET
    @Path("posts/{id}/edit")
    public Response editPost(@Context HttpServletRequest request, @PathParam("id") String id) {
        requestUser.require();
        long postId;
        try {
            postId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("No post " + id);
        }
        Post post = posts.get(postId);
        Map<String, Object> body = PostEditorPage.context(post, accounts.list(), RestApi.BASE_PATH, post.item().url());
        return pages.render(request, 200, "socialdesk.post.edit", PostEditorPage.TEMPLATE, body);
    }

    /** The project's approval policy, for admins; anyone else gets the friendly "not allowed" page. */
    @GET
    @Path("admin/policy/{project}")
    public Response policy(@Context HttpServletRequest request, @PathParam("project") String project) {
        User viewer = requestUser.require();
        if (!viewer.has(Role.ADMIN)) throw new NotAllowedException("Only an administrator may change a project's approval policy.");
        String key = project == null ? "" : project.strip();
        if (!key.matches("[A-Z][A-Z0-9_]{0,19}")) throw new NotFoundException("No project " + key);
        Map<String, Object> body = PolicyAdminPage.context(policies.policyFor(key), RestApi.BASE_PATH);
        return pages.render(request, 200, "socialdesk.policy.heading", PolicyAdminPage.TEMPLATE, body);
    }

    /** The inbox: every ticket, newest first, or one department's queue (open tickets first), with each queue's open count. */
    @GET
    @Path("items")
    public Response items(@Context HttpServletRequest request, @QueryParam("queue") String queue) {
        User viewer = requestUser.require();
        Locale locale = pages.localeOf(request);
        Map<String, Object> body = new HashMap<>();
        String shown = queue != null && queue.matches("[A-Z][A-Z0-9_]{0,19}") ? queue : "";
        List<ItemRow> rows = rows(shown.isEmpty() ? tracker.list(ItemKind.MENTION, 200) : tracker.queue(shown, 200), viewer, locale);
        List<QueueTab> tabs = new java.util.ArrayList<>();
        tracker.openByQueue().forEach((name, open) -> tabs.add(new QueueTab(name, open, name.equals(shown))));
        body.put("items", rows);
        body.put("noItems", rows.isEmpty());
        body.put("queues", tabs);
        body.put("allQueues", shown.isEmpty());
        return pages.render(request, 200, "socialdesk.items.heading", "templates/server/items.vm", body);
    }

    @GET
    @Path("items/{key}")
    public Response item(@Context HttpServletRequest request, @PathParam("key") String key) {
        return itemPage(request, key, 200, null, null);
    }

    /** The item's page; on a ticket, with what the last answering action said ({@code problem}: refused, {@code done}: carried out). */
    private Response itemPage(HttpServletRequest request, String key, int status, String problem, String done) {
        User viewer = requestUser.require();
        BuiltInTracker.Item item = tracker.item(key).orElseThrow(() -> new NotFoundException("No item " + key));
        Locale locale = pages.localeOf(request);
        Map<String, Object> body = new HashMap<>();
        body.put("item", new ItemRow(item, viewer, locale));
        body.put("hasPost", false);
        body.put("isTicket", false);
        if (item.kind() == ItemKind.SOCIAL_POST) {
            posts.findByItem(item.tracked().id()).ifPresent(post -> {
                body.putAll(PostPanel.context(reviews.review(post.id(), viewer), viewer, locale,
                        "/posts/" + post.id() + "/edit", RestApi.BASE_PATH));
                body.put("hasPost", true);
            });
        } else if (item.kind() == ItemKind.MENTION) {
            body.put("isTicket", true);
            BundleI18n i18n = new BundleI18n(locale);
            List<io.socialdesk.core.inbox.InboxItem> conversation = inbox.onTicket(item.tracked().key(), 500);
            body.put("ticket", new TicketView(item, conversation, tracker.comments(item.tracked(), true, 200), viewer.zone(), locale, i18n));
            String url = item.tracked().url();
            body.put("answer", new AnswerPanel(item.tracked(), conversation, answering.replies().forTicket(item.tracked().key()), viewer, locale,
                    problem, done, url + "/replies", url + "/replies/", url + "/forget"));
        }
        return pages.render(request, status, "socialdesk.items.heading", "templates/server/item.vm", body);
    }

    /** An agent writes a reply or a direct message on the ticket; a refusal is shown on the ticket's page, next to the form. */
    @POST
    @Path("items/{key}/replies")
    @javax.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reply(@Context HttpServletRequest request, @PathParam("key") String key, @FormParam("text") String text,
            @FormParam("direct") String direct, @FormParam("to") String to) {
        User viewer = requestUser.require();
        BuiltInTracker.Item item = tracker.item(key).orElseThrow(() -> new NotFoundException("No item " + key));
        return answered(request, item, () -> answering.replies().write(item.tracked().key(), text, direct != null, to, viewer));
    }

    @POST
    @Path("items/{key}/replies/{id}/{action}")
    @javax.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replyAction(@Context HttpServletRequest request, @PathParam("key") String key, @PathParam("id") long id,
            @PathParam("action") String action, @FormParam("reason") String reason, @FormParam("url") String url) {
        User viewer = requestUser.require();
        BuiltInTracker.Item item = tracker.item(key).orElseThrow(() -> new NotFoundException("No item " + key));
        if (!answering.replies().get(id).ticket().key().equals(item.tracked().key())) throw new NotFoundException("No reply " + id + " on " + key);
        return answered(request, item, () -> switch (action) {
            case "approve" -> answering.replies().approve(id, viewer);
            case "reject" -> answering.replies().reject(id, reason, viewer);
            case "send-again" -> answering.replies().sendAgain(id, viewer);
            case "confirm" -> answering.replies().confirm(id, url, viewer);
            default -> throw new NotFoundException("No action " + action);
        });
    }

    /** An admin forgets the author of one of the ticket's messages, everywhere in Social Desk. */
    @POST
    @Path("items/{key}/forget")
    @javax.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response forget(@Context HttpServletRequest request, @PathParam("key") String key, @FormParam("network") String network,
            @FormParam("author") String author) {
        User viewer = requestUser.require();
        if (!viewer.has(Role.ADMIN)) throw new NotAllowedException("Only an administrator may forget a person.");
        tracker.item(key).orElseThrow(() -> new NotFoundException("No item " + key));
        try {
            io.socialdesk.core.inbox.answer.Forgetting.Result r = answering.forgetting().forget(InboxResource.network(network), author, viewer);
            BundleI18n i18n = new BundleI18n(pages.localeOf(request));
            return itemPage(request, key, 200, null, i18n.getText("socialdesk.answer.forgotten", r.items(), r.tickets(), r.reference()));
        } catch (InvalidInputException e) {
            return itemPage(request, key, 400, e.first().message(), null);
        }
    }

    private Response answered(HttpServletRequest request, BuiltInTracker.Item item, java.util.function.Supplier<?> action) {
        try {
            action.get();
        } catch (InvalidInputException e) {
            return itemPage(request, item.tracked().key(), 400, e.first().message(), null);
        } catch (ConflictException e) {
            return itemPage(request, item.tracked().key(), 409, e.getMessage(), null);
        }
        return Response.seeOther(URI.create(item.tracked().url() + "#sd-replies")).build();
    }

    /** First-response and resolution times of the inbox, per department and per network, over a period (default: the last 30 days). */
    @GET
    @Path("inbox/response-times")
    public Response responseTimes(@Context HttpServletRequest request, @QueryParam("from") String from, @QueryParam("to") String to) {
        User viewer = requestUser.require();
        Locale locale = pages.localeOf(request);
        Map<String, Object> body = new HashMap<>(io.socialdesk.web.page.ResponseTimesPage.context(answering.times(), from, to, "/inbox/response-times"));
        return pages.render(request, body.get("problem").equals("") ? 200 : 400, "socialdesk.times.heading", io.socialdesk.web.page.ResponseTimesPage.TEMPLATE, body);
    }

    /** A person resolves a ticket: a later message in its conversation reopens it, or, much later, opens a new one that follows it. */
    @POST
    @Path("items/{key}/resolve")
    public Response resolve(@PathParam("key") String key) {
        User viewer = requestUser.require();
        BuiltInTracker.Item item = tracker.item(key).orElseThrow(() -> new NotFoundException("No item " + key));
        tracker.resolve(item.tracked(), viewer.key());
        return Response.seeOther(URI.create(item.tracked().url())).build();
    }

    @POST
    @Path("items/{key}/reopen")
    public Response reopen(@PathParam("key") String key) {
        User viewer = requestUser.require();
        BuiltInTracker.Item item = tracker.item(key).orElseThrow(() -> new NotFoundException("No item " + key));
        tracker.reopenBy(item.tracked(), viewer.key());
        return Response.seeOther(URI.create(item.tracked().url())).build();
    }

    /** A department queue's tab on the inbox page. */
    public record QueueTab(String name, int open, boolean current) {
        public String getName() { return name; }
        public int getOpen() { return open; }
        public boolean getCurrent() { return current; }
        public String getUrl() { return "/items?queue=" + name; }
    }

    private static List<ItemRow> rows(List<BuiltInTracker.Item> items, User viewer, Locale locale) {
        return items.stream().map(item -> new ItemRow(item, viewer, locale)).toList();
    }

    /**
     * Only a path on this server, so the login form cannot be used to send people elsewhere; "" when there is none
     * (the person then lands on their home page, {@link #homeOf}).
     */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\") || next.contains("://")) {
            return "";
        }
        return next;
    }

    /** A tracker item as its pages show it; getters only. */
    public static final class ItemRow {
        private final BuiltInTracker.Item item;
        private final String created;

        ItemRow(BuiltInTracker.Item item, User viewer, Locale locale) {
            this.item = item;
            this.created = item.createdAt().atZone(viewer.zone())
                    .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale));
        }

        public String getKey() { return item.tracked().key(); }
        public String getUrl() { return item.tracked().url(); }
        public String getSummary() { return item.summary(); }
        public String getKind() { return item.kind().name(); }
        public String getKindKey() { return "socialdesk.items.kind." + item.kind().name().toLowerCase(Locale.ROOT); }
        public String getReporter() { return item.reporter(); }
        public String getCreated() { return created; }
        public String getQueue() { return item.queue(); }
        public boolean getResolved() { return item.resolved(); }
    }
}
