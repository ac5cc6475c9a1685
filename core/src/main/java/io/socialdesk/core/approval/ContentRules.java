package io.socialdesk.core.approval;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.post.PostContent;
import io.socialdesk.core.problem.InvalidInputException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules that make Legal or HR approval necessary, with English and French defaults
 * ({@link #defaults()}): prices and money, promises, health claims, contests and giveaways,
 * competitor names (an empty list until the project names its competitors) and employees or
 * hiring. Matching ignores case and accents ("SALARIÉ" matches "salarie") and respects word
 * boundaries ("win" does not match "window").
 */
public final class ContentRules {
    public static final String PRICES = "legal.prices";
    public static final String PROMISES = "legal.promises";
    public static final String HEALTH = "legal.health";
    public static final String CONTESTS = "legal.contests";
    public static final String COMPETITORS = "legal.competitors";
    public static final String EMPLOYMENT = "hr.employment";

    private final List<ContentRule> rules;
    private final List<List<Pattern>> compiled;
    /** Per pattern, text a match must contain (a word's first piece, folded), or null: most patterns are skipped without running. */
    private final List<List<String>> mustContain;

    public ContentRules(List<ContentRule> rules) {
        this.rules = List.copyOf(rules);
        List<List<Pattern>> all = new ArrayList<>();
        List<List<String>> literals = new ArrayList<>();
        for (ContentRule r : this.rules) {
            List<Pattern> patterns = new ArrayList<>();
            List<String> pieces = new ArrayList<>();
            for (String p : r.patterns()) {
                if (p.isBlank()) continue;
                pieces.add(r.kind() == ContentRule.Kind.WORDS ? firstPiece(p) : null);
                try {
                    patterns.add(r.kind() == ContentRule.Kind.WORDS ? wordPattern(p)
                            : Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
                } catch (PatternSyntaxException e) {
                    throw new InvalidInputException("rules", "invalid-regex",
                            "Rule " + r.id() + ": \"" + p + "\" is not a valid regular expression: " + e.getDescription());
                }
            }
            all.add(List.copyOf(patterns));
            literals.add(java.util.Collections.unmodifiableList(pieces));
        }
        this.compiled = List.copyOf(all);
        this.mustContain = List.copyOf(literals);
    }

    public static final List<String> PRICE_WORDS = List.of("prix", "price", "prices", "pricing", "tarif", "tarifs", "% off",
            "promo", "promotion", "remise", "réduction", "discount", "soldes", "gratuit", "gratuite", "gratuits", "gratuites",
            "free", "offert", "offerte", "cheapest", "moins cher");
    public static final List<String> PRICE_REGEXES = List.of("[€$£]\\s?\\d[\\d.,]*",
            "\\d[\\d.,]*\\s?(?:€|\\$|£|eur|euros?|usd|dollars?|chf)(?![\\p{L}\\p{N}])", "-\\s?\\d+\\s?%");
    public static final List<String> PROMISE_WORDS = List.of("guaranteed", "guarantee", "garanti", "garantie", "100%",
            "risk-free", "sans risque", "number one", "n°1", "numéro 1", "le meilleur", "la meilleure", "best in the world");
    public static final List<String> HEALTH_WORDS = List.of("cure", "cures", "heal", "heals", "healing", "guérit", "guérir",
            "guérison", "soigne", "soigner", "clinically proven", "cliniquement prouvé", "cliniquement testé", "medical",
            "médical", "médicale", "immune system", "immunity", "système immunitaire", "immunité", "weight loss", "lose weight",
            "perte de poids", "maigrir", "mincir", "detox", "détox", "anti-aging", "anti-âge", "prevents", "prévient");
    public static final List<String> CONTEST_WORDS = List.of("concours", "jeu-concours", "giveaway", "give away", "win",
            "to win", "gagner", "gagnez", "à gagner", "tirage au sort", "contest", "sweepstakes", "prize", "prizes");
    public static final List<String> EMPLOYMENT_WORDS = List.of("hiring", "we're hiring", "recrute", "recrutons",
            "recrutement", "job", "jobs", "poste", "postes", "salarié", "salariés", "salariée", "salariées", "employee",
            "employees", "employé", "employés", "employée", "employées", "staff", "cdi", "cdd", "intern", "internship",
            "stagiaire", "alternance", "careers", "carrière", "join our team", "rejoignez-nous", "vacancy", "candidature",
            "apply now", "postulez");

    /** The shipped English and French rules (compiled once: the rules are immutable). */
    public static ContentRules defaults() {
        return Shipped.RULES;
    }

    private static final class Shipped {
        static final ContentRules RULES = new ContentRules(defaultRules(List.of()));
    }

    /** The shipped rules with the project's competitor names. */
    public static ContentRules defaultsWithCompetitors(List<String> competitors) {
        return new ContentRules(defaultRules(competitors));
    }

    static List<ContentRule> defaultRules(List<String> competitors) {
        return List.of(
                new ContentRule(PRICES, Department.LEGAL, ContentRule.Kind.WORDS, PRICE_WORDS, "prices, discounts, free offers"),
                new ContentRule(PRICES + ".amounts", Department.LEGAL, ContentRule.Kind.REGEX, PRICE_REGEXES, "money amounts and percentages off"),
                new ContentRule(PROMISES, Department.LEGAL, ContentRule.Kind.WORDS, PROMISE_WORDS, "promises and superlatives"),
                new ContentRule(HEALTH, Department.LEGAL, ContentRule.Kind.WORDS, HEALTH_WORDS, "health claims"),
                new ContentRule(CONTESTS, Department.LEGAL, ContentRule.Kind.WORDS, CONTEST_WORDS, "contests and giveaways"),
                new ContentRule(COMPETITORS, Department.LEGAL, ContentRule.Kind.WORDS, competitors, "competitor names"),
                new ContentRule(EMPLOYMENT, Department.HR, ContentRule.Kind.WORDS, EMPLOYMENT_WORDS, "employees and hiring"));
    }

    public List<ContentRule> rules() {
        return rules;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContentRules r && r.rules.equals(rules);
    }

    @Override
    public int hashCode() {
        return rules.hashCode();
    }

    @Override
    public String toString() {
        return "ContentRules" + rules.stream().map(ContentRule::id).toList();
    }

    /** The same rules with {@code rule} replacing the one of the same id, or added. */
    public ContentRules with(ContentRule rule) {
        List<ContentRule> next = new ArrayList<>();
        boolean replaced = false;
        for (ContentRule r : rules) {
            if (r.id().equals(rule.id())) {
                next.add(rule);
                replaced = true;
            } else {
                next.add(r);
            }
        }
        if (!replaced) next.add(rule);
        return new ContentRules(next);
    }

    /** Every match in every part of the content, in rule order, then field order, then position. */
    public List<RuleMatch> matches(PostContent content) {
        List<RuleMatch> out = new ArrayList<>();
        Map<String, String> fields = fields(content);
        Map<String, Folded> foldedFields = new LinkedHashMap<>();
        fields.forEach((name, text) -> foldedFields.put(name, Folded.of(text)));
        for (int i = 0; i < rules.size(); i++) {
            ContentRule rule = rules.get(i);
            for (Map.Entry<String, String> f : fields.entrySet()) {
                Folded folded = foldedFields.get(f.getKey());
                List<int[]> found = new ArrayList<>();
                List<Pattern> patterns = compiled.get(i);
                for (int k = 0; k < patterns.size(); k++) {
                    String piece = mustContain.get(i).get(k);
                    if (piece != null && !folded.text.contains(piece)) continue;
                    Matcher m = patterns.get(k).matcher(folded.text);
                    while (m.find()) {
                        if (m.end() == m.start()) continue;
                        found.add(new int[] {folded.start[m.start()], folded.end[m.end() - 1]});
                    }
                }
                // A word found inside a longer match of the same rule ("concours" in "jeu-concours") is not reported twice.
                for (int[] r : found) {
                    boolean inside = found.stream().anyMatch(o -> o != r && o[0] <= r[0] && r[1] <= o[1] && (o[1] - o[0] > r[1] - r[0]
                            || o[0] == r[0] && o[1] == r[1] && found.indexOf(o) < found.indexOf(r)));
                    if (!inside) out.add(new RuleMatch(rule.id(), rule.department(), f.getKey(), f.getValue().substring(r[0], r[1]), r[0], r[1]));
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt((RuleMatch m) -> ruleIndex(m.ruleId()))
                .thenComparingInt(m -> new ArrayList<>(fields.keySet()).indexOf(m.field())).thenComparingInt(RuleMatch::start));
        return List.copyOf(out);
    }

    private int ruleIndex(String id) {
        for (int i = 0; i < rules.size(); i++) if (rules.get(i).id().equals(id)) return i;
        return rules.size();
    }

    /** The parts of the content that are read, keyed by the names {@link RuleMatch#field()} uses. */
    public static Map<String, String> fields(PostContent c) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("text", c.text());
        c.variants().keySet().stream().sorted().forEach((Network n) -> f.put("variant:" + n.name(), c.variants().get(n)));
        for (int i = 0; i < c.thread().size(); i++) f.put("thread[" + i + "]", c.thread().get(i));
        c.firstComment().ifPresent(t -> f.put("firstComment", t));
        if (!c.hashtags().isEmpty()) f.put("hashtags", String.join(" ", c.hashtags()));
        for (int i = 0; i < c.media().size(); i++) {
            if (!c.media().get(i).altText().isEmpty()) f.put("media[" + i + "].alt", c.media().get(i).altText());
        }
        return f;
    }

    /** The folded word up to its first space or hyphen, which {@link #wordPattern} matches literally; null when there is none. */
    static String firstPiece(String word) {
        String w = Folded.of(word.trim()).text;
        int end = 0;
        while (end < w.length() && !Character.isWhitespace(w.charAt(end)) && w.charAt(end) != '-') end++;
        return end == 0 ? null : w.substring(0, end);
    }

    static Pattern wordPattern(String word) {
        String w = Folded.of(word.trim()).text;
        StringBuilder re = new StringBuilder();
        if (isWordChar(w.codePointAt(0))) re.append("(?<![\\p{L}\\p{N}])");
        int i = 0;
        while (i < w.length()) {
            int cp = w.codePointAt(i);
            if (Character.isWhitespace(cp) || cp == '-') {
                while (i < w.length() && (Character.isWhitespace(w.codePointAt(i)) || w.codePointAt(i) == '-')) i++;
                re.append("[\\s\\-\\u2010\\u2011]+");
                continue;
            }
            re.append(Pattern.quote(new String(Character.toChars(cp))));
            i += Character.charCount(cp);
        }
        if (isWordChar(w.codePointBefore(w.length()))) re.append("(?![\\p{L}\\p{N}])");
        return Pattern.compile(re.toString());
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp);
    }

    /** Text lowercased, without accents, typographic apostrophes made plain, with a map back to the original positions. */
    static final class Folded {
        final String text;
        final int[] start;
        final int[] end;

        private Folded(String text, int[] start, int[] end) {
            this.text = text;
            this.start = start;
            this.end = end;
        }

        static Folded of(String original) {
            StringBuilder out = new StringBuilder(original.length());
            // Where each folded char came from, [start, end) in the original: mostly one per char, so sized for that.
            int[] s = new int[original.length()];
            int[] e = new int[original.length()];
            int i = 0;
            while (i < original.length()) {
                int cp = original.codePointAt(i);
                int next = i + Character.charCount(cp);
                int before = out.length();
                if (cp < 0x80) {
                    // ASCII has no accents and lowercases to one char: the common case, without the normalizer.
                    out.append((char) (cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp));
                } else {
                    if (cp == '\u2019' || cp == '\u02BC') cp = '\'';
                    String folded = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
                    StringBuilder kept = new StringBuilder();
                    folded.codePoints().filter(c -> Character.getType(c) != Character.NON_SPACING_MARK).forEach(kept::appendCodePoint);
                    out.append(kept.toString().toLowerCase(Locale.ROOT));
                }
                if (out.length() == before && before > 0) e[before - 1] = next; // a combining mark belongs to its base letter
                if (out.length() > s.length) {
                    s = Arrays.copyOf(s, out.length() * 2);
                    e = Arrays.copyOf(e, out.length() * 2);
                }
                for (int k = before; k < out.length(); k++) {
                    s[k] = i;
                    e[k] = next;
                }
                i = next;
            }
            if (out.length() < s.length) {
                s = Arrays.copyOf(s, out.length());
                e = Arrays.copyOf(e, out.length());
            }
            return new Folded(out.toString(), s, e);
        }
    }
}
