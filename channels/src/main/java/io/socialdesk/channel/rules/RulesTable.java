package io.socialdesk.channel.rules;

import io.socialdesk.core.account.Network;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place where the networks' rules live. Each network has one or more rows, each in force
 * from its {@code effectiveFrom} date until the next row of that network: when a network changes a
 * limit on a known date, add a row, and posts sent from that date on are checked by it while
 * earlier ones keep the rules they were approved under. {@link #standard()} is the table Social
 * Desk ships; docs/validation.md lists it with its sources.
 */
public final class RulesTable {
    /** For rows whose start Social Desk does not know: in force for any date before the next row. */
    public static final LocalDate ALWAYS = LocalDate.of(2000, 1, 1);

    private final Map<Network, List<NetworkRules>> rows;

    private RulesTable(List<NetworkRules> all) {
        Map<Network, List<NetworkRules>> byNetwork = new EnumMap<>(Network.class);
        for (NetworkRules row : all) byNetwork.computeIfAbsent(row.network(), n -> new ArrayList<>()).add(row);
        for (List<NetworkRules> list : byNetwork.values()) {
            list.sort(Comparator.comparing(NetworkRules::effectiveFrom));
            for (int i = 1; i < list.size(); i++) {
                if (list.get(i).effectiveFrom().equals(list.get(i - 1).effectiveFrom())) {
                    throw new IllegalArgumentException("two rows for " + list.get(i).network() + " from " + list.get(i).effectiveFrom());
                }
            }
        }
        byNetwork.replaceAll((n, list) -> List.copyOf(list));
        this.rows = byNetwork;
    }

    public static RulesTable of(List<NetworkRules> rows) {
        return new RulesTable(rows);
    }

    /** This table plus {@code row}: how a test, or an admin override, adds a dated change. */
    public RulesTable with(NetworkRules row) {
        List<NetworkRules> all = new ArrayList<>(allRows());
        all.add(row);
        return new RulesTable(all);
    }

    public List<NetworkRules> allRows() {
        List<NetworkRules> all = new ArrayList<>();
        rows.values().forEach(all::addAll);
        return List.copyOf(all);
    }

    /** The row of {@code network} in force on {@code date}. */
    public NetworkRules forNetwork(Network network, LocalDate date) {
        List<NetworkRules> list = rows.getOrDefault(network, List.of());
        NetworkRules inForce = null;
        for (NetworkRules row : list) {
            if (!row.effectiveFrom().isAfter(date)) inForce = row;
        }
        if (inForce == null) throw new IllegalArgumentException("No rules for " + network.label() + " on " + date);
        return inForce;
    }

    private static final Set<String> COMMON_IMAGES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");
    private static final Set<String> MP4 = Set.of("video/mp4", "video/quicktime");
    private static final long MB = MediaRules.MB;

    /** The rules Social Desk ships. "[U]" in a source marks a number no official page confirmed. */
    public static RulesTable standard() {
        return of(List.of(
                new NetworkRules(Network.X, LocalDate.of(2017, 11, 7), new XTextMeasure(), TextRequirement.UNLESS_MEDIA,
                        new MediaRules(4, 1, false, 5 * MB, 512 * MB, COMMON_IMAGES, MP4, false, false), 0,
                        "twitter-text 3.1.0 v3 config (280 weighted, URLs 23, emoji 2); 4 images or 1 video; sizes [U]"),
                new NetworkRules(Network.BLUESKY, ALWAYS, new BlueskyTextMeasure(300, 3000), TextRequirement.UNLESS_MEDIA,
                        new MediaRules(4, 1, false, 2_000_000L, 100 * MB, Set.of(), Set.of("video/mp4"), true, false), 0,
                        "lexicon app.bsky.feed.post (maxGraphemes 300, maxLength 3000 bytes); app.bsky.embed.images (4, 2,000,000 bytes, alt); video size [U]"),
                new NetworkRules(Network.MASTODON, ALWAYS, new MastodonTextMeasure(500, 23), TextRequirement.UNLESS_MEDIA,
                        new MediaRules(4, 1, false, 16 * MB, 99 * MB, Set.of(), Set.of("video/mp4", "video/webm", "video/quicktime"), false, false), 0,
                        "GET /api/v2/instance configuration.statuses (defaults 500, 23, 4 attachments); StatusLengthValidator; sizes [U]"),
                new NetworkRules(Network.LINKEDIN, ALWAYS, new LengthMeasure("LinkedIn", 3000), TextRequirement.ALWAYS,
                        new MediaRules(20, 1, false, 0, 0, COMMON_IMAGES, MP4, false, false), 0,
                        "Posts API commentary 3000 characters, little-text escaping; 20 images or 1 video [U]"),
                new NetworkRules(Network.FACEBOOK, ALWAYS, new LengthMeasure("A Facebook Page", 63206), TextRequirement.UNLESS_MEDIA,
                        new MediaRules(10, 1, false, 0, 0, COMMON_IMAGES, MP4, false, false), 0,
                        "Page post message 63,206 characters; 10 photos or 1 video [U]"),
                new NetworkRules(Network.INSTAGRAM, ALWAYS, new LengthMeasure("Instagram", 2200), TextRequirement.NEVER,
                        new MediaRules(10, 10, true, 8 * MB, 300 * MB, Set.of("image/jpeg"), MP4, false, true), 5,
                        "Content Publishing API: caption 2200, JPEG images only, carousel of 10, media required; hashtag cap 5 (configurable) [U]"),
                new NetworkRules(Network.THREADS, ALWAYS, new ThreadsTextMeasure(500), TextRequirement.UNLESS_MEDIA,
                        new MediaRules(20, 20, true, 8 * MB, 1000 * MB, Set.of("image/jpeg", "image/png"), MP4, false, false), 0,
                        "Threads API text 500 (emoji as UTF-8 bytes), carousel of 20; sizes [U]"),
                new NetworkRules(Network.WEBHOOK, ALWAYS, new LengthMeasure("A webhook message", 40000), TextRequirement.ALWAYS,
                        new MediaRules(10, 10, true, 0, 0, Set.of(), Set.of(), false, false), 0,
                        "Social Desk's own cap (Slack's 40,000-character message limit); media go as links")));
    }
}
