package io.socialdesk.core.inbox.triage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * VADER's rules (Hutto and Gilbert, 2014) over an English and a French lexicon written for this project: each word's
 * valence (-4 … +4), raised by boosters ("very", "vraiment", "trop") and lowered by dampeners ("a bit", "un peu"),
 * flipped and weakened by a negation in the three words before it ("not", "never", "ne … pas", "jamais", and French's
 * "j'aime pas" where the "pas" comes after), the clause after "but" / "mais" weighing 1.5 and the one before 0.5,
 * a word IN CAPITALS among lower-case ones weighing more, and exclamation marks adding emphasis; emoji and
 * emoticons have their own valence. The sum is squashed to the compound score -1 … +1 as VADER does.
 *
 * <p>The lexicon follows the detected language; for any other language both are used, less the words whose
 * meanings differ ("hate" is hatred in English and eagerness in French).
 */
final class SentimentScorer {
    private static final double NEGATION = -0.74;
    private static final double BOOST = 0.293;
    private static final double CAPS = 0.733;
    private static final double EXCLAMATION = 0.292;
    private static final double BUT_BEFORE = 0.5;
    private static final double BUT_AFTER = 1.5;
    private static final double ALPHA = 15;
    private static final double NEGATED_VERB = -1.8;
    private static final int MAX_PHRASE = 3;

    private static final Set<String> NEGATORS = Text.words("not", "no", "never", "nor", "neither", "without", "cannot", "can't", "cant", "don't",
            "dont", "doesn't", "doesnt", "didn't", "didnt", "isn't", "isnt", "aren't", "arent", "wasn't", "wasnt", "weren't", "won't", "wont",
            "wouldn't", "shouldn't", "couldn't", "couldnt", "hasn't", "haven't", "hadn't", "ain't", "nobody", "none", "nothing", "hardly",
            "ne", "n'", "pas", "jamais", "rien", "aucun", "aucune", "sans", "ni");
    /** French puts "pas" after the verb, and speech drops the "ne": "j'aime pas". */
    private static final Set<String> NEGATORS_AFTER = Text.words("pas", "jamais", "point");
    private static final Set<String> NEGATORS_AFTER_VERB = Text.words("pas", "jamais", "point", "plus", "rien");
    private static final Map<String, Double> BOOSTERS = Map.ofEntries(Map.entry("very", BOOST), Map.entry("really", BOOST),
            Map.entry("so", BOOST), Map.entry("extremely", BOOST), Map.entry("totally", BOOST), Map.entry("absolutely", BOOST),
            Map.entry("completely", BOOST), Map.entry("incredibly", BOOST), Map.entry("truly", BOOST), Map.entry("highly", BOOST),
            Map.entry("utterly", BOOST), Map.entry("seriously", BOOST), Map.entry("fucking", BOOST), Map.entry("super", BOOST),
            Map.entry("such", BOOST), Map.entry("most", BOOST), Map.entry("too", BOOST), Map.entry("tres", BOOST), Map.entry("vraiment", BOOST),
            Map.entry("trop", BOOST), Map.entry("tellement", BOOST), Map.entry("si", BOOST), Map.entry("hyper", BOOST), Map.entry("grave", BOOST),
            Map.entry("completement", BOOST), Map.entry("carrement", BOOST), Map.entry("absolument", BOOST), Map.entry("totalement", BOOST),
            Map.entry("extremement", BOOST), Map.entry("vachement", BOOST), Map.entry("ultra", BOOST), Map.entry("archi", BOOST),
            Map.entry("particulierement", BOOST), Map.entry("franchement", BOOST), Map.entry("slightly", -BOOST), Map.entry("somewhat", -BOOST),
            Map.entry("kinda", -BOOST), Map.entry("barely", -BOOST), Map.entry("fairly", -BOOST), Map.entry("marginally", -BOOST),
            Map.entry("assez", -BOOST), Map.entry("plutot", -BOOST), Map.entry("legerement", -BOOST), Map.entry("moyennement", -BOOST));
    /** Two-word dampeners: "a bit", "kind of", "un peu". */
    private static final Set<String> DAMPENER_PAIRS = Text.words("a bit", "kind of", "sort of", "a little", "un peu");
    private static final Set<String> DAMPENER_ENDS = Text.words("bit", "of", "little", "peu");
    private static final Set<String> BUT = Text.words("but", "however", "mais", "cependant", "pourtant", "toutefois", "neanmoins");
    /** Neutral verbs whose negation is a complaint: "doesn't work", "ne marche pas", "nobody answers". */
    private static final Set<String> NEGATED_VERBS = Text.words("work", "works", "working", "worked", "help", "helps", "helped", "respond",
            "responds", "responded", "responding", "answer", "answers", "answered", "answering", "replying", "reply", "replies", "replied", "arrive", "arrived", "arrives", "load",
            "loads", "loading", "open", "opens", "start", "starts", "charge", "charges", "charging", "connect", "connects", "refund",
            "refunded", "marche", "marchent", "fonctionne", "fonctionnent", "repond", "repondent", "repondu", "repondez", "arrive", "arrivee",
            "arrives", "charge", "ouvre", "demarre", "rembourse", "remboursee", "recu", "recue", "livre", "livree", "received", "delivered");

    private final Map<String, Double> en;
    private final Map<String, Double> fr;
    private final Map<String, Double> both;
    private final Map<String, Double> emoji;
    /** First words of the lexicons' phrases: a phrase is only looked for from one of them. */
    private final Set<String> phraseStarts;

    private SentimentScorer(Map<String, Double> en, Map<String, Double> fr, Map<String, Double> both, Map<String, Double> emoji) {
        Set<String> starts = new java.util.HashSet<>();
        for (String key : both.keySet()) if (key.indexOf(' ') > 0) starts.add(key.substring(0, key.indexOf(' ')));
        for (String key : en.keySet()) if (key.indexOf(' ') > 0) starts.add(key.substring(0, key.indexOf(' ')));
        for (String key : fr.keySet()) if (key.indexOf(' ') > 0) starts.add(key.substring(0, key.indexOf(' ')));
        this.phraseStarts = Set.copyOf(starts);
        this.en = en;
        this.fr = fr;
        this.both = both;
        this.emoji = emoji;
    }

    private static final class Holder {
        static final SentimentScorer STANDARD = load();
    }

    static SentimentScorer standard() {
        return Holder.STANDARD;
    }

    private static SentimentScorer load() {
        Map<String, Double> en = lexicon("sentiment-en.tsv");
        Map<String, Double> fr = lexicon("sentiment-fr.tsv");
        Map<String, Double> both = new HashMap<>(en);
        for (Map.Entry<String, Double> e : fr.entrySet()) {
            Double theirs = both.get(e.getKey());
            if (theirs == null) both.put(e.getKey(), e.getValue());
            else if (Math.signum(theirs) != Math.signum(e.getValue()) || Math.abs(theirs - e.getValue()) > 1.5) both.remove(e.getKey());
            else both.put(e.getKey(), (theirs + e.getValue()) / 2);
        }
        Map<String, Double> emoji = new HashMap<>();
        for (String line : LanguageDetector.lines("emoji.tsv")) {
            int tab = line.indexOf('\t');
            emoji.put(line.substring(0, tab), Double.parseDouble(line.substring(tab + 1).trim()));
        }
        return new SentimentScorer(Map.copyOf(en), Map.copyOf(fr), Map.copyOf(both), Map.copyOf(emoji));
    }

    private static Map<String, Double> lexicon(String resource) {
        Map<String, Double> out = new HashMap<>();
        for (String line : LanguageDetector.lines(resource)) {
            int tab = line.indexOf('\t');
            out.put(Text.fold(line.substring(0, tab).trim()), Double.parseDouble(line.substring(tab + 1).trim()));
        }
        return out;
    }

    /** The compound score, -1 … +1, of {@code text} read as {@code language} ("en", "fr", else both lexicons). */
    double score(Text text, String language) {
        Map<String, Double> lexicon = switch (language) {
            case "en" -> en;
            case "fr" -> fr;
            default -> both;
        };
        List<Text.Token> tokens = text.tokens;
        int n = tokens.size();
        boolean mixedCase = text.capsWords > 0 && text.lowerWords > 0;
        int butAt = -1;
        for (int i = 0; i < n; i++) if (tokens.get(i).kind() == Text.Kind.WORD && BUT.contains(tokens.get(i).folded())) butAt = i;
        double sum = 0;
        List<double[]> scored = null; // only when there is a "but": position and valence
        for (int i = 0; i < n; i++) {
            Text.Token t = tokens.get(i);
            double v = 0;
            int span = 1;
            switch (t.kind()) {
                case EMOJI -> {
                    Double e = emoji.get(t.folded());
                    if (e != null) v = e;
                }
                case HASHTAG -> {
                    Double e = lexicon.get(t.folded());
                    if (e != null) v = 0.8 * e; // "#fail", "#love": meant, but less than a sentence
                }
                case WORD -> {
                    String w = t.folded();
                    // Phrases first: "pas mal", "fed up", "ras le bol", "au top".
                    Double phrase = null;
                    for (int len = phraseStarts.contains(w) ? MAX_PHRASE : 1; len >= 2 && phrase == null; len--) {
                        String p = phrase(tokens, i, len);
                        if (p != null) {
                            phrase = lexicon.get(p);
                            if (phrase != null) span = len;
                        }
                    }
                    Double lex = phrase != null ? phrase : lexicon.get(w);
                    if (lex == null) lex = emoji.get(w); // "xD" reads as a word
                    boolean booster = BOOSTERS.containsKey(w) && nextIsSentiment(tokens, i, lexicon);
                    if (lex != null && !booster) {
                        v = lex;
                        if (t.caps() && mixedCase) v += Math.signum(v) * CAPS;
                        v += boosts(tokens, i, v, mixedCase);
                        // A phrase that is a negation already ("pas mal", "pas terrible") is not negated again by a "ne" before it.
                        boolean negation = span > 1 && NEGATORS.contains(w);
                        if (!negation && negated(tokens, i, span, false)) v *= NEGATION;
                    } else if (lex == null && NEGATED_VERBS.contains(w) && negated(tokens, i, 1, true)) {
                        v = NEGATED_VERB;
                    }
                }
                default -> { }
            }
            if (v != 0) {
                if (butAt >= 0) {
                    if (scored == null) scored = new ArrayList<>();
                    scored.add(new double[] {i, v});
                }
                sum += v;
            }
            i += span - 1;
        }
        if (scored != null) {
            sum = 0;
            for (double[] s : scored) sum += s[1] * (s[0] < butAt ? BUT_BEFORE : s[0] > butAt ? BUT_AFTER : 1);
        }
        if (sum != 0) {
            double emphasis = Math.min(4, text.exclamations) * EXCLAMATION;
            if (text.questions > 1) emphasis += Math.min(0.96, text.questions * 0.18);
            sum += Math.signum(sum) * emphasis;
        }
        double compound = sum / Math.sqrt(sum * sum + ALPHA);
        return Math.max(-1, Math.min(1, compound));
    }

    private static String phrase(List<Text.Token> tokens, int i, int len) {
        if (i + len > tokens.size()) return null;
        StringBuilder b = new StringBuilder();
        for (int k = i; k < i + len; k++) {
            Text.Token t = tokens.get(k);
            if (t.kind() != Text.Kind.WORD) return null;
            if (k > i) b.append(' ');
            b.append(t.folded());
        }
        return b.toString();
    }

    private static boolean nextIsSentiment(List<Text.Token> tokens, int i, Map<String, Double> lexicon) {
        if (i + 1 >= tokens.size()) return false;
        Text.Token next = tokens.get(i + 1);
        return next.kind() == Text.Kind.WORD && (lexicon.containsKey(next.folded()) || BOOSTERS.containsKey(next.folded()));
    }

    /** What the (up to three) words before add: boosters push away from zero, dampeners toward it. */
    private static double boosts(List<Text.Token> tokens, int i, double v, boolean mixedCase) {
        double add = 0;
        int seen = 0;
        for (int k = i - 1; k >= 0 && seen < 3; k--) {
            Text.Token t = tokens.get(k);
            if (t.kind() != Text.Kind.WORD) break;
            double decay = seen == 0 ? 1 : seen == 1 ? 0.95 : 0.9;
            Double b = BOOSTERS.get(t.folded());
            if (b != null) {
                double s = b;
                if (t.caps() && mixedCase) s += Math.signum(b) * CAPS;
                add += Math.signum(v) * s * decay;
            } else if (k > 0 && DAMPENER_ENDS.contains(t.folded()) && DAMPENER_PAIRS.contains(tokens.get(k - 1).folded() + " " + t.folded())) {
                add -= Math.signum(v) * BOOST * decay;
            }
            seen++;
        }
        return add;
    }

    /** True when a negator is among the three words before (within the sentence), or a French "pas" right after. */
    private static boolean negated(List<Text.Token> tokens, int i, int span, boolean verb) {
        int seen = 0;
        for (int k = i - 1; k >= 0 && seen < 3; k--) {
            Text.Token t = tokens.get(k);
            if (t.kind() == Text.Kind.PUNCT) break;
            if (t.kind() != Text.Kind.WORD) continue;
            if (NEGATORS.contains(t.folded())) return true;
            seen++;
        }
        int after = i + span;
        if (after < tokens.size()) {
            Text.Token t = tokens.get(after);
            if (t.kind() == Text.Kind.WORD && (verb ? NEGATORS_AFTER_VERB : NEGATORS_AFTER).contains(t.folded())) {
                // "pas mal" is a phrase of its own; "pas" after a word otherwise negates it.
                return phrase(tokens, after, 2) == null || !phrase(tokens, after, 2).equals("pas mal");
            }
        }
        return false;
    }
}
