package io.socialdesk.channel.meta;

import io.socialdesk.core.channel.ChannelAccount;
import io.socialdesk.core.channel.ImportBatch;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.channel.Stream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/** Turns what a poll collected into a batch: only items after the mark, oldest first, the new mark as cursor. */
public final class Imports {
    private Imports() {
    }

    /**
     * What every Meta poll does before reading: refuses a stream the network does not offer, starts a
     * first fetch from now (no history), waits while the account is held back by Meta's usage limits,
     * and turns an unreadable answer into a failed batch that keeps the cursor.
     */
    public static ImportBatch fetch(Graph graph, ChannelAccount account, Stream stream, String cursor, Set<Stream> offered,
            BiFunction<Stream, TimeMark, ImportBatch> read) {
        try {
            if (!offered.contains(stream)) {
                return ImportBatch.failed(cursor, graph.network() + " offers " + names(offered) + " only; " + names(Set.of(stream)) + " are not imported.", null);
            }
            TimeMark mark = TimeMark.parse(cursor);
            if (mark == null) {
                return ImportBatch.of(List.of(), TimeMark.at(graph.now()).cursor(), false);
            }
            Optional<Outcome> held = graph.heldBack(account);
            if (held.isPresent()) {
                return ImportBatch.failed(cursor, GraphOutcomes.reason(held.get()), ((Outcome.RetryLater) held.get()).notBefore());
            }
            return read.apply(stream, mark);
        } catch (RuntimeException e) {
            return ImportBatch.failed(cursor, graph.network() + "'s answer could not be read.", graph.now().plus(Duration.ofMinutes(2)));
        }
    }

    /**
     * A poll whose answer was refused or unreadable: the cursor stays where it was, with the reason and,
     * when Meta said, when to come back. {@code notAList} is the sentence for a success that was not a list.
     */
    public static ImportBatch failed(Graph graph, ChannelAccount account, io.socialdesk.channel.http.Answer answer, String cursor, String notAList) {
        if (answer.ok()) {
            return ImportBatch.failed(cursor, notAList, graph.now().plus(Duration.ofMinutes(2)));
        }
        Outcome outcome = graph.failure(account, answer, false);
        return ImportBatch.failed(cursor, GraphOutcomes.reason(outcome), outcome instanceof Outcome.RetryLater r ? r.notBefore() : null);
    }

    private static String names(Set<Stream> streams) {
        return String.join(" and ", streams.stream().sorted().map(s -> s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).toList());
    }

    public static ImportBatch after(TimeMark mark, List<Inbound> collected, boolean more) {
        Map<String, Inbound> unique = new LinkedHashMap<>();
        for (Inbound item : collected) {
            if (item.createdAt() != null && mark.isBefore(item.createdAt(), item.externalId())) {
                unique.putIfAbsent(item.externalId(), item);
            }
        }
        List<Inbound> items = new ArrayList<>(unique.values());
        items.sort(Comparator.comparing(Inbound::createdAt).thenComparing(Inbound::externalId));
        TimeMark next = mark;
        for (Inbound item : items) {
            next = next.advancedTo(item.createdAt(), item.externalId());
        }
        return ImportBatch.of(items, next.cursor(), more);
    }
}
