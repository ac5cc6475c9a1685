package io.socialdesk.channel.rules;

import com.twitter.twittertext.Extractor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mastodon's count, as its {@code StatusLengthValidator} does it: URLs (found by twitter-text,
 * only with a scheme) count {@code characters_reserved_per_url} whatever their length, a remote
 * mention {@code @user@example.social} counts only {@code @user}, and the rest counts grapheme
 * clusters. The limit is the instance's {@code max_characters} (default 500).
 */
public final class MastodonTextMeasure implements TextMeasure {
    /** Mastodon's {@code Account::MENTION_RE}: a local part, then an optional {@code @domain}. */
    static final Pattern MENTION = Pattern.compile(
            "(?<![=/\\w])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)((?:@[\\w]+(?:[.-]+[\\w]+)*)?)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    private final int defaultLimit;
    private final int defaultUrlReservation;

    public MastodonTextMeasure(int defaultLimit, int defaultUrlReservation) {
        this.defaultLimit = defaultLimit;
        this.defaultUrlReservation = defaultUrlReservation;
    }

    private record Entity(int start, int end, int weight) {}

    @Override
    public TextCheck check(String text, ValidationOptions options) {
        int limit = options.instanceLimit().orElse(defaultLimit);
        int perUrl = options.urlReservation().orElse(defaultUrlReservation);

        List<Entity> entities = new ArrayList<>();
        Extractor extractor = new Extractor();
        extractor.setExtractURLWithoutProtocol(false);
        for (Extractor.Entity url : extractor.extractURLsWithIndices(text)) entities.add(new Entity(url.getStart(), url.getEnd(), perUrl));
        Matcher m = MENTION.matcher(text);
        while (m.find()) entities.add(new Entity(m.start(), m.end(), 1 + Unicode.graphemes(m.group(1))));
        entities = withoutOverlaps(entities);

        // Units: the graphemes between entities weigh 1 each; an entity is one unit with its weight.
        List<int[]> units = new ArrayList<>();
        int pos = 0;
        for (Entity e : entities) {
            addGraphemes(text, pos, e.start(), units);
            units.add(new int[] {e.start(), e.weight()});
            pos = e.end();
        }
        addGraphemes(text, pos, text.length(), units);

        int[] starts = units.stream().mapToInt(u -> u[0]).toArray();
        int[] weights = units.stream().mapToInt(u -> u[1]).toArray();
        int total = 0;
        for (int w : weights) total += w;
        List<Finding> findings = List.of();
        if (total > limit) {
            findings = List.of(new Finding("max-length",
                    "This Mastodon instance allows " + limit + " characters (a URL counts " + perUrl + ", a remote mention only its local part); this text has " + total,
                    Unicode.overflowStart(starts, weights, limit), text.length()));
        }
        return new TextCheck(limit, Map.of("length", total), findings);
    }

    private static void addGraphemes(String text, int from, int to, List<int[]> units) {
        if (from >= to) return;
        int[] bounds = Unicode.graphemeBoundaries(text.substring(from, to));
        for (int i = 0; i < bounds.length - 1; i++) units.add(new int[] {from + bounds[i], 1});
    }

    /** As twitter-text's {@code removeOverlappingEntities}: by start, the first wins. */
    private static List<Entity> withoutOverlaps(List<Entity> entities) {
        List<Entity> sorted = new ArrayList<>(entities);
        sorted.sort(Comparator.comparingInt(Entity::start));
        List<Entity> kept = new ArrayList<>();
        int end = -1;
        for (Entity e : sorted) {
            if (e.start() >= end) {
                kept.add(e);
                end = e.end();
            }
        }
        return kept;
    }
}
