package io.socialdesk.web.page;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.inbox.InboxItem;
import io.socialdesk.core.inbox.answer.DirectMessages;
import io.socialdesk.core.inbox.answer.Reply;
import io.socialdesk.core.inbox.answer.ReplyApproval;
import io.socialdesk.core.inbox.answer.ReplyState;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Answering on a ticket: its replies (with the approval, resend and confirm buttons the viewer may use), the form to
 * write one (to which message), what the last action said, and, for admins, "forget this person" for each author of
 * the conversation. Shared by the server's ticket page and Jira's issue panel ({@code replyUrl} and each reply's
 * {@code actionUrl} are where the host posts: the server's form endpoints, or the REST API). Getters only (Jira's
 * Velocity allowlist lists them); the templates escape every value.
 */
public final class AnswerPanel {
    private final TrackedItem ticket;
    private final List<ReplyRow> replies;
    private final List<Target> targets;
    private final List<Author> authors;
    private final boolean admin;
    private final String problem;
    private final String done;

    private final String replyUrl;
    private final String forgetUrl;
    private final Network network;

    /**
     * {@code replyUrl}: where a new reply is posted; {@code actionBase}: each reply's actions are posted to
     * {@code actionBase + id + "/" + action}; {@code forgetUrl}: where an admin's "forget" goes.
     */
    public AnswerPanel(TrackedItem ticket, List<InboxItem> conversation, List<Reply> replies, User viewer, Locale locale, String problem, String done,
            String replyUrl, String actionBase, String forgetUrl) {
        this.ticket = ticket;
        this.replyUrl = replyUrl;
        this.forgetUrl = forgetUrl;
        ZoneId zone = viewer.zone();
        this.replies = replies.stream().map(r -> new ReplyRow(r, actionBase, viewer, zone, locale)).toList();
        List<InboxItem> answerable = conversation.stream().filter(i -> !InboxItem.ANCESTOR.equals(i.source()))
                .sorted(Comparator.comparing(InboxItem::at).reversed()).toList();
        // Display only: the reply service decides with its own clock when the reply is written.
        Instant now = Instant.now();
        this.network = conversation.isEmpty() ? null : conversation.get(0).inbound().network();
        this.targets = answerable.stream().map(i -> new Target(i.key(), i.inbound().author().handle() + ": " + excerpt(i.inbound().text()),
                DirectMessages.refusal(i.inbound(), now).isEmpty())).toList();
        Map<String, Author> distinct = new LinkedHashMap<>();
        for (InboxItem i : conversation) {
            if (i.inbound().author().id().startsWith("forgotten:")) continue;
            distinct.putIfAbsent(i.inbound().network() + " " + i.inbound().author().id(),
                    new Author(i.inbound().network().name(), i.inbound().author().id(), i.inbound().author().handle()));
        }
        this.authors = List.copyOf(distinct.values());
        this.admin = viewer.has(Role.ADMIN);
        this.problem = problem == null ? "" : problem;
        this.done = done == null ? "" : done;
    }

    public List<ReplyRow> getReplies() { return replies; }
    public boolean getHasReplies() { return !replies.isEmpty(); }
    public String getTicketKey() { return ticket.key(); }
    public String getReplyUrl() { return replyUrl; }
    public String getForgetUrl() { return forgetUrl; }
    public List<Target> getTargets() { return targets; }
    public boolean getMayWrite() { return !targets.isEmpty(); }
    public List<Author> getAuthors() { return authors; }
    public boolean getMayForget() { return admin && !authors.isEmpty(); }
    public String getProblem() { return problem; }
    public boolean getHasProblem() { return !problem.isEmpty(); }
    public String getDone() { return done; }
    public boolean getHasDone() { return !done.isEmpty(); }
    /** The network's name, the argument of {@link #getDirectNoteKey()}. */
    public String getNetwork() { return network == null ? "" : network.label(); }
    /** Whether the "direct message" choice is offered at all (LinkedIn, Threads and the webhook have none). */
    public boolean getDirectAvailable() { return network != null && DirectMessages.available(network); }
    /** The i18n key of what the page says about direct messages here, or "" when every message may be answered by one. */
    public String getDirectNoteKey() {
        if (!getDirectAvailable()) return "socialdesk.answer.direct.direct-unsupported";
        if (network == Network.FACEBOOK || network == Network.INSTAGRAM) return "socialdesk.answer.direct.meta";
        return "";
    }

    private static String excerpt(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 80 ? line : line.substring(0, 79) + "…";
    }

    /** A message of the conversation a reply may answer. */
    public record Target(String key, String label, boolean direct) {
        public String getKey() { return key; }
        public String getLabel() { return label; }
        /** Whether a direct message may answer this message now (the network's rules, {@link DirectMessages}). */
        public boolean getDirect() { return direct; }
    }

    /** An author of the conversation, whom an admin may forget. */
    public record Author(String network, String id, String handle) {
        public String getNetwork() { return network; }
        public String getId() { return id; }
        public String getHandle() { return handle; }
    }

    /** One reply as the ticket shows it. */
    public static final class ReplyRow {
        private final Reply reply;
        private final String actionBase;
        private final User viewer;
        private final String when;

        ReplyRow(Reply reply, String actionBase, User viewer, ZoneId zone, Locale locale) {
            this.reply = reply;
            this.actionBase = actionBase;
            this.viewer = viewer;
            this.when = reply.createdAt().atZone(zone).format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(locale));
        }

        public long getId() { return reply.id(); }
        public String getState() { return reply.state().name().toLowerCase(Locale.ROOT); }
        /** The i18n key of its state; {@link #getApprover()} is its argument ("Waiting for {0}'s approval"). */
        public String getStateKey() { return "socialdesk.answer.state." + getState(); }
        public String getApprover() { return reply.approver() == null ? "" : ReplyApproval.label(reply.approver()); }
        public String getText() { return reply.text(); }
        public boolean getDirect() { return reply.direct(); }
        public String getTo() { return reply.recipientHandle() == null ? "" : reply.recipientHandle(); }
        public String getAuthor() { return reply.authorKey(); }
        public String getWhen() { return when; }
        public String getDecidedBy() { return reply.decidedBy() == null ? "" : reply.decidedBy(); }
        public String getNote() { return reply.note(); }
        public String getUrl() { return reply.remote() == null || reply.remote().url() == null ? "" : reply.remote().url(); }
        public boolean getHasUrl() { return !getUrl().isEmpty(); }
        public String getReason() { return reply.reason(); }
        public boolean getMayDecide() {
            return reply.state() == ReplyState.HELD && ReplyApproval.mayDecide(viewer, reply.approver(), reply.authorKey());
        }
        public boolean getMaySendAgain() { return reply.state() == ReplyState.FAILED || reply.state() == ReplyState.UNCONFIRMED; }
        public boolean getMayConfirm() { return reply.state() == ReplyState.UNCONFIRMED; }
        public String getActionUrl() { return actionBase + reply.id() + "/"; }
    }
}
