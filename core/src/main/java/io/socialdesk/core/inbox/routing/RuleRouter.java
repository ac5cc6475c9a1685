package io.socialdesk.core.inbox.routing;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.Route;
import io.socialdesk.core.inbox.Routed;
import io.socialdesk.core.inbox.Router;
import io.socialdesk.core.inbox.Triage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One set of {@link RoutingRules}, compiled: the first enabled rule whose conditions all hold gives the route,
 * else the default route. {@code why} says in words what matched ({@code keyword "refund"}, {@code language fr});
 * when a regular expression ran out of steps, or a rule could not be read, a note says so after the reasons.
 * Never throws for any item or triage (a null triage meets no language, sentiment or urgency condition).
 * Immutable and safe to share between threads.
 */
public final class RuleRouter implements Router {
    /** The reason given when no rule matched. */
    public static final String NO_RULE_MATCHED = "no rule matched: default route";
    /** At most this many matching keywords are named in {@code why}. */
    static final int MAX_KEYWORDS_NAMED = 5;

    private final RoutingRules rules;
    private final List<Compiled> compiled;

    RuleRouter(RoutingRules rules) {
        this.rules = rules;
        List<Compiled> all = new ArrayList<>();
        for (RoutingRule r : rules.rules()) {
            if (r.enabled()) all.add(new Compiled(r));
        }
        this.compiled = List.copyOf(all);
    }

    /** The rules this router follows. */
    public RoutingRules rules() {
        return rules;
    }

    @Override
    public Routed route(long accountId, Inbound item, Triage triage) {
        List<String> notes = new ArrayList<>();
        if (item == null) return new Routed(rules.defaultRoute(), null, List.of(NO_RULE_MATCHED));
        Subject subject = new Subject(item, triage);
        for (Compiled rule : compiled) {
            List<String> why = new ArrayList<>();
            try {
                if (rule.matches(accountId, subject, why, notes)) {
                    why.addAll(notes);
                    return new Routed(rule.route, rule.id, why);
                }
            } catch (RuntimeException | StackOverflowError e) {
                notes.add("rule \"" + rule.name + "\" skipped: it could not be evaluated (" + e.getClass().getSimpleName() + ")");
            }
        }
        List<String> why = new ArrayList<>();
        why.add(NO_RULE_MATCHED);
        why.addAll(notes);
        return new Routed(rules.defaultRoute(), null, why);
    }

    /** The item as the rules read it; the folded text is made once, when a rule first needs it. */
    private static final class Subject {
        final Inbound item;
        final Triage triage;
        final String text;
        private String folded;

        Subject(Inbound item, Triage triage) {
            this.item = item;
            this.triage = triage;
            String t = item.text();
            this.text = t.length() > TextMatch.MAX_TEXT ? t.substring(0, TextMatch.MAX_TEXT) : t;
        }

        String folded() {
            if (folded == null) folded = TextMatch.fold(text);
            return folded;
        }

        /** The triage's language, else what the network said; its primary subtag, lowercase; null when unknown. */
        String language() {
            String lang = triage == null || Triage.UNDETERMINED.equals(triage.language()) ? item.language() : triage.language();
            if (lang == null || lang.isBlank()) return null;
            String primary = lang.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
            return primary.equals(Triage.UNDETERMINED) ? null : primary;
        }
    }

    private static final class Compiled {
        final String id;
        final String name;
        final Route route;
        final Set<Network> networks;
        final List<Long> accounts;
        final Set<Stream> streams;
        final List<String> keywords;
        final List<String> foldedKeywords;
        final List<String> regexSources;
        final List<Pattern> regexes;
        final List<String> languages;
        final Set<Triage.Sentiment> sentiments;
        final Set<Triage.Urgency> urgencies;
        final List<String> authors;
        final Long min;
        final Long max;
        final boolean hasText;

        Compiled(RoutingRule rule) {
            Conditions c = rule.when();
            this.id = rule.id();
            this.name = rule.name();
            this.route = rule.route();
            this.networks = c.networks().isEmpty() ? Set.of() : EnumSet.copyOf(c.networks());
            this.accounts = c.accountIds();
            this.streams = c.streams().isEmpty() ? Set.of() : EnumSet.copyOf(c.streams());
            List<String> kw = new ArrayList<>();
            List<String> folded = new ArrayList<>();
            for (String k : c.keywords()) {
                String f = k == null ? "" : TextMatch.fold(k);
                if (f.isEmpty()) continue;
                kw.add(k.strip());
                folded.add(f);
            }
            this.keywords = List.copyOf(kw);
            this.foldedKeywords = List.copyOf(folded);
            List<String> sources = new ArrayList<>();
            List<Pattern> patterns = new ArrayList<>();
            for (String r : c.regexes()) {
                if (r == null || r.isEmpty()) continue;
                try {
                    patterns.add(TextMatch.compile(r));
                    sources.add(r);
                } catch (PatternSyntaxException e) {
                    // Validation refuses these; a stored one that no longer compiles is skipped, not fatal.
                }
            }
            this.regexSources = List.copyOf(sources);
            this.regexes = List.copyOf(patterns);
            this.languages = c.languages().stream().map(l -> l.strip().toLowerCase(Locale.ROOT)).toList();
            this.sentiments = c.sentiments().isEmpty() ? Set.of() : EnumSet.copyOf(c.sentiments());
            this.urgencies = c.urgencies().isEmpty() ? Set.of() : EnumSet.copyOf(c.urgencies());
            this.authors = c.authors().stream().map(Compiled::handle).filter(a -> !a.isEmpty()).toList();
            this.min = c.minFollowers();
            this.max = c.maxFollowers();
            this.hasText = !c.keywords().isEmpty() || !c.regexes().isEmpty();
        }

        static String handle(String value) {
            String h = value == null ? "" : value.strip();
            if (h.startsWith("@")) h = h.substring(1);
            return h.toLowerCase(Locale.ROOT);
        }

        /** Each condition in turn, cheapest first; {@code why} gets a reason per condition met. */
        boolean matches(long accountId, Subject s, List<String> why, List<String> notes) {
            Inbound item = s.item;
            if (!networks.isEmpty()) {
                if (!networks.contains(item.network())) return false;
                why.add(RoutingWhy.network(item.network()));
            }
            if (!accounts.isEmpty()) {
                if (!accounts.contains(accountId)) return false;
                why.add(RoutingWhy.account(accountId));
            }
            if (!streams.isEmpty()) {
                if (!streams.contains(item.stream())) return false;
                why.add(RoutingWhy.stream(item.stream()));
            }
            if (!languages.isEmpty()) {
                String lang = s.language();
                if (lang == null || !languages.contains(lang)) return false;
                why.add(RoutingWhy.language(lang));
            }
            if (!sentiments.isEmpty()) {
                if (s.triage == null || !sentiments.contains(s.triage.mood())) return false;
                why.add(RoutingWhy.sentiment(s.triage.mood()));
            }
            if (!urgencies.isEmpty()) {
                if (s.triage == null || !urgencies.contains(s.triage.urgency())) return false;
                why.add(RoutingWhy.urgency(s.triage.urgency()));
            }
            if (!authors.isEmpty()) {
                Inbound.Author a = item.author();
                if (!authors.contains(handle(a.handle())) && !authors.contains(a.id().toLowerCase(Locale.ROOT))) return false;
                why.add(RoutingWhy.author(handle(a.handle())));
            }
            if (min != null || max != null) {
                Long followers = item.author().followers();
                if (followers == null || min != null && followers < min || max != null && followers > max) return false;
                why.add(RoutingWhy.followers(followers, min, max));
            }
            if (hasText) return text(s, why, notes);
            if (why.isEmpty()) why.add(RoutingWhy.EVERY_ITEM); // validation refuses such a rule; one built in code still explains itself
            return true;
        }

        private boolean text(Subject s, List<String> why, List<String> notes) {
            List<String> found = new ArrayList<>();
            if (!foldedKeywords.isEmpty()) {
                String folded = s.folded();
                for (int i = 0; i < foldedKeywords.size() && found.size() < MAX_KEYWORDS_NAMED; i++) {
                    if (TextMatch.containsWords(folded, foldedKeywords.get(i))) found.add(RoutingWhy.keyword(keywords.get(i)));
                }
            }
            if (!found.isEmpty()) {
                why.addAll(found);
                return true;
            }
            for (int i = 0; i < regexes.size(); i++) {
                TextMatch.Found asWritten = TextMatch.find(regexes.get(i), s.text);
                TextMatch.Found result = asWritten == TextMatch.Found.YES ? asWritten : TextMatch.find(regexes.get(i), s.folded());
                if (result == TextMatch.Found.YES) {
                    why.add(RoutingWhy.regex(regexSources.get(i)));
                    return true;
                }
                if (asWritten == TextMatch.Found.GAVE_UP || result == TextMatch.Found.GAVE_UP) {
                    notes.add(RoutingWhy.gaveUp(regexSources.get(i), name));
                }
            }
            return false;
        }
    }
}
