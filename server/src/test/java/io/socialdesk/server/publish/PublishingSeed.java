package io.socialdesk.server.publish;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.approval.Action;
import io.socialdesk.core.approval.ReviewService;
import io.socialdesk.core.channel.Connected;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.post.NewPost;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.user.User;
import io.socialdesk.server.SocialDeskApp;
import io.socialdesk.server.auth.ServerUsers;
import io.socialdesk.server.db.DatabaseConfig;
import io.socialdesk.server.demo.DemoWorkspace;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Due posts for the publishing engine, made the way people make them: the demo's people, webhook
 * accounts connected with a signing secret, and posts written, approved by whoever the policy asks and
 * scheduled through the real workflow (so the engine's publish gate passes). The data folder is opened
 * in this JVM, without serving, while no server process holds it.
 */
public final class PublishingSeed implements AutoCloseable {
    public static final String SECRET = "crash-test-signing-secret-0123456789";
    public static final String PASSWORD = DemoWorkspace.PASSWORD;

    private final SocialDeskApp app;

    private PublishingSeed(SocialDeskApp app) {
        this.app = app;
    }

    /**
     * Opens the data folder with a clock {@code behind} the real one, so a post planned a few seconds ago
     * (real time) can still be scheduled: it is due, by seconds, the moment a server starts.
     */
    public static PublishingSeed open(Path data, Duration behind) {
        Clock clock = Clock.offset(Clock.systemUTC(), behind.negated());
        return new PublishingSeed(SocialDeskApp.open(new SocialDeskApp.Settings("127.0.0.1", 0, DatabaseConfig.embedded(data), "seed",
                Duration.ofSeconds(15), clock, data).withAccounts(true, 7).withPlainHttp(true)));
    }

    public SocialDeskApp app() {
        return app;
    }

    /** The demo's people (author alice, reviewers marc, laura, hugo), once. */
    public void people() {
        if (app.users().count() > 0) return;
        for (DemoWorkspace.DemoUser demo : DemoWorkspace.USERS) {
            app.users().add(new ServerUsers.NewUser(demo.username(), demo.displayName(), Set.of(demo.role()), demo.zone(), demo.language(), PASSWORD));
        }
    }

    /** A signed-webhook account at {@code url} in {@code format} (generic, slack, teams, discord), as connecting it stores it. */
    public Account webhook(URI url, String format) {
        Credentials credentials = new Credentials(SECRET, null, null, Set.of(), Map.of("url", url.toString(), "format", format));
        Connected connected = new Connected(url.toString(), url.getHost(), format + " " + url.getPath(), credentials);
        return app.accounts().connect(null, Network.WEBHOOK, url, connected, person("alice").key(), app.settings().clock().instant());
    }

    /** A post to {@code accounts}, planned at {@code at} (UTC, to the second), walked to Scheduled. */
    public Post scheduled(String title, String text, Instant at, List<Long> accounts) {
        LocalDateTime local = LocalDateTime.ofInstant(at, ZoneOffset.UTC).withNano(0);
        Post post = app.posts().create(new NewPost(title, text, local.toString(), "UTC", null, null, null, null, null, null, "en", accounts),
                person("alice"));
        ReviewService reviews = app.engine().reviews();
        post = reviews.act(post.id(), ReviewService.ActionRequest.of(Action.SUBMIT, post.version()), person("alice"));
        for (String reviewer : List.of("marc", "laura", "hugo")) {
            User user = person(reviewer);
            if (!reviews.review(post.id(), user).mayDecideFor().isEmpty()) {
                post = reviews.act(post.id(), ReviewService.ActionRequest.of(Action.APPROVE, post.version()), user);
            }
        }
        post = reviews.act(post.id(), ReviewService.ActionRequest.of(Action.SCHEDULE, post.version()), person("alice"));
        if (post.state() != PostState.SCHEDULED) throw new IllegalStateException("post " + post.id() + " is " + post.state() + ", not scheduled");
        return post;
    }

    public User person(String username) {
        return app.users().find(username).orElseThrow().user();
    }

    @Override
    public void close() {
        app.close();
    }
}
