package io.socialdesk.core.inbox;

import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.tracker.TrackedItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The texts the inbox writes into the tracker, plain text with bare links (Jira and the server both turn them into
 * links, and both escape the rest): a ticket's summary and description, and a comment per message, each showing
 * the message as it appears on the network (who wrote it, with their profile, the text, the link to it, when).
 * Deterministic: the same item gives the same text, so a comment written again after a crash is recognisable.
 */
public final class ConversationText {
    /** Summaries are one line of at most this many characters (a Jira summary holds 255). */
    public static final int MAX_SUMMARY = 250;
    /** One message's text in a description or comment (Jira's text fields hold 32,767 characters by default). */
    public static final int MAX_MESSAGE = 30_000;
    /** One message's text in a digest's list. */
    public static final int DIGEST_EXCERPT = 280;

    /** Compiled once: {@code String.replaceAll} compiles its pattern on every call, a visible share of a page's tickets. */
    private static final Pattern CONTROLS = Pattern.compile("[\\p{Cntrl}\\p{Zl}\\p{Zp}]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ConversationText() {}

    /** "Mention on Bluesky from @sam: Is the sale on?", on one line, control characters removed, cut at a whole character. */
    public static String summary(Inbound item) {
        String kind = item.kind().isEmpty() ? "Mention" : Character.toUpperCase(item.kind().charAt(0)) + item.kind().substring(1);
        String where = item.kind().contains(" on ") ? "" : " on " + item.network().label();
        return line(kind + where + " from " + item.author().handle() + ": " + item.text());
    }

    /** "Flood of new conversations on Bluesky (mentions), 2026-11-22 10:00 UTC to 11:00 UTC". */
    public static String digestSummary(Conversation digest, Instant windowStart, Instant windowEnd) {
        return line("Flood of new conversations on " + digest.network().label() + " (" + streamName(digest) + "), " + WHEN.format(windowStart)
                + " to " + WHEN.format(windowEnd));
    }

    /** The description of a conversation's ticket: where it happens, then its first message as on the network. */
    public static String description(Conversation conversation, InboxItem opener, String accountLabel) {
        StringBuilder out = new StringBuilder();
        Inbound item = opener.inbound();
        out.append("Conversation on ").append(item.network().label()).append(" with ").append(accountLabel).append(" (")
                .append(streamName(conversation)).append(").\n");
        if (conversation.previous() != null) {
            out.append("It follows ").append(conversation.previous().key()).append(" (").append(conversation.previous().url())
                    .append("), resolved before this message came.\n");
        }
        if (item.parentId() != null) {
            String root = item.rootId() != null && !item.rootId().equals(item.parentId()) ? item.rootId() : null;
            out.append("In reply to ").append(item.parentId()).append(root == null ? "" : ", in the thread started by " + root)
                    .append(" (not in this ticket: one of our own posts, or a post that was not addressed to this account or came before the"
                            + " import started).\n");
        }
        out.append('\n').append(message(opener));
        return out.toString();
    }

    /** A digest's description: why it exists, then its first chunk. */
    public static String digestDescription(Conversation digest, int threshold, Instant windowStart, Instant windowEnd, String accountLabel,
            List<InboxItem> chunk) {
        return "More than " + threshold + " new conversations reached " + accountLabel + " on " + digest.network().label() + " ("
                + streamName(digest) + ") between " + WHEN.format(windowStart) + " and " + WHEN.format(windowEnd)
                + ": the next ones are gathered here instead of one ticket each. Nothing is dropped: each is listed here or in a comment, and"
                + " replies to any of them come here too.\n\n" + digestChunk(chunk);
    }

    /** One message as it appears on the network. */
    public static String message(InboxItem stored) {
        Inbound item = stored.inbound();
        Inbound.Author a = item.author();
        StringBuilder out = new StringBuilder();
        out.append(a.displayName());
        if (!a.handle().equals(a.displayName())) out.append(" (").append(a.handle()).append(')');
        if (a.followers() != null) out.append(" · ").append(grouped(a.followers())).append(" followers");
        out.append('\n');
        if (a.profileUrl() != null) out.append(a.profileUrl()).append('\n');
        out.append('\n').append(cut(item.text(), MAX_MESSAGE)).append("\n\n");
        if (item.url() != null) out.append(item.url()).append('\n');
        out.append(capitalised(item.kind())).append(" on ").append(item.network().label()).append(" · ").append(WHEN.format(stored.at()));
        out.append('\n').append(triage(stored));
        return out.toString();
    }

    /** The items of a digest chunk, one line each. */
    public static String digestChunk(List<InboxItem> chunk) {
        StringBuilder out = new StringBuilder();
        int n = 1;
        for (InboxItem stored : chunk) {
            Inbound item = stored.inbound();
            Inbound.Author a = item.author();
            out.append(n++).append(". ").append(a.handle());
            if (!a.handle().equals(a.displayName())) out.append(" (").append(a.displayName()).append(')');
            if (a.followers() != null) out.append(", ").append(grouped(a.followers())).append(" followers");
            out.append(", ").append(WHEN.format(stored.at())).append(": ").append(line(cut(item.text(), DIGEST_EXCERPT)));
            if (item.url() != null) out.append(" — ").append(item.url());
            out.append('\n');
        }
        return out.toString();
    }

    /** "Language fr · sentiment -0.62 (negative) · urgency HIGH · spam 0.10 · routed to SUPPORT by rule refunds: ..." */
    static String triage(InboxItem stored) {
        Triage t = stored.triage();
        Routed r = stored.routed();
        String why = r.why().isEmpty() ? "" : ": " + String.join("; ", r.why());
        return "Language " + t.language() + " · sentiment " + twoDecimals(t.sentiment()) + " ("
                + t.mood().name().toLowerCase(Locale.ROOT) + ") · urgency " + t.urgency().name().toLowerCase(Locale.ROOT) + " · spam "
                + twoDecimals(t.spam()) + " · routed to " + r.route().project()
                + (r.byDefault() ? " by default" : " by rule " + r.ruleId()) + why;
    }

    /** Why a resolved ticket opens again. */
    public static String reopening(InboxItem first, TrackedItem ticket) {
        return "Reopened by Social Desk: a new message in this conversation from " + first.inbound().author().handle() + " on "
                + first.inbound().network().label() + " (" + WHEN.format(first.at()) + ").";
    }

    private static String streamName(Conversation conversation) {
        return conversation.stream().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String capitalised(String kind) {
        return kind.isEmpty() ? "Message" : Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) return text;
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + " … [" + (text.length() - end) + " more characters, kept in Social Desk]";
    }

    /** {@code String.format(Locale.ENGLISH, "%,d", n)} without the formatter's parsing of its pattern on every call. */
    static String grouped(long n) {
        String digits = n < 0 ? Long.toString(n).substring(1) : Long.toString(n);
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (n < 0) out.append('-');
        int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        out.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += 3) out.append(',').append(digits, i, i + 3);
        return out.toString();
    }

    /** {@code String.format(Locale.ROOT, "%.2f", v)} (half up, a minus sign kept on a negative that rounds to zero), likewise. */
    static String twoDecimals(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return String.format(Locale.ROOT, "%.2f", v);
        String abs = BigDecimal.valueOf(Math.abs(v)).setScale(2, RoundingMode.HALF_UP).toPlainString();
        return v < 0 || (v == 0 && Double.doubleToRawLongBits(v) != 0) ? "-" + abs : abs;
    }

    private static String line(String text) {
        String line = SPACES.matcher(CONTROLS.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
        if (line.codePointCount(0, line.length()) <= MAX_SUMMARY) return line;
        return line.substring(0, line.offsetByCodePoints(0, MAX_SUMMARY - 1)) + "…";
    }
}
