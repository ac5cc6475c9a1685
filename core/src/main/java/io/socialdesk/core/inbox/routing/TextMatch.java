package io.socialdesk.core.inbox.routing;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How routing reads an item's text.
 *
 * <p>Keywords: the text and the keyword are folded (lowercase, accents removed, "œ" as "oe", typographic
 * apostrophes made plain, every run of spaces, no-break spaces included, made one space) and the keyword must
 * stand as whole words: no letter or digit right before or after it. So "rembourse" finds "Remboursé" but not
 * "remboursement", and "ne marche pas" finds "Ne  marche PAS".
 *
 * <p>Regular expressions: Java's syntax, found ignoring case, in the text as written and in its folded form
 * (so both "remboursé" and "rembourse" work). Their evaluation is bounded: the text is read through a counter,
 * and a search that reads more than {@link #stepBudget} characters (a million, plus a hundred per character of
 * text; backtracking counts every re-read) stops and counts as not found. That bounds catastrophic backtracking
 * whatever the pattern: Java 17 already copes with the classic {@code (a+)+$}, but not with stacked repetitions
 * ({@code a*a*a*a*a*b}, {@code (.*,){8}x}) or a back-reference after a nested one. Validation also refuses a
 * pattern that exhausts the budget on a few probing texts ({@link #runsAway}), so an admin learns of it when
 * saving, not when mentions are misrouted.
 *
 * <p>Only the first {@value #MAX_TEXT} characters of a text are read: mentions are short, and a hostile 1 MB
 * text must not cost more than a normal one.
 */
public final class TextMatch {
    /** Characters of an item's text that routing reads. */
    public static final int MAX_TEXT = 10_000;
    /** The fixed part of a search's step budget; the rest grows with the text ({@link #stepBudget}). */
    static final int BASE_STEPS = 1_000_000;
    static final int STEPS_PER_CHAR = 100;

    private TextMatch() {}

    /** The most characters a regular-expression search may read in a text of this length. */
    static long stepBudget(int length) {
        return BASE_STEPS + (long) STEPS_PER_CHAR * length;
    }

    /** Lowercase, without accents, apostrophes plain, spaces collapsed and trimmed. */
    public static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = true;
                continue;
            }
            if (space && out.length() > 0) out.append(' ');
            space = false;
            if (cp == '\u2019' || cp == '\u2018' || cp == '\u02BC' || cp == '\u00B4') {
                out.append('\'');
                continue;
            }
            if (cp < 0x80) {
                out.append(Character.toLowerCase((char) cp));
                continue;
            }
            switch (cp) {
                case '\u0153', '\u0152' -> out.append("oe");
                case '\u00E6', '\u00C6' -> out.append("ae");
                case '\u00DF' -> out.append("ss");
                default -> {
                    String lower = new String(Character.toChars(cp)).toLowerCase(Locale.ROOT);
                    Normalizer.normalize(lower, Normalizer.Form.NFD).codePoints()
                            .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK).forEach(out::appendCodePoint);
                }
            }
        }
        return out.toString();
    }

    /** Whether the folded {@code keyword} stands as whole words in the folded {@code text}. */
    static boolean containsWords(String foldedText, String foldedKeyword) {
        if (foldedKeyword.isEmpty()) return false;
        boolean wordStart = isWord(foldedKeyword.codePointAt(0));
        boolean wordEnd = isWord(foldedKeyword.codePointBefore(foldedKeyword.length()));
        int from = 0;
        while (true) {
            int at = foldedText.indexOf(foldedKeyword, from);
            if (at < 0) return false;
            int end = at + foldedKeyword.length();
            boolean startOk = !wordStart || at == 0 || !isWord(foldedText.codePointBefore(at));
            boolean endOk = !wordEnd || end == foldedText.length() || !isWord(foldedText.codePointAt(end));
            if (startOk && endOk) return true;
            from = at + 1;
        }
    }

    private static boolean isWord(int cp) {
        return Character.isLetterOrDigit(cp);
    }

    /** The regular expression as routing compiles it. */
    static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The outcome of one bounded search. */
    enum Found { YES, NO, GAVE_UP }

    /** Searches {@code text} reading at most {@link #stepBudget} characters. */
    static Found find(Pattern pattern, String text) {
        return find(pattern, text, stepBudget(text.length()));
    }

    static Found find(Pattern pattern, String text, long budget) {
        Counted counted = new Counted(text, new long[] {budget});
        try {
            Matcher m = pattern.matcher(counted);
            return m.find() ? Found.YES : Found.NO;
        } catch (OutOfSteps e) {
            return Found.GAVE_UP;
        } catch (StackOverflowError e) {
            // Deep recursion in java.util.regex (a long alternation repeated): as good as running away.
            return Found.GAVE_UP;
        }
    }

    /** Texts that make a pattern with nested or overlapping quantifiers backtrack exponentially. */
    private static final String[] PROBE_UNITS = {"a", "0", " ", "ab", "a ", ",", "1a"};
    private static final int PROBE_REPEAT = 40;
    private static final long PROBE_BUDGET = BASE_STEPS;
    private static final String METACHARACTERS = "\\[](){}.*+?^$|";

    /**
     * True when the pattern runs out of steps on one of a few probing texts (a letter, a digit, a space, the
     * pattern's own literal characters, repeated, then a character that makes the match fail at the very end):
     * the usual shape of catastrophic backtracking. A heuristic, so searches stay bounded at run time as well.
     */
    static boolean runsAway(Pattern pattern) {
        java.util.LinkedHashSet<String> units = new java.util.LinkedHashSet<>(java.util.Arrays.asList(PROBE_UNITS));
        String source = pattern.pattern();
        for (int i = 0; i < source.length() && units.size() < PROBE_UNITS.length + 12; i++) {
            char c = source.charAt(i);
            if (c == '\\') {
                i++; // an escape such as \d or \s is not a literal
            } else if (METACHARACTERS.indexOf(c) < 0 && !Character.isWhitespace(c) && !Character.isSurrogate(c)) {
                units.add(Character.toString(c));
            }
        }
        for (String unit : units) {
            String run = unit.repeat(PROBE_REPEAT);
            for (String tail : new String[] {"!", "\n", "\u00e9", ""}) {
                if (find(pattern, run + tail, PROBE_BUDGET) == Found.GAVE_UP) return true;
            }
        }
        return false;
    }

    private static final class OutOfSteps extends RuntimeException {
        OutOfSteps() {
            super("out of steps", null, false, false);
        }
    }

    /** The text, counting every character read against a budget shared with its sub-sequences. */
    private static final class Counted implements CharSequence {
        private final String text;
        private final long[] left;

        Counted(String text, long[] left) {
            this.text = text;
            this.left = left;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (--left[0] < 0) throw new OutOfSteps();
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Counted(text.substring(start, end), left);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
