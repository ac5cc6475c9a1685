package io.socialdesk.web.publish;

import io.socialdesk.core.channel.Channels;
import io.socialdesk.core.notification.Notifier;
import io.socialdesk.core.publish.Blackouts;
import io.socialdesk.core.publish.DeliverySending;
import io.socialdesk.core.publish.DeliveryStore;
import io.socialdesk.core.publish.GroupCommit;
import io.socialdesk.core.publish.Publisher;
import io.socialdesk.core.publish.PublishingSettings;
import io.socialdesk.core.publish.Replies;
import io.socialdesk.core.tracker.IssueTracker;
import io.socialdesk.web.Engine;

import java.time.Clock;

/**
 * The publishing engine as both hosts assemble it over an {@link Engine}: the deliveries (whose store's
 * claim is the host's), the per-delivery sending, and the tick. {@code node} names this node in claims;
 * {@code commits} is how the host shares commits among the engine's writes ({@link GroupCommit#AT_ONCE} where it cannot).
 */
public record Publishing(DeliveryStore deliveries, DeliverySending sending, Publisher publisher, PublishingSettings settings) implements AutoCloseable {

    public static Publishing over(Engine engine, DeliveryStore deliveries, Channels channels, IssueTracker tracker, Notifier notifier,
            Blackouts blackouts, GroupCommit commits, PublishingSettings settings, String node, Clock clock) {
        return over(engine, deliveries, channels, tracker, notifier, blackouts, commits, settings, node, clock, Replies.NONE);
    }

    /** The same, sending also the inbox's replies ({@code replies}: the inbox's side of a reply delivery). */
    public static Publishing over(Engine engine, DeliveryStore deliveries, Channels channels, IssueTracker tracker, Notifier notifier,
            Blackouts blackouts, GroupCommit commits, PublishingSettings settings, String node, Clock clock, Replies replies) {
        DeliverySending sending = new DeliverySending(engine.postStore(), engine.reviews(), deliveries, engine.accounts(), channels, engine.media(),
                Engine.contentCheck(engine.accounts(), clock), blackouts, tracker, notifier, engine.trail(), commits, settings, node, clock, replies);
        Publisher publisher = new Publisher(engine.postStore(), deliveries, sending, settings, clock);
        return new Publishing(deliveries, sending, publisher, settings);
    }

    @Override
    public void close() {
        publisher.close();
    }
}
