package io.socialdesk.core.publish;

import io.socialdesk.core.channel.RemotePost;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The wording of a post's publishing record, written once when the post rolls up rather than once per
 * delivery: the roll-up move's audit detail ("2 of 3 parts sent: @shop (Mastodon): https://…; …") and one
 * tracker comment with a "Published on" line per sent delivery. Both are made from the delivery rows the
 * roll-up read (they hold the remote id and URL), so every path that rolls a post up (the round that sent
 * its last part, the sweep, another node, after a crash) writes the same record. Stored text, in English,
 * like every tracker comment and audit detail.
 */
public final class PublishingRecord {
    /** At most this many deliveries are listed in the history event's detail; the rest are counted. */
    static final int LISTED = 25;
    /**
     * At most this many links in the comment (about 13,000 characters, under the 32,767 a Jira text field is often
     * limited to); the rest are counted. Each account's parts come in order, so its thread's first link leads to the rest.
     */
    static final int LINKED = 100;

    private PublishingRecord() {}

    /** The roll-up's detail: how many parts went out, then each delivery's outcome (the link of a sent one). */
    public static String detail(List<DeliveryRecord> deliveries, LongFunction<String> accountLabel) {
        List<DeliveryRecord> all = inOrder(deliveries);
        long sent = all.stream().filter(d -> d.state() == DeliveryState.SENT).count();
        List<String> outcomes = new ArrayList<>();
        for (DeliveryRecord d : all) outcomes.add(on(accountLabel.apply(d.accountId()), d) + ": " + outcome(d));
        return sent + " of " + all.size() + " parts sent" + (outcomes.isEmpty() ? "" : ": " + bounded(outcomes, LISTED, "; ", ""));
    }

    /** The post's comment: one "Published on" line per sent delivery, with its link; empty when nothing was sent. */
    public static Optional<String> comment(List<DeliveryRecord> deliveries, LongFunction<String> accountLabel) {
        List<String> lines = inOrder(deliveries).stream().filter(d -> d.state() == DeliveryState.SENT)
                .map(d -> "Published on " + on(accountLabel.apply(d.accountId()), d) + ": " + link(d.remote())).toList();
        return lines.isEmpty() ? Optional.empty() : Optional.of(bounded(lines, LINKED, "\n", " parts sent"));
    }

    /** An account and, for a later part of a thread, which part: "@shop (Mastodon) (part 2)". */
    static String on(String accountLabel, DeliveryRecord d) {
        return accountLabel + (d.part() == 0 ? "" : " (part " + (d.part() + 1) + ")");
    }

    private static String outcome(DeliveryRecord d) {
        String state = d.state().name().toLowerCase(Locale.ROOT);
        return switch (d.state()) {
            case SENT -> link(d.remote());
            case FAILED, CANCELLED -> d.cause().isEmpty() ? state : state + " (" + d.cause() + ")";
            default -> state;
        };
    }

    /** The URL a person opens, else the network's id for the post (a network that gives no URL). */
    private static String link(RemotePost remote) {
        if (remote == null) return "no link recorded";
        return remote.url() == null || remote.url().isBlank() ? remote.id() : remote.url();
    }

    private static String bounded(List<String> items, int cap, String separator, String more) {
        if (items.size() <= cap) return String.join(separator, items);
        return String.join(separator, items.subList(0, cap)) + separator + "and " + (items.size() - cap) + " more" + more;
    }

    /** Each account's parts in order, as the stores list a post's deliveries: the same record whoever read them. */
    private static List<DeliveryRecord> inOrder(List<DeliveryRecord> deliveries) {
        return deliveries.stream().sorted(DeliveryRecord.IN_POST_ORDER).toList();
    }
}
