package io.socialdesk.web.inbox;

import io.socialdesk.core.audit.AuditTrail;
import io.socialdesk.core.channel.Channels;
import io.socialdesk.core.inbox.InboxStore;
import io.socialdesk.core.inbox.answer.Forgetting;
import io.socialdesk.core.inbox.answer.ReplyDeliveries;
import io.socialdesk.core.inbox.answer.ReplyService;
import io.socialdesk.core.inbox.answer.ReplyStore;
import io.socialdesk.core.inbox.answer.ResponseTimes;
import io.socialdesk.core.account.AccountStore;
import io.socialdesk.core.publish.DeliveryStore;
import io.socialdesk.core.tracker.TicketRedaction;
import io.socialdesk.core.tracker.TicketTracker;
import io.socialdesk.store.ao.AoAccess;
import io.socialdesk.store.inbox.AoAuthorData;
import io.socialdesk.store.inbox.AoInboxTickets;
import io.socialdesk.store.inbox.AoReplyStore;
import java.time.Clock;

/**
 * Answering from the inbox's tickets as both hosts assemble it over Active Objects: the replies (sent by the publishing
 * engine: hand {@link #deliveries} to {@code Publishing.over} first), the response times, and forgetting a person.
 */
public record Answering(ReplyService replies, ResponseTimes times, Forgetting forgetting) {

    /** The engine's side: what a reply delivery sends and where its outcome is recorded. */
    public static ReplyDeliveries deliveries(AoAccess ao, TicketTracker tickets, Clock clock) {
        return new ReplyDeliveries(new AoReplyStore(ao), tickets, clock);
    }

    public static Answering over(AoAccess ao, InboxStore inbox, AccountStore accounts, Channels channels, DeliveryStore deliveries,
            TicketTracker tickets, TicketRedaction redaction, AuditTrail trail, Clock clock) {
        ReplyStore replies = new AoReplyStore(ao);
        return new Answering(new ReplyService(replies, inbox, accounts, channels, deliveries, tickets, clock),
                new ResponseTimes(new AoInboxTickets(ao), replies, tickets, clock),
                new Forgetting(new AoAuthorData(ao), inbox, replies, redaction, trail, clock));
    }
}
