package io.socialdesk.core.inbox.answer;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.AccountStore;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.approval.Department;
import io.socialdesk.core.channel.Channels;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.Conversation;
import io.socialdesk.core.inbox.InboxItem;
import io.socialdesk.core.inbox.InboxStore;
import io.socialdesk.core.problem.ConflictException;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotAllowedException;
import io.socialdesk.core.problem.NotFoundException;
import io.socialdesk.core.publish.DeliveryRecord;
import io.socialdesk.core.publish.DeliveryState;
import io.socialdesk.core.publish.DeliveryStore;
import io.socialdesk.core.publish.Replies;
import io.socialdesk.core.tracker.TicketTracker;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.core.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Answering from a ticket: an agent writes a public reply or a direct message to one message of the ticket's
 * conversation; it waits for the approval its route asks for ({@link ReplyApproval}), then goes into the publishing
 * engine's outbox as one delivery ({@link Reply#newDelivery}), sent once with the engine's idempotency and
 * unknown-outcome rules ({@link ReplyDeliveries} records the outcome). Each step is a comment on the ticket.
 */
public final class ReplyService {
    /** The longest reply accepted here; each network's own limit is checked by its connector when it is sent. */
    public static final int MAX_TEXT = 5_000;

    private final ReplyStore replies;
    private final InboxStore inbox;
    private final AccountStore accounts;
    private final Channels channels;
    private final DeliveryStore deliveries;
    private final TicketTracker tickets;
    private final Clock clock;

    public ReplyService(ReplyStore replies, InboxStore inbox, AccountStore accounts, Channels channels, DeliveryStore deliveries,
            TicketTracker tickets, Clock clock) {
        this.replies = replies;
        this.inbox = inbox;
        this.accounts = accounts;
        this.channels = channels;
        this.deliveries = deliveries;
        this.tickets = tickets;
        this.clock = clock;
    }

    /**
     * Writes a reply on the ticket {@code ticketKey} to its message {@code toItemKey} (null: its latest message), as a
     * direct message when {@code direct}. Answers it HELD (waiting for approval) or QUEUED (in the outbox).
     */
    public Reply write(String ticketKey, String text, boolean direct, String toItemKey, User author) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) throw new InvalidInputException("text", "required", "A reply needs some text.");
        if (body.length() > MAX_TEXT) throw new InvalidInputException("text", "max-length", "A reply has at most " + MAX_TEXT + " characters.");
        List<InboxItem> conversation = inbox.onTicket(ticketKey, 500);
        if (conversation.isEmpty()) throw new NotFoundException("No ticket of the social inbox " + ticketKey);
        InboxItem to = target(conversation, toItemKey);
        Inbound in = to.inbound();
        Account account = accounts.find(to.accountId())
                .orElseThrow(() -> new InvalidInputException("to", "account", "The account that received this message was removed."));
        if (direct) {
            Optional<DirectMessages.Refusal> refused = DirectMessages.refusal(in, clock.instant());
            if (refused.isEmpty() && channels.of(in.network()).map(c -> !c.sendsDirectMessages()).orElse(true)) {
                refused = Optional.of(new DirectMessages.Refusal("direct-unsupported", "Social Desk cannot send direct messages on "
                        + in.network().label() + "; send a public reply, or answer in " + in.network().label() + "'s own app."));
            }
            if (refused.isPresent()) throw new InvalidInputException("direct", refused.get().rule(), refused.get().message());
        }
        if (!direct && in.network() == Network.X && !summoned(in, account)) {
            throw new InvalidInputException("to", "x-summoned", "X accepts an app's reply only to a post that mentions the account (" + at(account)
                    + ") or quotes it, and this message does neither (X's \"summoned\" rule). Reply to a message that mentions " + at(account)
                    + ", or answer in X's own app.");
        }
        Conversation c = inbox.conversation(to.conversationKey())
                .orElseThrow(() -> new NotFoundException("No conversation for ticket " + ticketKey));
        TrackedItem ticket = to.ticket();
        Optional<Department> approver = ReplyApproval.approver(c.route());
        Instant now = clock.instant();
        RemotePost replyTo = RemotePost.of(in.externalId(), in.url());
        String rootId = in.rootId() != null ? in.rootId() : in.parentId();
        RemotePost root = rootId == null ? replyTo : RemotePost.of(rootId, null);
        Reply draft = new Reply(0, ticket, c.key(), to.accountId(), in.network(), ticket.projectKey(), direct, body, to.key(), in.author().id(),
                in.author().handle(), replyTo, root, author.key(), approver.isPresent() ? ReplyState.HELD : ReplyState.QUEUED,
                approver.orElse(null), null, null, null, null, null, now, null, now, 0);
        Reply stored = replies.add(draft);
        String what = (direct ? "Direct message" : "Reply") + " to " + in.author().handle() + " by " + author.displayName();
        if (approver.isPresent()) {
            tickets.comment(ticket, commentKey(stored, "written"), what + ", waiting for " + ReplyApproval.label(approver.get()) + "'s approval:\n\n" + body);
            return stored;
        }
        tickets.comment(ticket, commentKey(stored, "written"), what + ", queued to be sent from " + account.label() + ":\n\n" + body);
        plan(stored);
        return stored;
    }

    /** The department approves a held reply: it goes into the outbox. */
    public Reply approve(long replyId, User by) {
        return decide(replyId, true, "", by);
    }

    /** The department refuses a held reply: it is never sent. */
    public Reply reject(long replyId, String why, User by) {
        return decide(replyId, false, why == null ? "" : why.strip(), by);
    }

    private Reply decide(long replyId, boolean approved, String why, User by) {
        Reply reply = get(replyId);
        if (reply.state() != ReplyState.HELD) {
            throw new ConflictException("state", "not-held", "This reply is " + reply.state().name().toLowerCase(Locale.ROOT)
                    + ", not waiting for approval.", reply);
        }
        if (!ReplyApproval.mayDecide(by, reply.approver(), reply.authorKey())) {
            throw new NotAllowedException("Only " + ReplyApproval.label(reply.approver()) + " (role " + reply.approver().defaultRole().slug()
                    + ") may approve or reject this reply, and never its author.");
        }
        Reply decided = change(reply, r -> r.decided(approved, by.key(), why, clock.instant()));
        tickets.comment(decided.ticket(), commentKey(decided, approved ? "approved" : "rejected"),
                (approved ? "Reply approved by " : "Reply rejected by ") + by.displayName() + " for " + ReplyApproval.label(decided.approver())
                        + (why.isEmpty() ? "" : ": " + why));
        if (approved) plan(decided);
        return decided;
    }

    /** Sends a failed or unconfirmed reply again (for an unconfirmed one: a person checked that it is not on the network). */
    public Reply sendAgain(long replyId, User by) {
        Reply reply = get(replyId);
        if (reply.state() != ReplyState.FAILED && reply.state() != ReplyState.UNCONFIRMED) {
            throw new ConflictException("state", "not-sendable", "Only a failed or unconfirmed reply is sent again.", reply);
        }
        Instant now = clock.instant();
        DeliveryRecord d = delivery(reply);
        Reply queued = change(reply, r -> r.with(ReplyState.QUEUED, "", now));
        if (d.state() == DeliveryState.FAILED || d.state() == DeliveryState.UNCONFIRMED || d.state() == DeliveryState.CANCELLED) {
            deliveries.replace(d, d.dueAt(now, true, now));
        }
        tickets.comment(reply.ticket(), commentKey(reply, "again-" + d.attempts()), "Reply sent again by " + by.displayName() + ".");
        return queued;
    }

    /** A person saw an unconfirmed reply on the network (at {@code url}) and marks it as sent. */
    public Reply confirm(long replyId, String url, User by) {
        Reply reply = get(replyId);
        if (reply.state() != ReplyState.UNCONFIRMED) {
            throw new ConflictException("state", "not-unconfirmed", "Only an unconfirmed reply is confirmed by hand.", reply);
        }
        String link = url == null ? "" : url.strip();
        if (!link.matches("(?i)https?://\\S+")) throw new InvalidInputException("url", "url", "Give the link to the reply on the network.");
        Instant now = clock.instant();
        DeliveryRecord d = delivery(reply);
        RemotePost seen = RemotePost.of(link, link);
        if (d.state() == DeliveryState.UNCONFIRMED) deliveries.replace(d, d.confirmedBy(seen, now));
        Reply sent = change(reply, r -> r.sent(seen, now));
        tickets.comment(reply.ticket(), commentKey(reply, "sent"), "Reply seen on " + reply.network().label() + " by " + by.displayName()
                + ": " + link);
        return sent;
    }

    /** A ticket's replies, oldest first; a reply queued but whose delivery a crash left unplanned is planned now. */
    public List<Reply> forTicket(String ticketKey) {
        List<Reply> all = replies.forTicket(ticketKey);
        for (Reply r : all) if (r.state() == ReplyState.QUEUED) plan(r);
        return all;
    }

    public Reply get(long replyId) {
        return replies.find(replyId).orElseThrow(() -> new NotFoundException("No reply " + replyId));
    }

    /** Insert-if-absent on the delivery's key: planning twice is one delivery. */
    private void plan(Reply reply) {
        Instant now = clock.instant();
        deliveries.plan(List.of(reply.newDelivery(now)), now);
    }

    private DeliveryRecord delivery(Reply reply) {
        return deliveries.forPost(Replies.postIdOf(reply.id())).stream().filter(d -> d.key().equals(reply.deliveryKey())).findFirst()
                .orElseGet(() -> {
                    Instant now = clock.instant();
                    return deliveries.plan(List.of(reply.newDelivery(now)), now).get(0);
                });
    }

    private Reply change(Reply reply, UnaryOperator<Reply> how) {
        return replies.replace(reply, how.apply(reply)).orElseThrow(() -> new ConflictException("version", "stale-version",
                "Someone changed this reply meanwhile; reload the ticket.", replies.find(reply.id()).orElse(reply)));
    }

    private static InboxItem target(List<InboxItem> conversation, String toItemKey) {
        if (toItemKey != null && !toItemKey.isBlank()) {
            return conversation.stream().filter(i -> i.key().equals(toItemKey.strip())).findFirst()
                    .orElseThrow(() -> new InvalidInputException("to", "on-ticket", "The message to answer is not on this ticket."));
        }
        return conversation.stream().filter(i -> !InboxItem.ANCESTOR.equals(i.source())).max(Comparator.comparing(InboxItem::at))
                .orElse(conversation.get(conversation.size() - 1));
    }

    /** X's rule: the post mentions the account (it came from the mentions stream, or its text names the handle). */
    static boolean summoned(Inbound in, Account account) {
        if (in.stream() == Stream.MENTIONS) return true;
        String handle = at(account).toLowerCase(Locale.ROOT);
        String text = in.text().toLowerCase(Locale.ROOT);
        int i = text.indexOf(handle);
        while (i >= 0) {
            int end = i + handle.length();
            if (end >= text.length() || !(Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) return true;
            i = text.indexOf(handle, i + 1);
        }
        return false;
    }

    private static String at(Account account) {
        String h = account.handle();
        return h.startsWith("@") ? h : "@" + h;
    }

    static String commentKey(Reply reply, String what) {
        return "reply-" + reply.id() + "/" + what;
    }
}
