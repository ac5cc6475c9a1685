package io.socialdesk.server.http;

import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.inbox.InboxItem;
import io.socialdesk.core.inbox.Routed;
import io.socialdesk.core.inbox.Triage;
import io.socialdesk.server.render.BundleI18n;
import io.socialdesk.server.tracker.BuiltInTracker;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * A ticket of the social inbox as its page shows it: its route's fields, whether it is resolved, and its
 * conversation as it appears on the network (who wrote each message, with their profile, the text, the link to it,
 * when, and what triage and routing made of it). Getters only; the template escapes every value.
 */
public final class TicketView {
    private final BuiltInTracker.Item item;
    private final List<Message> messages;
    private final List<Note> notes;
    private final String resolved;

    TicketView(BuiltInTracker.Item item, List<InboxItem> conversation, List<BuiltInTracker.Comment> notes, ZoneId zone, Locale locale,
            BundleI18n i18n) {
        this.item = item;
        this.messages = conversation.stream().map(m -> new Message(m, zone, locale, i18n)).toList();
        this.notes = notes.stream().map(n -> new Note(n, zone, locale)).toList();
        this.resolved = item.resolvedAt() == null ? "" : when(item.resolvedAt(), zone, locale);
    }

    public boolean getIsTicket() { return !item.queue().equals(BuiltInTracker.PROJECT_KEY); }
    public String getQueue() { return item.queue(); }
    public String getQueueUrl() { return "/items?queue=" + item.queue(); }
    public boolean getResolved() { return item.resolved(); }
    public String getResolvedAt() { return resolved; }
    public String getPriority() { return item.priority() == null ? "" : item.priority(); }
    public String getComponent() { return item.component() == null ? "" : item.component(); }
    public String getIssueType() { return item.issueType() == null ? "" : item.issueType(); }
    public String getAssignee() { return item.assignee() == null ? "" : item.assignee(); }
    public String getLabels() { return String.join(", ", item.labels()); }
    public String getFollowsKey() { return item.followsKey() == null ? "" : item.followsKey(); }
    public String getFollowsUrl() { return item.followsKey() == null ? "" : "/items/" + item.followsKey(); }
    public String getDescription() { return item.description(); }
    public boolean getHasConversation() { return !messages.isEmpty(); }
    public List<Message> getMessages() { return messages; }
    public boolean getHasNotes() { return !notes.isEmpty(); }
    public List<Note> getNotes() { return notes; }
    public String getResolveUrl() { return item.tracked().url() + "/resolve"; }
    public String getReopenUrl() { return item.tracked().url() + "/reopen"; }

    /** One message of the conversation. */
    public static final class Message {
        private final Inbound in;
        private final InboxItem stored;
        private final String when;
        private final String followers;
        private final String triage;
        private final String route;

        Message(InboxItem stored, ZoneId zone, Locale locale, BundleI18n i18n) {
            this.stored = stored;
            this.in = stored.inbound();
            this.when = TicketView.when(stored.at(), zone, locale);
            this.followers = in.author().followers() == null ? ""
                    : i18n.getText("socialdesk.ticket.followers", NumberFormat.getIntegerInstance(locale).format(in.author().followers()));
            Triage t = stored.triage();
            this.triage = i18n.getText("socialdesk.ticket.triage", t.language(),
                    i18n.getText("socialdesk.ticket.mood." + t.mood().name().toLowerCase(Locale.ROOT)),
                    i18n.getText("socialdesk.ticket.urgency." + t.urgency().name().toLowerCase(Locale.ROOT)), String.format(locale, "%.2f", t.spam()));
            Routed r = stored.routed();
            this.route = r.byDefault() ? i18n.getText("socialdesk.ticket.routedByDefault", r.route().project())
                    : i18n.getText("socialdesk.ticket.routed", r.route().project(), r.ruleId() + (r.why().isEmpty() ? ""
                            : ": " + String.join("; ", io.socialdesk.web.page.RoutingWhyText.localise(r.why(), i18n::getText))));
        }

        public String getAuthorName() { return in.author().displayName(); }
        public String getAuthorHandle() { return in.author().handle(); }
        public boolean getShowHandle() { return !in.author().handle().equals(in.author().displayName()); }
        public String getProfileUrl() { return in.author().profileUrl() == null ? "" : in.author().profileUrl(); }
        public boolean getHasProfile() { return in.author().profileUrl() != null; }
        public String getFollowers() { return followers; }
        public String getText() { return in.text(); }
        public String getUrl() { return in.url() == null ? "" : in.url(); }
        public boolean getHasUrl() { return in.url() != null; }
        public String getNetwork() { return in.network().label(); }
        public String getKind() { return in.kind(); }
        public String getWhen() { return when; }
        public String getTriage() { return triage; }
        public String getRoute() { return route; }
        public String getSource() { return stored.source(); }
    }

    /** A note of the ticket's activity (resolved, reopened). */
    public static final class Note {
        private final BuiltInTracker.Comment comment;
        private final String when;

        Note(BuiltInTracker.Comment comment, ZoneId zone, Locale locale) {
            this.comment = comment;
            this.when = TicketView.when(comment.at(), zone, locale);
        }

        public String getAuthor() { return comment.author(); }
        public String getText() { return comment.text(); }
        public String getWhen() { return when; }
    }

    static String when(Instant at, ZoneId zone, Locale locale) {
        return at.atZone(zone).format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale));
    }
}
