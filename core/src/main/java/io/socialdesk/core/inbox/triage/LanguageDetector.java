package io.socialdesk.core.inbox.triage;

import io.socialdesk.core.inbox.Triage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Tells English from French in short texts (a tweet, a reply of three words), and says {@code und} when it cannot.
 *
 * <p>A naive Bayes model over words and character trigrams, trained when the class loads (a few milliseconds) on
 * about 2,500 words of English and of French written for this project ({@code corpus-en.txt},
 * {@code corpus-fr.txt} beside this class), the French also without its accents since many people type it so.
 * Links, handles and hashtags are not read. A text whose evidence for one language over the other is below
 * {@link #MARGIN} (in nats) is {@code und}: "ok", "lol", emoji, a handle alone.
 *
 * <p>Beyond English and French it names a few languages only when it is sure: by script (Japanese kana, Korean,
 * Greek, Hebrew, Thai, Armenian, Georgian, Chinese han without kana) and by two or more of their most common words
 * (Spanish, German, Italian, Portuguese, Dutch). Everything else is {@code und}.
 *
 * <p>Immutable and thread-safe; {@link #standard()} is the one instance to share.
 */
public final class LanguageDetector {
    /** How much more likely (natural log) one language must be than the other before the detector names it. */
    public static final double MARGIN = 2.5;
    /** How many characters of a text are read: plenty for a language, and a bound on the time a 1 MB text takes. */
    static final int MAX_CHARS = 2_000;
    /** And how many words of a text already read: a language needs far fewer words than a 10,000-character text has. */
    static final int MAX_WORDS = 300;
    private static final double WORD_WEIGHT = 1.0;
    /** The most (in nats) one unknown word's letters may count: five of them, not one, can name a language. */
    private static final double UNKNOWN_WORD_CAP = 1.5;
    private static final String[] LANGS = {"en", "fr"};
    /** The two-letter codes a network's tag may have; anything else ("zz", "english") is no tag. */
    private static final java.util.Set<String> ISO_639_1 = java.util.Set.of(Locale.getISOLanguages());

    private final Map<String, float[]> words;
    private final float[] unknownWord;
    private final LongFloatMap trigrams;
    private final float[] unknownTrigram;
    private final Map<String, String> otherLanguageWords;
    private final java.util.Set<String> neutral;

    private LanguageDetector(Map<String, float[]> words, float[] unknownWord, LongFloatMap trigrams, float[] unknownTrigram,
            Map<String, String> otherLanguageWords, java.util.Set<String> neutral) {
        this.neutral = neutral;
        this.words = words;
        this.unknownWord = unknownWord;
        this.trigrams = trigrams;
        this.unknownTrigram = unknownTrigram;
        this.otherLanguageWords = otherLanguageWords;
    }

    private static final class Holder {
        static final LanguageDetector STANDARD = train();
    }

    /** The detector trained on the shipped text; built once, on first use. */
    public static LanguageDetector standard() {
        return Holder.STANDARD;
    }

    /** The language of {@code text}: {@code en}, {@code fr}, another ISO 639-1 code when sure, else {@code und}. */
    public String detect(String text) {
        return detect(Text.read(text, MAX_CHARS), null);
    }

    /**
     * As {@link #detect(String)}, with the network's own tag as a tie-breaker: networks tag a post with the
     * poster's app language or a default they never changed, so the tag is often wrong and never overrides the
     * text; it is taken only when the text has words but too little evidence either way and does not lean
     * against it. A text without words (emoji, links, handles) stays {@code und} whatever the tag.
     */
    public String detect(String text, String networkTag) {
        return detect(Text.read(text, MAX_CHARS), networkTag);
    }

    /** The evidence: the log-likelihood of English minus that of French (positive: English). */
    double evidence(String text) {
        return evidence(Text.read(text, MAX_CHARS));
    }

    String detect(Text text, String networkTag) {
        if (text.otherLetters > text.latinLetters) return byScript(text);
        if (text.latinLetters < 2) return Triage.UNDETERMINED;
        String other = otherLatinLanguage(text);
        if (other != null) return other;
        double[] known = new double[1];
        double diff = evidence(text, known);
        // Only words the model has never seen: their letters alone are weak evidence, so ask for twice as much.
        double margin = known[0] > 0 ? MARGIN : 2 * MARGIN;
        if (diff >= margin) return "en";
        if (diff <= -margin) return "fr";
        String tag = tag(networkTag);
        if (tag == null) return Triage.UNDETERMINED;
        if (tag.equals("en")) return diff > -margin / 2 ? "en" : Triage.UNDETERMINED;
        if (tag.equals("fr")) return diff < margin / 2 ? "fr" : Triage.UNDETERMINED;
        // A language this detector cannot check: believed only when the text gives no clear sign of English or French.
        return Math.abs(diff) < margin / 2 ? tag : Triage.UNDETERMINED;
    }

    private static String tag(String networkTag) {
        if (networkTag == null) return null;
        String t = networkTag.trim().toLowerCase(Locale.ROOT);
        int dash = t.indexOf('-');
        if (dash < 0) dash = t.indexOf('_');
        if (dash >= 0) t = t.substring(0, dash);
        return ISO_639_1.contains(t) ? t : null;
    }

    private static String byScript(Text text) {
        if (text.kana) return "ja";
        if (text.mainOtherScript == null) return Triage.UNDETERMINED;
        return switch (text.mainOtherScript) {
            case HANGUL -> "ko";
            case GREEK -> "el";
            case HEBREW -> "he";
            case THAI -> "th";
            case ARMENIAN -> "hy";
            case GEORGIAN -> "ka";
            case HAN -> "zh";
            // Cyrillic, Arabic, Devanagari… each write several languages: not told by script alone.
            default -> Triage.UNDETERMINED;
        };
    }

    private String otherLatinLanguage(Text text) {
        Map<String, Integer> hits = null;
        int read = 0;
        for (Text.Token t : text.tokens) {
            if (t.kind() != Text.Kind.WORD) continue;
            if (++read > MAX_WORDS) break;
            String lang = otherLanguageWords.get(t.lower());
            if (lang == null) continue;
            if (hits == null) hits = new HashMap<>(4);
            hits.merge(lang, 1, Integer::sum);
        }
        if (hits == null) return null;
        String best = null;
        int bestCount = 0;
        boolean tie = false;
        for (Map.Entry<String, Integer> e : hits.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
                tie = false;
            } else if (e.getValue() == bestCount) {
                tie = true;
            }
        }
        return !tie && bestCount >= 2 && bestCount * 10 >= Math.min(read, MAX_WORDS) * 3 ? best : null;
    }

    double evidence(Text text) {
        return evidence(text, new double[1]);
    }

    /** English minus French log-likelihood; {@code known[0]} gets how many words the model knows. */
    private double evidence(Text text, double[] known) {
        double diff = 0;
        int read = 0;
        for (Text.Token t : text.tokens) {
            if (t.kind() != Text.Kind.WORD) continue;
            if (++read > MAX_WORDS) break;
            String w = t.lower();
            if (!hasLetter(w) || neutral.contains(w) || laughter(w)) continue;
            float[] p = words.get(w);
            double word;
            if (p == null) word = WORD_WEIGHT * (unknownWord[0] - unknownWord[1]);
            else {
                known[0]++;
                word = WORD_WEIGHT * (p[0] - p[1]);
            }
            // Character trigrams of " word ", the spaces marking the word's start and end.
            double letters = 0;
            char a = ' ', b = ' ';
            int len = w.length();
            for (int i = 0; i <= len; i++) {
                char c = i < len ? w.charAt(i) : ' ';
                if (!(a == ' ' && b == ' ')) {
                    int slot = trigrams.find(key(a, b, c));
                    letters += slot >= 0 ? trigrams.value(slot, 0) - trigrams.value(slot, 1) : unknownTrigram[0] - unknownTrigram[1];
                }
                a = b;
                b = c;
            }
            // A word the model never saw ("Tschüss", a name, slang) is weak evidence, whatever its letters look like.
            if (p == null) letters = Math.max(-UNKNOWN_WORD_CAP, Math.min(UNKNOWN_WORD_CAP, letters));
            diff += word + letters;
        }
        return diff;
    }

    /** "hahaha", "ahahah", "hihihi", "héhé": laughing has no language. */
    private static boolean laughter(String w) {
        if (w.length() < 4) return false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c != 'h' && c != 'a' && c != 'e' && c != 'i' && c != 'é' && c != 'o') return false;
        }
        return true;
    }

    private static boolean hasLetter(String w) {
        for (int i = 0; i < w.length(); i++) if (Character.isLetter(w.charAt(i))) return true;
        return false;
    }

    private static long key(char a, char b, char c) {
        return ((long) a << 32) | ((long) b << 16) | c;
    }

    // ---- training ---------------------------------------------------------------------------------------------

    private static LanguageDetector train() {
        Map<String, int[]> wordCounts = new HashMap<>();
        Map<Long, int[]> triCounts = new HashMap<>();
        long[] wordTotals = new long[2];
        long[] triTotals = new long[2];
        for (int l = 0; l < LANGS.length; l++) {
            for (String line : lines("corpus-" + LANGS[l] + ".txt")) {
                Text text = Text.read(line, Integer.MAX_VALUE);
                for (Text.Token t : text.tokens) {
                    if (t.kind() != Text.Kind.WORD || !hasLetter(t.lower())) continue;
                    count(t.lower(), l, wordCounts, triCounts, wordTotals, triTotals);
                    // French is often typed without accents: learn both spellings.
                    if (l == 1 && !t.folded().equals(t.lower())) count(t.folded(), l, wordCounts, triCounts, wordTotals, triTotals);
                }
            }
        }
        double k = 0.5;
        int vw = wordCounts.size() + 1;
        int vt = triCounts.size() + 1;
        Map<String, float[]> words = new HashMap<>(wordCounts.size() * 2);
        for (Map.Entry<String, int[]> e : wordCounts.entrySet()) {
            words.put(e.getKey(), logs(e.getValue(), wordTotals, k, vw));
        }
        LongFloatMap trigrams = new LongFloatMap(triCounts.size());
        for (Map.Entry<Long, int[]> e : triCounts.entrySet()) trigrams.put(e.getKey(), logs(e.getValue(), triTotals, k, vt));
        Map<String, String> others = new HashMap<>();
        java.util.Set<String> neutral = new java.util.HashSet<>();
        for (String line : lines("function-words.txt")) {
            int colon = line.indexOf(':');
            String lang = line.substring(0, colon).trim();
            if (lang.equals("neutral")) {
                neutral.addAll(java.util.List.of(line.substring(colon + 1).trim().split("\\s+")));
                continue;
            }
            for (String w : line.substring(colon + 1).trim().split("\\s+")) {
                int[] known = wordCounts.get(w);
                // A word English or French also uses proves nothing.
                if (known == null || known[0] + known[1] < 2) others.put(w, lang);
            }
        }
        return new LanguageDetector(Map.copyOf(words), logs(new int[2], wordTotals, k, vw), trigrams, logs(new int[2], triTotals, k, vt),
                Map.copyOf(others), java.util.Set.copyOf(neutral));
    }

    private static void count(String w, int l, Map<String, int[]> wordCounts, Map<Long, int[]> triCounts, long[] wordTotals, long[] triTotals) {
        wordCounts.computeIfAbsent(w, x -> new int[2])[l]++;
        wordTotals[l]++;
        char a = ' ', b = ' ';
        for (int i = 0; i <= w.length(); i++) {
            char c = i < w.length() ? w.charAt(i) : ' ';
            if (!(a == ' ' && b == ' ')) {
                triCounts.computeIfAbsent(key(a, b, c), x -> new int[2])[l]++;
                triTotals[l]++;
            }
            a = b;
            b = c;
        }
    }

    private static float[] logs(int[] counts, long[] totals, double k, int v) {
        float[] out = new float[2];
        for (int l = 0; l < 2; l++) out[l] = (float) Math.log((counts[l] + k) / (totals[l] + k * v));
        return out;
    }

    static java.util.List<String> lines(String resource) {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (InputStream in = LanguageDetector.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("Missing resource " + resource + " beside " + LanguageDetector.class.getName());
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                out.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Open addressing from a packed trigram to its two log-probabilities: no boxing on the hot path. */
    static final class LongFloatMap {
        private final long[] keys;
        private final float[] values;
        private final boolean[] used;
        private final int mask;

        LongFloatMap(int expected) {
            int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
            keys = new long[cap];
            values = new float[cap * 2];
            used = new boolean[cap];
            mask = cap - 1;
        }

        void put(long key, float[] v) {
            int i = slot(key);
            while (used[i] && keys[i] != key) i = (i + 1) & mask;
            used[i] = true;
            keys[i] = key;
            values[2 * i] = v[0];
            values[2 * i + 1] = v[1];
        }

        int find(long key) {
            int i = slot(key);
            while (used[i]) {
                if (keys[i] == key) return i;
                i = (i + 1) & mask;
            }
            return -1;
        }

        float value(int slot, int lang) {
            return values[2 * slot + lang];
        }

        private int slot(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 40) & mask;
        }
    }
}
