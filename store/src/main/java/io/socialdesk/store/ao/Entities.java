package io.socialdesk.store.ao;

import io.socialdesk.store.account.AccountEntity;
import io.socialdesk.store.job.JobRunEntity;
import io.socialdesk.store.post.PostEntity;
import io.socialdesk.store.post.PostMediaEntity;
import io.socialdesk.store.post.PostPartEntity;
import io.socialdesk.store.post.PostRevisionEntity;
import io.socialdesk.store.post.PostVariantEntity;
import java.util.List;
import net.java.ao.RawEntity;

/**
 * The AO entities of the shared stores, in one list that both hosts migrate. The Jira descriptor's
 * {@code <ao>} module must name exactly these (a test checks it).
 */
public final class Entities {
    private Entities() {}

    public static final List<Class<? extends RawEntity<?>>> SHARED = List.of(PostEntity.class, PostVariantEntity.class, PostPartEntity.class, PostMediaEntity.class,
            PostRevisionEntity.class, AccountEntity.class, JobRunEntity.class,
            io.socialdesk.store.approval.DecisionEntity.class, io.socialdesk.store.approval.PolicyEntity.class,
            io.socialdesk.store.approval.ContentVersionEntity.class, io.socialdesk.store.audit.AuditEntity.class,
            io.socialdesk.store.account.AccountSecretEntity.class, io.socialdesk.store.account.OAuthClientEntity.class,
            io.socialdesk.store.account.PendingConnectEntity.class, io.socialdesk.store.account.AccountLimitsEntity.class,
            io.socialdesk.store.publish.DeliveryEntity.class, io.socialdesk.store.inbox.RoutingRulesEntity.class,
            // The social inbox's import (issue 6).
            io.socialdesk.store.inbox.InboxItemEntity.class, io.socialdesk.store.inbox.ConversationEntity.class,
            io.socialdesk.store.inbox.ImportCursorEntity.class, io.socialdesk.store.inbox.TicketKeyEntity.class,
            io.socialdesk.store.inbox.CrisisStateEntity.class,
            // The editorial calendar (issue 7).
            io.socialdesk.store.calendar.KeyDateEntity.class, io.socialdesk.store.calendar.BlackoutEntity.class,
            io.socialdesk.store.calendar.PostingSlotsEntity.class,
            // Answering from the ticket (issue 6).
            io.socialdesk.store.inbox.ReplyEntity.class, io.socialdesk.store.inbox.ReplyRevisionEntity.class,

            // The editorial calendar's iCalendar feeds (issue 7).
            io.socialdesk.store.calendar.feed.FeedTokenEntity.class, io.socialdesk.store.calendar.feed.SavedFilterEntity.class,
            // Who is alerted of a crisis (issue 6).
            io.socialdesk.store.inbox.CrisisAlertEntity.class);
}
