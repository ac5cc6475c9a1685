package io.socialdesk.core.inbox.triage;

import java.util.ArrayList;
import java.util.List;

/**
 * One pass over an item's text that the language, sentiment, urgency and spam readers share: words (lower case, and
 * folded: accents off), links, handles, hashtags, emoji and emoticons, exclamation and question marks. Any string is
 * accepted (lone surrogates, control characters, 1 MB of text): only the first {@code maxChars} characters are read,
 * so the cost per item is bounded.
 */
final class Text {
    enum Kind { WORD, URL, HANDLE, HASHTAG, EMOJI, PUNCT }

    /**
     * A token. {@code lower} keeps accents (the language model wants them); {@code folded} has them off (the
     * lexicons are looked up with it, since many people type French without accents). {@code caps} marks a word
     * written in capitals (2 letters or more), for VADER's emphasis rule.
     */
    record Token(Kind kind, String lower, String folded, boolean caps) {}

    final List<Token> tokens;
    final int exclamations;
    final int questions;
    final int links;
    final int handles;
    final int hashtags;
    final int words;
    /** Words in capitals and words with a lower-case letter: shouting needs both counted. */
    final int capsWords;
    final int lowerWords;
    /** Letters outside the Latin script, by script, for the few languages a script alone tells. */
    final int latinLetters;
    final int otherLetters;
    final Character.UnicodeScript mainOtherScript;
    final boolean kana;

    private Text(List<Token> tokens, int exclamations, int questions, int links, int handles, int hashtags, int capsWords, int lowerWords,
            int latinLetters, int otherLetters, Character.UnicodeScript mainOtherScript, boolean kana) {
        this.tokens = tokens;
        this.exclamations = exclamations;
        this.questions = questions;
        this.links = links;
        this.handles = handles;
        this.hashtags = hashtags;
        int w = 0;
        for (Token t : tokens) if (t.kind == Kind.WORD) w++;
        this.words = w;
        this.capsWords = capsWords;
        this.lowerWords = lowerWords;
        this.latinLetters = latinLetters;
        this.otherLetters = otherLetters;
        this.mainOtherScript = mainOtherScript;
        this.kana = kana;
    }

    /** French elisions split off a word ({@code j'adore} reads as {@code j'} and {@code adore}). */
    private static boolean elision(String prefix) {
        return switch (prefix) {
            case "l", "j", "n", "d", "c", "qu", "s", "m", "t", "jusqu", "lorsqu", "puisqu", "quoiqu" -> true;
            default -> false;
        };
    }

    private static final String[] EMOTICONS = {":-)", ":)", ":-(", ":(", ":-D", ":D", ";-)", ";)", ":'(", ":'-(", "<3", "</3", ":-/", ":/",
        ":-P", ":P", ":p", ":-|", ":|", ">:(", ":o", ":O", "^^", "^_^", "-_-", "xD", "XD", ":-*", ":*", ":-S", ":s", "=)", "=("};

    static Text read(String raw, int maxChars) {
        String s = raw == null ? "" : raw;
        int end = Math.min(s.length(), maxChars);
        // Never cut a surrogate pair in two at the limit.
        if (end > 0 && end < s.length() && Character.isHighSurrogate(s.charAt(end - 1))) end--;
        List<Token> tokens = new ArrayList<>(Math.min(256, end / 4 + 4));
        int excl = 0, quest = 0, links = 0, handles = 0, tags = 0, caps = 0, lowers = 0, latin = 0, other = 0;
        int[] scripts = null;
        boolean kana = false;
        StringBuilder lower = new StringBuilder(32);
        StringBuilder folded = new StringBuilder(32);
        int i = 0;
        while (i < end) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))) {
                int u = urlEnd(s, i, end);
                if (u > 0) {
                    links++;
                    tokens.add(new Token(Kind.URL, "", "", false));
                    i = u;
                    continue;
                }
            }
            if (Character.isLetterOrDigit(cp)) {
                // A word: letters, digits, and apostrophes or hyphens between letters.
                int start = i;
                int j = i;
                lower.setLength(0);
                folded.setLength(0);
                boolean anyUpper = false, anyLower = false;
                int letters = 0;
                while (j < end) {
                    int c = s.codePointAt(j);
                    int cn = Character.charCount(c);
                    if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                        if (Character.isLetter(c)) {
                            letters++;
                            if (Character.isUpperCase(c)) anyUpper = true;
                            else if (Character.isLowerCase(c)) anyLower = true;
                            Character.UnicodeScript script = script(c);
                            if (script == Character.UnicodeScript.LATIN) latin++;
                            else if (script != Character.UnicodeScript.COMMON && script != Character.UnicodeScript.INHERITED) {
                                other++;
                                if (scripts == null) scripts = new int[Character.UnicodeScript.values().length];
                                scripts[script.ordinal()]++;
                                if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) kana = true;
                            }
                        }
                        int lc = Character.toLowerCase(c);
                        lower.appendCodePoint(lc);
                        fold(lc, folded);
                        j += cn;
                    } else if ((c == '\'' || c == '\u2019' || c == '-') && j + 1 < end && Character.isLetter(s.codePointAt(j + 1))) {
                        if (c != '-' && elision(lower.toString())) {
                            // French elision: "j'" becomes its own token, the word goes on after it.
                            lower.append('\'');
                            folded.append('\'');
                            j++;
                            break;
                        }
                        lower.append(c == '-' ? '-' : '\'');
                        folded.append(c == '-' ? '-' : '\'');
                        j++;
                    } else {
                        break;
                    }
                }
                if (j == start) j = start + n; // defensive: always move on
                boolean isCaps = anyUpper && !anyLower && letters >= 2;
                if (isCaps) caps++;
                if (anyLower) lowers++;
                tokens.add(new Token(Kind.WORD, lower.toString(), folded.toString(), isCaps));
                i = j;
                continue;
            }
            if (cp == '@' || cp == '#') {
                int j = i + 1;
                while (j < end) {
                    int c = s.codePointAt(j);
                    if (Character.isLetterOrDigit(c) || c == '_' || (cp == '@' && (c == '.' || c == '-') && j + 1 < end
                            && Character.isLetterOrDigit(s.codePointAt(j + 1)))) {
                        j += Character.charCount(c);
                    } else break;
                }
                if (j > i + 1) {
                    String word = s.substring(i + 1, j).toLowerCase(java.util.Locale.ROOT);
                    folded.setLength(0);
                    word.codePoints().forEach(c -> fold(c, folded));
                    if (cp == '@') handles++;
                    else tags++;
                    tokens.add(new Token(cp == '@' ? Kind.HANDLE : Kind.HASHTAG, word, folded.toString(), false));
                    i = j;
                    continue;
                }
            }
            if (cp == '!' || cp == '\u00A1') {
                excl++;
                tokens.add(new Token(Kind.PUNCT, "!", "!", false));
                i += n;
                continue;
            }
            if (cp == '?' || cp == '\u00BF') {
                quest++;
                tokens.add(new Token(Kind.PUNCT, "?", "?", false));
                i += n;
                continue;
            }
            String emoticon = emoticon(s, i, end);
            if (emoticon != null) {
                tokens.add(new Token(Kind.EMOJI, emoticon, emoticon.toLowerCase(java.util.Locale.ROOT), false));
                i += emoticon.length();
                continue;
            }
            if (emoji(cp)) {
                String e = new String(Character.toChars(cp));
                tokens.add(new Token(Kind.EMOJI, e, e, false));
                i += n;
                continue;
            }
            if (cp == '.' || cp == ',' || cp == ';' || cp == ':' || cp == '\u2026') {
                tokens.add(new Token(Kind.PUNCT, ".", ".", false));
            }
            i += n;
        }
        Character.UnicodeScript main = null;
        if (scripts != null) {
            int best = 0;
            for (int k = 0; k < scripts.length; k++) {
                if (scripts[k] > best) {
                    best = scripts[k];
                    main = Character.UnicodeScript.values()[k];
                }
            }
        }
        return new Text(List.copyOf(tokens), excl, quest, links, handles, tags, caps, lowers, latin, other, main, kana);
    }

    private static final String[] LINK_STARTS = {"http://", "https://", "www.", "bit.ly/", "t.co/", "tinyurl.com/", "goo.gl/", "ow.ly/",
        "is.gd/", "buff.ly/", "lnkd.in/", "t.me/", "wa.me/"};

    /** Where the link starting at {@code i} ends (the next space), or -1 when no link starts there. */
    private static int urlEnd(String s, int i, int end) {
        for (String start : LINK_STARTS) {
            if (s.regionMatches(true, i, start, 0, start.length()) && i + start.length() < end) {
                int j = i + start.length();
                while (j < end && !Character.isWhitespace(s.charAt(j))) j++;
                return j;
            }
        }
        return -1;
    }

    private static Character.UnicodeScript script(int cp) {
        if (cp < 0x250) return cp < 0x80 || Character.isLetter(cp) ? Character.UnicodeScript.LATIN : Character.UnicodeScript.COMMON;
        try {
            return Character.UnicodeScript.of(cp);
        } catch (IllegalArgumentException e) {
            return Character.UnicodeScript.UNKNOWN;
        }
    }

    private static String emoticon(String s, int i, int end) {
        char c = s.charAt(i);
        if (c != ':' && c != ';' && c != '<' && c != '>' && c != '^' && c != '-' && c != 'x' && c != 'X' && c != '=') return null;
        for (String e : EMOTICONS) {
            if (i + e.length() <= end && s.startsWith(e, i)) {
                // "xD" only as a token of its own, not the start of a word.
                int after = i + e.length();
                if (after < end && Character.isLetterOrDigit(s.charAt(after))) continue;
                return e;
            }
        }
        return null;
    }

    /** Pictographs, dingbats and symbols: the code points people use as emoji (skin tones and joiners excluded). */
    static boolean emoji(int cp) {
        if (cp >= 0x1F3FB && cp <= 0x1F3FF) return false; // skin tone modifiers
        return (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x1F000 && cp <= 0x1F2FF)
                || cp == 0x2B50 || cp == 0x2B55 || cp == 0x2764 || cp == 0x203C || cp == 0x2049 || cp == 0x2122;
    }

    /** Appends {@code cp} (already lower case) with its accents off: é → e, ç → c, œ → oe, ß → ss. */
    static void fold(int cp, StringBuilder out) {
        if (cp < 0xC0) {
            out.appendCodePoint(cp);
            return;
        }
        String f = switch (cp) {
            case 'à', 'á', 'â', 'ã', 'ä', 'å', 'ā' -> "a";
            case 'æ' -> "ae";
            case 'ç', 'ć', 'č' -> "c";
            case 'è', 'é', 'ê', 'ë', 'ē', 'ę', 'ě' -> "e";
            case 'ì', 'í', 'î', 'ï', 'ī' -> "i";
            case 'ñ', 'ń' -> "n";
            case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'ō' -> "o";
            case 'œ' -> "oe";
            case 'ù', 'ú', 'û', 'ü', 'ū' -> "u";
            case 'ý', 'ÿ' -> "y";
            case 'ß' -> "ss";
            default -> null;
        };
        if (f != null) out.append(f);
        else if (Character.getType(cp) != Character.NON_SPACING_MARK) out.appendCodePoint(cp);
    }

    /** A set of words that tolerates repeats (the lists are long and written by hand). */
    static java.util.Set<String> words(String... words) {
        return java.util.Set.copyOf(java.util.Arrays.asList(words));
    }

    static String fold(String lower) {
        StringBuilder b = new StringBuilder(lower.length());
        lower.codePoints().forEach(c -> fold(Character.toLowerCase(c), b));
        return b.toString();
    }
}
