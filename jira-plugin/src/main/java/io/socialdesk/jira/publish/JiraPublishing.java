package io.socialdesk.jira.publish;

import com.atlassian.beehive.ClusterLockService;
import io.socialdesk.core.notification.Notifier;
import io.socialdesk.core.publish.Blackouts;
import io.socialdesk.core.publish.DeliveryStore;
import io.socialdesk.core.publish.PublishingQueue;
import io.socialdesk.core.publish.PublishingSettings;
import io.socialdesk.core.tracker.IssueTracker;
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
import javax.inject.Inject;
import javax.inject.Named;

/**
 * The publishing engine wired for Jira: deliveries in Active Objects, each replace under a cluster lock
 * ({@link LockedDeliveryWrites} over {@code ClusterLockService}), the connectors of {@link JiraAccounts}, and the
 * operators' queue over them. The publisher's workers start only when it ticks.
 */
@Named
public final class JiraPublishing {
    private final Publishing publishing;
    private final PublishingQueue queue;

    @Inject
    public JiraPublishing(SocialDeskEngine engine, JiraActiveObjectsAccess ao, ClusterLockService locks, JiraAccounts accounts,
            JiraIssueTracker tracker, JiraNotifier notifier) {
        this(engine, new AoDeliveryStore(ao, new LockedDeliveryWrites(ao, locks::getLockForName)), accounts, tracker, notifier, Clock.systemUTC());
    }

    JiraPublishing(SocialDeskEngine engine, DeliveryStore deliveries, JiraAccounts accounts, IssueTracker tracker, Notifier notifier, Clock clock) {
        var e = engine.engine();
        this.publishing = Publishing.over(e, deliveries, accounts.channels(), tracker, notifier, Blackouts.NONE, PublishingSettings.DEFAULTS,
                thisNode(), clock);
        this.queue = PublishingQueue.over(deliveries, e.postStore(), e.accounts(), e.reviews(), publishing.sending(), e.trail(), clock);
    }

    public Publishing publishing() {
        return publishing;
    }

    public PublishingQueue queue() {
        return queue;
    }

    private static String thisNode() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-node";
        }
    }
}
