package io.socialdesk.server.http;

import io.socialdesk.core.inbox.InboxItem;
import io.socialdesk.core.inbox.answer.Reply;
import io.socialdesk.core.inbox.answer.ReplyApproval;
import io.socialdesk.core.inbox.answer.ReplyState;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import io.socialdesk.server.render.BundleI18n;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Answering on a ticket's page: its replies (with the approval, resend and confirm buttons the viewer may use), the
 * form to write one (to which message), what the last action said, and, for admins, "forget this person" for each
 * author of the conversation. Getters only; the template escapes every value.
 */
public final class AnswerView {
    private final TrackedItem ticket;
    private final List<ReplyRow> replies;
    private final List<Target> targets;
    private final List<Author> authors;
    private final boolean admin;
    private final String problem;
    private final String done;

    AnswerView(TrackedItem ticket, List<InboxItem> conversation, List<Reply> replies, User viewer, Locale locale, BundleI18n i18n, String problem,
            String done) {
        this.ticket = ticket;
        ZoneId zone = viewer.zone();
        this.replies = replies.stream().map(r -> new ReplyRow(r, ticket, viewer, zone, locale, i18n)).toList();
        List<InboxItem> answerable = conversation.stream().filter(i -> !InboxItem.ANCESTOR.equals(i.source()))
                .sorted(Comparator.comparing(InboxItem::at).reversed()).toList();
        this.targets = answerable.stream().map(i -> new Target(i.key(), i.inbound().author().handle() + ": " + excerpt(i.inbound().text()))).toList();
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
    public String getReplyUrl() { return ticket.url() + "/replies"; }
    public String getForgetUrl() { return ticket.url() + "/forget"; }
    public List<Target> getTargets() { return targets; }
    public boolean getMayWrite() { return !targets.isEmpty(); }
    public List<Author> getAuthors() { return authors; }
    public boolean getMayForget() { return admin && !authors.isEmpty(); }
    public String getProblem() { return problem; }
    public boolean getHasProblem() { return !problem.isEmpty(); }
    public String getDone() { return done; }
    public boolean getHasDone() { return !done.isEmpty(); }

    private static String excerpt(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 80 ? line : line.substring(0, 79) + "…";
    }

    /** A message of the conversation a reply may answer. */
    public record Target(String key, String label) {
        public String getKey() { return key; }
        public String getLabel() { return label; }
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
        private final TrackedItem ticket;
        private final User viewer;
        private final String when;
        private final String stateLabel;

        ReplyRow(Reply reply, TrackedItem ticket, User viewer, ZoneId zone, Locale locale, BundleI18n i18n) {
            this.reply = reply;
            this.ticket = ticket;
            this.viewer = viewer;
            this.when = TicketView.when(reply.createdAt(), zone, locale);
            this.stateLabel = i18n.getText("socialdesk.answer.state." + reply.state().name().toLowerCase(Locale.ROOT),
                    reply.approver() == null ? "" : ReplyApproval.label(reply.approver()));
        }

        public long getId() { return reply.id(); }
        public String getState() { return reply.state().name().toLowerCase(Locale.ROOT); }
        public String getStateLabel() { return stateLabel; }
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
        public String getActionUrl() { return ticket.url() + "/replies/" + reply.id() + "/"; }
    }
}
