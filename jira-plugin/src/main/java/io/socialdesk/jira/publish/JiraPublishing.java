package io.socialdesk.jira.publish;

import com.atlassian.beehive.ClusterLockService;
import com.atlassian.jira.cluster.ClusterManager;
import io.socialdesk.core.job.Job;
import io.socialdesk.core.publish.GroupCommit;
import io.socialdesk.core.publish.PublishingQueue;
import io.socialdesk.core.publish.PublishingSettings;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.jira.account.JiraAccounts;
import io.socialdesk.jira.notification.JiraNotifier;
import io.socialdesk.jira.store.JiraActiveObjectsAccess;
import io.socialdesk.jira.tracker.JiraIssueTracker;
import io.socialdesk.store.publish.AoDeliveryStore;
import io.socialdesk.store.publish.LockedDeliveryWrites;
import io.socialdesk.web.publish.Publishing;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * The publishing engine wired for Jira: deliveries in Active Objects whose every claim is a cluster lock per
 * delivery with the revision checked under it, the connectors {@link JiraAccounts} builds, Jira issues for
 * comments and notices, this node's cluster id in claims. Two jobs drive it ({@code JobScheduling}): once per
 * cluster every minute, which drains whatever is due, and on every node every 5 seconds, so that a post goes
 * out within seconds of its time; both may run at once anywhere, since no delivery is sent without its claim.
 * The operators' queue works over the same deliveries.
 */
@Named
public final class JiraPublishing implements AutoCloseable {
    public static final Duration CLUSTER_EVERY = Duration.ofSeconds(60);
    public static final Duration LOCAL_EVERY = Duration.ofSeconds(5);
    public static final String CLUSTER_KEY = "io.socialdesk.publish";
    public static final String LOCAL_KEY = "io.socialdesk.publish.local";

    private final Publishing publishing;
    private final PublishingQueue queue;

    @Inject
    public JiraPublishing(SocialDeskEngine engine, JiraActiveObjectsAccess ao, ClusterLockService locks, ClusterManager cluster,
            JiraAccounts accounts, JiraIssueTracker tracker, JiraNotifier notifier, io.socialdesk.jira.inbox.JiraTickets tickets) {
        this(engine, Publishing.over(engine.engine(), new AoDeliveryStore(ao, new LockedDeliveryWrites(ao, locks::getLockForName)),
                accounts.channels(), tracker, notifier, engine.blackouts(), GroupCommit.AT_ONCE, PublishingSettings.DEFAULTS, nodeId(cluster), Clock.systemUTC(),
                io.socialdesk.web.inbox.Answering.deliveries(ao, tickets, Clock.systemUTC())));
    }

    private JiraPublishing(SocialDeskEngine engine, Publishing publishing) {
        var e = engine.engine();
        this.publishing = publishing;
        this.queue = PublishingQueue.over(publishing.deliveries(), e.postStore(), e.accounts(), e.reviews(), publishing.sending(), e.trail(),
                Clock.systemUTC());
    }

    /** The engine alone, without the queue: for tests of the jobs. */
    public JiraPublishing(Publishing publishing) {
        this.publishing = publishing;
        this.queue = null;
    }

    public Publishing publishing() {
        return publishing;
    }

    public PublishingQueue queue() {
        return queue;
    }

    /** Once per cluster every minute: starts the posts that came due and sends every due delivery. */
    public Job clusterJob() {
        return tick(CLUSTER_KEY, CLUSTER_EVERY, false);
    }

    /** On every node every 5 seconds: what fell due within the minute goes out without waiting for the cluster job. */
    public Job localJob() {
        return tick(LOCAL_KEY, LOCAL_EVERY, true);
    }

    private Job tick(String key, Duration interval, boolean everyNode) {
        return everyNode ? Job.onEveryNode(key, interval, startedAt -> publishing.publisher().tick())
                : Job.every(key, interval, startedAt -> publishing.publisher().tick());
    }

    /** Stops the publisher's workers (the plugin is stopping); an attempt cut short is settled by the next claim after its lease. */
    @Override
    public void close() {
        publishing.close();
    }

    /** Jira's id for this node in a cluster; outside a cluster (or before it answers) the host name, which stays the same across restarts. */
    public static String nodeId(ClusterManager cluster) {
        try {
            String id = cluster == null ? null : cluster.getNodeId();
            if (id != null && !id.isBlank()) return id;
        } catch (RuntimeException e) {
            // not clustered, or the cluster service is not up yet: the host name names the node as well
        }
        try {
            return "host:" + InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "host:unknown";
        }
    }
}
