package io.socialdesk.core.inbox.answer;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.audit.AuditEvent;
import io.socialdesk.core.audit.AuditKind;
import io.socialdesk.core.audit.AuditTrail;
import io.socialdesk.core.inbox.ConversationText;
import io.socialdesk.core.inbox.InboxItem;
import io.socialdesk.core.inbox.InboxStore;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotAllowedException;
import io.socialdesk.core.tracker.TicketRedaction;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Forgetting a person (GDPR): every inbox item a network's author wrote is anonymised, every ticket text of theirs
 * (the summary and description of a ticket their message opened, the comment each later message became) replaced by
 * a placeholder, their handle taken out of the notes Social Desk wrote on those tickets (reopened, replies to them),
 * their mentions' links taken out of the crisis tickets that listed them, unsent replies to them withdrawn and sent ones
 * no longer say whom they answered. One audit event
 * names who did it and how many of each, never the text removed nor the person (only a reference: a hash of the
 * network and author id, to answer "was this request carried out?").
 */
public final class Forgetting {
    /** What one request did. */
    public record Result(String reference, int items, int conversations, int tickets, int replies) {}

    public static final String PLACEHOLDER = "[Removed at the author's request]";
    /** What stands for their handle where Social Desk had written it (as on their anonymised items). */
    public static final String FORGOTTEN_NAME = "[forgotten]";

    private final AuthorData authors;
    private final InboxStore inbox;
    private final ReplyStore replies;
    private final TicketRedaction redaction;
    private final AuditTrail trail;
    private final Clock clock;

    public Forgetting(AuthorData authors, InboxStore inbox, ReplyStore replies, TicketRedaction redaction, AuditTrail trail, Clock clock) {
        this.authors = authors;
        this.inbox = inbox;
        this.replies = replies;
        this.redaction = redaction;
        this.trail = trail;
        this.clock = clock;
    }

    /** Forgets the author {@code author} (their id or handle) on {@code network}; admins only. */
    public Result forget(Network network, String author, User by) {
        if (!by.has(Role.ADMIN)) throw new NotAllowedException("Only an administrator may forget a person.");
        if (network == null) throw new InvalidInputException("network", "required", "Say on which network the person wrote.");
        String who = author == null ? "" : author.strip();
        if (who.isEmpty()) throw new InvalidInputException("author", "required", "Give the person's id or handle on the network.");
        if (who.length() > 1000) throw new InvalidInputException("author", "max-length", "An id or handle has at most 1000 characters.");
        List<InboxItem> items = authors.byAuthor(network, who);
        Instant now = clock.instant();
        Set<String> ids = new HashSet<>();
        ids.add(who);
        for (InboxItem i : items) ids.add(i.inbound().author().id());
        String reference = "forgotten:" + Reply.sha256(network.name() + ":" + items.stream().map(i -> i.inbound().author().id()).findFirst()
                .orElse(who)).substring(0, 16);

        // The tickets' texts first, while the items still say what was written: a host finds a comment by its text.
        Map<String, TrackedItem> tickets = new LinkedHashMap<>();
        Map<String, Map<String, String>> comments = new LinkedHashMap<>();
        Set<String> openers = new HashSet<>();
        Set<Long> itemIds = new HashSet<>();
        for (InboxItem i : items) {
            itemIds.add(i.id());
            if (i.ticket() == null) continue;
            String key = i.ticket().key();
            tickets.putIfAbsent(key, i.ticket());
            Optional<InboxItem> opener = inbox.onTicket(key, 1).stream().findFirst();
            boolean opens = opener.isPresent() && (opener.get().key().equals(i.key())
                    || (i.chunkKey() != null && i.chunkKey().equals(opener.get().chunkKey())));
            if (opens) {
                openers.add(key);
            } else {
                comments.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(i.chunkKey() != null ? i.chunkKey() + "/" : i.key(),
                        i.chunkKey() != null ? cut(i.inbound().text()) : ConversationText.message(i));
            }
        }
        for (Map.Entry<String, TrackedItem> t : tickets.entrySet()) {
            redaction.redact(t.getValue(), openers.contains(t.getKey()), comments.getOrDefault(t.getKey(), Map.of()), PLACEHOLDER);
        }
        // A crisis ticket lists the spike's mentions by their link (or id where they had none): theirs go too.
        Set<String> mentions = new HashSet<>();
        for (InboxItem i : items) {
            if (i.inbound().url() != null) mentions.add(i.inbound().url());
            mentions.add(i.inbound().externalId());
        }
        int crises = mentions.isEmpty() ? 0 : redaction.forgetCrisisMentions(mentions, PLACEHOLDER);
        // The notes Social Desk wrote name them too ("reopened: a new message from @pat", "Reply to @pat by Sam").
        Set<String> names = new HashSet<>(ids);
        for (InboxItem i : items) names.add(i.inbound().author().handle());
        Map<String, TrackedItem> named = new LinkedHashMap<>(tickets);
        int conversations = itemIds.isEmpty() ? 0 : authors.anonymise(itemIds, reference, PLACEHOLDER);
        int replied = 0;
        for (String id : ids) {
            for (Reply r : replies.toRecipient(network, id)) {
                if (r.recipientHandle() != null) names.add(r.recipientHandle());
                named.putIfAbsent(r.ticket().key(), r.ticket());
                replies.replace(r, r.recipientForgotten(reference, now));
                replied++;
            }
        }
        names.remove(null);
        for (TrackedItem t : named.values()) redaction.forgetNames(t, names, FORGOTTEN_NAME);
        Result result = new Result(reference, items.size(), conversations, tickets.size(), replied);
        trail.append(new AuditEvent(AuditEvent.NO_POST, now, by.key(), AuditKind.PERSON_FORGOTTEN, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(network), "person " + reference + " forgotten by " + by.key() + ": " + result.items() + " items, "
                        + result.conversations() + " conversations, " + result.tickets() + " tickets, " + result.replies() + " replies, "
                        + crises + " crisis tickets"));
        return result;
    }

    /** A digest lists each item as an excerpt: its first words identify the comment. */
    private static String cut(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 60 ? line : line.substring(0, 60);
    }
}
