package io.socialdesk.core.tracker;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Port: removing a person's words from a ticket (forgetting a person): the ticket stays, with a placeholder where
 * their text was. The server rewrites its rows; Jira edits the issue and its comments.
 */
public interface TicketRedaction {
    /**
     * Replaces by {@code placeholder} the ticket's summary and description when {@code summaryAndDescription}, and
     * each comment named in {@code comments}: a comment key (a key ending in {@code /} names every comment whose key
     * starts with it) mapped to a text the comment holds (how a host that keeps no comment keys finds it).
     */
    void redact(TrackedItem ticket, boolean summaryAndDescription, Map<String, String> comments, String placeholder);

    /**
     * Replaces the person's {@code names} (handles and ids, see {@link #withoutNames}) by {@code replacement} in the
     * comments Social Desk itself wrote on the ticket: "reopened by a new message from @pat", "Reply to @pat by Sam"...
     * Comments people wrote stay as they are.
     */
    void forgetNames(TrackedItem ticket, Set<String> names, String replacement);

    /**
     * Replaces each of {@code mentions} (a mention's link, or its id on the network where it had no link, as a crisis
     * ticket lists it) by {@code replacement} on every crisis ticket (opened with a key starting
     * {@code crisis:}): in its description and in the comments Social Desk wrote on it. Returns how many crisis tickets
     * changed.
     */
    int forgetCrisisMentions(Set<String> mentions, String replacement);

    /**
     * {@code text} with each line that lists one of {@code mentions} ({@code "- <link or id> (TICKET-1)"}, as a crisis
     * ticket lists its mentions) naming {@code replacement} instead; the same text elsewhere (a count, a sentence) stays.
     */
    static String withoutMentions(String text, Set<String> mentions, String replacement) {
        if (text == null || text.isEmpty()) return text;
        String out = text;
        for (String mention : mentions) {
            if (mention == null || mention.isBlank()) continue;
            Pattern p = Pattern.compile("(?m)^- " + Pattern.quote(mention.strip()) + "(?=[ \\t]|$)");
            out = p.matcher(out).replaceAll(Matcher.quoteReplacement("- " + replacement));
        }
        return out;
    }

    /**
     * {@code text} with every whole occurrence of one of {@code names} replaced, ignoring case, with or without a
     * leading {@code @}, also inside a link's path ({@code /profile/pat.example/post/1}); a longer handle that starts
     * with a name ({@code @patrick}, {@code pat.example} for {@code pat}) is left alone.
     */
    static String withoutNames(String text, Set<String> names, String replacement) {
        if (text == null || text.isEmpty()) return text;
        String out = text;
        // Longest first, so that "did:plc:pat" goes whole before "pat" could touch it.
        java.util.List<String> longestFirst = names.stream().filter(java.util.Objects::nonNull)
                .sorted(java.util.Comparator.comparingInt(String::length).reversed().thenComparing(java.util.Comparator.naturalOrder())).toList();
        for (String name : longestFirst) {
            String n = name == null ? "" : name.strip();
            if (n.startsWith("@")) n = n.substring(1);
            if (n.length() < 2) continue; // a one-letter "name" would eat ordinary words
            Pattern p = Pattern.compile("(?<![\\w.@:-])@?" + Pattern.quote(n) + "(?![\\w]|[.-][\\w])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            out = p.matcher(out).replaceAll(Matcher.quoteReplacement(replacement));
        }
        return out;
    }
}
