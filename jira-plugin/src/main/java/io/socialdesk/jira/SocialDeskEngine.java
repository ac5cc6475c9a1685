package io.socialdesk.jira;

import io.socialdesk.core.account.AccountStore;
import io.socialdesk.core.health.DatabaseProbe;
import io.socialdesk.core.health.HealthService;
import io.socialdesk.core.job.HeartbeatJob;
import io.socialdesk.core.job.Job;
import io.socialdesk.core.job.JobRunLog;
import io.socialdesk.core.post.PostService;
import io.socialdesk.core.user.CurrentUser;
import io.socialdesk.core.post.MediaStore;
import io.socialdesk.jira.media.JiraMediaStore;
import io.socialdesk.jira.store.JiraActiveObjectsAccess;
import io.socialdesk.jira.secret.JiraSecretKey;
import io.socialdesk.core.secret.SecretBox;
import java.util.function.Supplier;
import io.socialdesk.jira.tracker.JiraIssueTracker;
import io.socialdesk.core.approval.ApproverDirectory;
import io.socialdesk.core.approval.PolicyStore;
import io.socialdesk.core.approval.ReviewService;
import io.socialdesk.core.notification.Notifier;
import io.socialdesk.jira.notification.JiraNotifier;
import io.socialdesk.jira.user.JiraApproverDirectory;
import io.socialdesk.web.Engine;
import io.socialdesk.store.ao.AoAccess;
import io.socialdesk.store.job.AoJobRunLog;
import io.socialdesk.store.job.JobRunEntity;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Named;
import net.java.ao.Query;

/**
 * The engine wired from Jira's ports: the same services the server host builds, over Active
 * Objects and Jira issues. One instance per plugin; it keeps no entity or cache between requests.
 */
@Named
public final class SocialDeskEngine {
    static final Duration HEARTBEAT_INTERVAL = Duration.ofMinutes(1);

    private final Engine engine;
    private final PostService posts;
    private final AccountStore accounts;
    private final HealthService health;
    private final List<Job> jobs;
    private final CurrentUser currentUser;
    /** The editorial calendar; absent in the tests that assemble the engine over memory without it. */
    private final io.socialdesk.web.calendar.EditorialCalendar calendar;
    /** One per plugin: it remembers the signed requests already accepted, so a replay is refused. */
    private final io.socialdesk.channel.webhook.InboundWebhook inboundWebhook =
            new io.socialdesk.channel.webhook.InboundWebhook(Clock.systemUTC());

    @Inject
    public SocialDeskEngine(JiraActiveObjectsAccess ao, JiraSecretKey secrets, JiraMediaStore media, JiraIssueTracker tracker, JiraNotifier notifier,
            JiraApproverDirectory directory, CurrentUser currentUser) {
        this(ao, secrets::box, media, tracker, notifier, directory, currentUser, Clock.systemUTC(), thisNode());
    }

    SocialDeskEngine(AoAccess ao, Supplier<SecretBox> secrets, MediaStore media, JiraIssueTracker tracker, Notifier notifier,
            ApproverDirectory directory, CurrentUser currentUser, Clock clock, String node) {
        this(Engine.over(ao, secrets, media, tracker, notifier, directory, clock), jobRunsOver(ao, node), currentUser, ao, clock);
    }

    private SocialDeskEngine(Engine engine, AoHealth aoHealth, CurrentUser currentUser, AoAccess ao, Clock clock) {
        this(engine, aoHealth.health(), List.of(aoHealth.heartbeat()), currentUser,
                io.socialdesk.web.calendar.EditorialCalendar.over(ao, engine, p -> "/browse/" + p.item().key(), clock));
    }

    /** Any assembly of the engine: production's over Active Objects, or a test's over in-memory stores. */
    SocialDeskEngine(Engine engine, HealthService health, List<Job> jobs, CurrentUser currentUser) {
        this(engine, health, jobs, currentUser, null);
    }

    SocialDeskEngine(Engine engine, HealthService health, List<Job> jobs, CurrentUser currentUser, io.socialdesk.web.calendar.EditorialCalendar calendar) {
        this.calendar = calendar;
        this.engine = engine;
        this.posts = engine.posts();
        this.accounts = engine.accounts();
        this.health = health;
        this.jobs = jobs;
        this.currentUser = currentUser;
    }

    private record AoHealth(HealthService health, Job heartbeat) {}

    private static AoHealth jobRunsOver(AoAccess ao, String node) {
        JobRunLog jobRuns = new AoJobRunLog(ao);
        return new AoHealth(new HealthService(() -> probe(ao), jobRuns), new HeartbeatJob(jobRuns, node, HEARTBEAT_INTERVAL));
    }

    public PostService posts() { return posts; }
    public ReviewService reviews() { return engine.reviews(); }
    public PolicyStore policies() { return engine.policies(); }
    /** The inbox's routing rules; {@code routing().router()} is what the import pipeline routes items with. */
    public io.socialdesk.core.inbox.routing.RoutingService routing() { return engine.routing(); }
    public Engine engine() { return engine; }
    public io.socialdesk.web.calendar.EditorialCalendar calendar() {
        if (calendar == null) throw new IllegalStateException("This engine was assembled without the editorial calendar");
        return calendar;
    }
    /** The calendar's periods for the publishing engine; none where the calendar is not assembled (tests). */
    public io.socialdesk.core.publish.Blackouts blackouts() {
        return calendar == null ? io.socialdesk.core.publish.Blackouts.NONE : calendar.blackouts();
    }
    public AccountStore accounts() { return accounts; }
    public HealthService health() { return health; }
    public List<Job> jobs() { return jobs; }
    public CurrentUser currentUser() { return currentUser; }
    public MediaStore media() { return engine.media(); }
    public io.socialdesk.channel.webhook.InboundWebhook inboundWebhook() { return inboundWebhook; }

    /** Jira's database answers when AO can count a table; the product name is Jira's business. */
    private static DatabaseProbe.DatabaseStatus probe(AoAccess ao) {
        try {
            ao.count(JobRunEntity.class, Query.select());
            return new DatabaseProbe.DatabaseStatus(true, "Jira database (Active Objects)", "ok");
        } catch (RuntimeException e) {
            return new DatabaseProbe.DatabaseStatus(false, "Jira database (Active Objects)", "Active Objects did not answer");
        }
    }

    /** The heartbeat names the node that ran it; the host name is what Jira's cluster page shows too. */
    private static String thisNode() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-node";
        }
    }
}
