package io.socialdesk.core.inbox.triage;

import io.socialdesk.core.channel.Inbound;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How likely an item is spam, 0 … 1: each sign is a probability and they add up as independent ones do
 * (1 − Π(1 − p)). Signs: links (1: 0.15, 2: 0.35, 3 or more: 0.6; a link with no words 0.3 more), the same text
 * (or the same but for links, handles, numbers, case and accents) seen before from the same author (0.45, twice:
 * 0.65) or from two or more other authors (0.3, five or more: 0.45), hashtag stuffing (5: 0.3, 8: 0.5),
 * mention stuffing (5 handles: 0.3), tags and handles outnumbering words (0.3), spam phrases ("free followers",
 * "click here", "crypto", "cliquez ici", "argent facile": 0.35, two or more: 0.5), an account with no followers
 * (0.2; under 10: 0.1) and a handle with four digits or more in a row (0.15).
 */
final class SpamRules {
    private static final Set<String> PHRASES = Text.words("free followers", "buy followers", "get followers", "click here", "check my bio",
            "link in bio", "link in my bio", "dm me", "dm for", "giveaway", "crypto", "bitcoin", "btc", "nft", "forex", "investment opportunity",
            "earn money", "make money", "passive income", "work from home", "onlyfans", "promo code", "100% free", "casino", "viagra", "loan",
            "sugar daddy", "whatsapp me", "cliquez ici", "argent facile", "gagnez", "lien en bio", "lien dans ma bio",
            "revenu passif", "code promo", "gratuit", "investissement", "abonnes gratuits", "ecris-moi en mp");

    private static final Set<String> STARTS = UrgencyRules.starts(PHRASES, Set.of());

    private SpamRules() {}

    static double score(Text text, Inbound.Author author, RecentTexts.Seen seen) {
        double notSpam = 1;
        int links = text.links;
        if (links == 1) notSpam *= 1 - 0.15;
        else if (links == 2) notSpam *= 1 - 0.35;
        else if (links >= 3) notSpam *= 1 - 0.6;
        if (links > 0 && text.words == 0) notSpam *= 1 - 0.3;
        if (seen != null) {
            if (seen.sameAuthor() >= 2) notSpam *= 1 - 0.65;
            else if (seen.sameAuthor() == 1) notSpam *= 1 - 0.45;
            if (seen.otherAuthors() >= 5) notSpam *= 1 - 0.45;
            else if (seen.otherAuthors() >= 2) notSpam *= 1 - 0.3;
        }
        if (text.hashtags >= 8) notSpam *= 1 - 0.5;
        else if (text.hashtags >= 5) notSpam *= 1 - 0.3;
        if (text.handles >= 5) notSpam *= 1 - 0.3;
        if (text.hashtags + text.handles >= 4 && text.hashtags + text.handles > text.words) notSpam *= 1 - 0.3;
        int phrases = phrases(text);
        if (phrases >= 2) notSpam *= 1 - 0.5;
        else if (phrases == 1) notSpam *= 1 - 0.35;
        if (author != null) {
            Long followers = author.followers();
            if (followers != null && followers == 0) notSpam *= 1 - 0.2;
            else if (followers != null && followers < 10) notSpam *= 1 - 0.1;
            if (digitsInARow(author.handle()) >= 4) notSpam *= 1 - 0.15;
        }
        return Math.max(0, Math.min(1, 1 - notSpam));
    }

    private static int phrases(Text text) {
        List<Text.Token> tokens = text.tokens;
        int found = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Text.Token t = tokens.get(i);
            if (t.kind() != Text.Kind.WORD && t.kind() != Text.Kind.HASHTAG) continue;
            String one = t.folded();
            if (PHRASES.contains(one)) {
                found++;
                continue;
            }
            if (STARTS.contains(one) && i + 1 < tokens.size() && tokens.get(i + 1).kind() == Text.Kind.WORD) {
                String two = one + (one.endsWith("'") ? "" : " ") + tokens.get(i + 1).folded();
                if (PHRASES.contains(two)) {
                    found++;
                    i++;
                    continue;
                }
                if (i + 2 < tokens.size() && tokens.get(i + 2).kind() == Text.Kind.WORD) {
                    String three = two + (two.endsWith("'") ? "" : " ") + tokens.get(i + 2).folded();
                    if (PHRASES.contains(three)) {
                        found++;
                        i += 2;
                    }
                }
            }
        }
        return found;
    }

    static int digitsInARow(String handle) {
        if (handle == null) return 0;
        int best = 0, run = 0;
        for (int i = 0; i < handle.length(); i++) {
            if (Character.isDigit(handle.charAt(i))) best = Math.max(best, ++run);
            else run = 0;
        }
        return best;
    }

    /**
     * The text's fingerprint for "same or near-same": its words folded (case and accents off), numbers, links,
     * handles and emoji left out; 0 for a text too short to tell (under four words or 20 letters), since "thanks!"
     * from many people is not spam.
     */
    static long fingerprint(Text text) {
        int words = 0, letters = 0;
        long h = 0xcbf29ce484222325L;
        for (Text.Token t : text.tokens) {
            if (t.kind() != Text.Kind.WORD && t.kind() != Text.Kind.HASHTAG) continue;
            String f = t.folded();
            boolean any = false;
            for (int i = 0; i < f.length(); i++) {
                char c = f.charAt(i);
                if (Character.isDigit(c)) continue;
                any = true;
                letters++;
                h = (h ^ c) * 0x100000001b3L;
            }
            if (any) {
                words++;
                h = (h ^ ' ') * 0x100000001b3L;
            }
        }
        return words >= 4 && letters >= 20 && h != 0 ? h : 0;
    }

    /**
     * The texts a triager saw last: a bounded ring (oldest out first, and anything older than the horizon before the
     * newest item), with for each fingerprint how many copies and from whom. Thread-safe; one per triager.
     */
    static final class RecentTexts {
        record Seen(int sameAuthor, int otherAuthors) {}

        private static final class Entry {
            final Map<Long, Integer> byAuthor = new HashMap<>(2);
        }

        private final long[] fps;
        private final long[] authors;
        private final long[] ats;
        private final long horizonMillis;
        private final Map<Long, Entry> entries;
        private int head;
        private int size;

        RecentTexts(int capacity, long horizonMillis) {
            fps = new long[capacity];
            authors = new long[capacity];
            ats = new long[capacity];
            this.horizonMillis = horizonMillis;
            entries = new HashMap<>(Math.min(capacity, 1 << 16) * 2);
        }

        /** What was seen before of this fingerprint, then remembers this copy. */
        synchronized Seen record(long fp, long author, long at) {
            if (fps.length == 0) return new Seen(0, 0);
            while (size > 0 && (size == fps.length || ats[head] < at - horizonMillis)) evictOldest();
            Entry e = entries.get(fp);
            Seen seen;
            if (e == null) {
                seen = new Seen(0, 0);
                e = new Entry();
                entries.put(fp, e);
            } else {
                int same = e.byAuthor.getOrDefault(author, 0);
                seen = new Seen(same, e.byAuthor.size() - (same > 0 ? 1 : 0));
            }
            e.byAuthor.merge(author, 1, Integer::sum);
            int tail = (head + size) % fps.length;
            fps[tail] = fp;
            authors[tail] = author;
            ats[tail] = at;
            size++;
            return seen;
        }

        private void evictOldest() {
            Entry e = entries.get(fps[head]);
            if (e != null) {
                e.byAuthor.computeIfPresent(authors[head], (k, v) -> v > 1 ? v - 1 : null);
                if (e.byAuthor.isEmpty()) entries.remove(fps[head]);
            }
            head = (head + 1) % fps.length;
            size--;
        }

        synchronized int size() {
            return size;
        }

        /** For the tests: the fingerprints still remembered. */
        synchronized List<Long> remembered() {
            return new ArrayList<>(entries.keySet());
        }
    }
}
