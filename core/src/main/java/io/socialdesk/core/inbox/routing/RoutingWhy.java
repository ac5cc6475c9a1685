package io.socialdesk.core.inbox.routing;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.Triage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a route's {@code why}, in one place: the router writes each reason in English with these (they are
 * stored with the item and answered by the REST API as they are), and {@link #reason(String)} reads one back as an
 * i18n key with its arguments, so pages show it in the viewer's language, old stored items included.
 */
public final class RoutingWhy {
    public static final String KEY = "socialdesk.routing.why.";

    /** A reason as the bundles say it: {@code socialdesk.routing.why.<key>} with its arguments. */
    public record Reason(String key, List<String> args) {}

    private RoutingWhy() {
    }

    static String network(Network n) { return "network " + n.name(); }
    static String account(long id) { return "account " + id; }
    static String stream(Stream s) { return "stream " + s.name().toLowerCase(Locale.ROOT).replace('_', ' '); }
    static String language(String code) { return "language " + code; }
    static String sentiment(Triage.Sentiment mood) { return "sentiment " + mood.name().toLowerCase(Locale.ROOT); }
    static String urgency(Triage.Urgency u) { return "urgency " + u.name().toLowerCase(Locale.ROOT); }
    static String author(String handle) { return "author @" + handle; }
    static String keyword(String k) { return "keyword \"" + k + "\""; }
    static String regex(String source) { return "regex \"" + source + "\""; }
    static String gaveUp(String source, String rule) {
        return "regex \"" + source + "\" of rule \"" + rule + "\" gave up (too many steps): treated as not found";
    }
    static final String EVERY_ITEM = "no condition: every item";

    static String followers(long followers, Long min, Long max) {
        String bounds = min != null && max != null ? min + " to " + max : min != null ? "at least " + min : "at most " + max;
        return "followers " + followers + " (" + bounds + ")";
    }

    private static final List<Form> FORMS = List.of(
            new Form("gaveUp", "regex \"(.*)\" of rule \"(.*)\" gave up \\(too many steps\\): treated as not found"),
            new Form("regex", "regex \"(.*)\""),
            new Form("keyword", "keyword \"(.*)\""),
            new Form("network", "network ([A-Z]+)"),
            new Form("account", "account (-?\\d+)"),
            new Form("stream.", "stream (mentions|replies|direct messages|comments)"),
            new Form("language", "language (\\S+)"),
            new Form("sentiment.", "sentiment (negative|neutral|positive)"),
            new Form("urgency.", "urgency (low|normal|high)"),
            new Form("author", "author @(.*)"),
            new Form("followers.between", "followers (\\d+) \\((\\d+) to (\\d+)\\)"),
            new Form("followers.atLeast", "followers (\\d+) \\(at least (\\d+)\\)"),
            new Form("followers.atMost", "followers (\\d+) \\(at most (\\d+)\\)"),
            new Form("everyItem", Pattern.quote(EVERY_ITEM)),
            new Form("default", Pattern.quote(RuleRouter.NO_RULE_MATCHED)));

    /**
     * A reason read back: its key ({@code stream.direct_messages}, {@code sentiment.negative}: one key per value where
     * the value is a word to translate) and arguments. Empty for a text this class did not write.
     */
    public static Optional<Reason> reason(String why) {
        if (why == null) return Optional.empty();
        for (Form f : FORMS) {
            Matcher m = f.pattern.matcher(why);
            if (!m.matches()) continue;
            if (f.key.endsWith(".")) return Optional.of(new Reason(KEY + f.key + m.group(1).replace(' ', '_'), List.of()));
            String[] args = new String[m.groupCount()];
            for (int i = 0; i < args.length; i++) args[i] = m.group(i + 1);
            if (f.key.equals("network")) args[0] = label(args[0]);
            return Optional.of(new Reason(KEY + f.key, List.of(args)));
        }
        return Optional.empty();
    }

    private static String label(String name) {
        try {
            return Network.valueOf(name).label();
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    private record Form(String key, Pattern pattern) {
        Form(String key, String regex) {
            this(key, Pattern.compile(regex, Pattern.DOTALL));
        }
    }
}
