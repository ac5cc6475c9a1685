package io.socialdesk.core.publish;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: where deliveries are kept. Implemented once over Active Objects; only {@link #replace} differs by
 * host (a conditional UPDATE on the server, a cluster lock and a version check in Jira), because it is
 * the claim: of two nodes replacing the same version, exactly one wins.
 */
public interface DeliveryStore {
    /**
     * Stores each planned delivery unless one with its key exists (the key is unique), and answers the
     * stored delivery for every key, in the order given: a plan made twice (two nodes, or a retry after a
     * crash) is one set of deliveries.
     */
    List<DeliveryRecord> plan(List<NewDelivery> planned, Instant at);

    /**
     * Plans as {@link #plan}, and inserts the first parts ({@link NewDelivery#initialState()} due) already
     * claimed by {@code node} until {@code leaseUntil}, as {@link DeliveryRecord#claimedBy} would claim them:
     * the node that starts a post sends its first parts without a claim write and a read of its own. A delivery
     * that existed before is answered as stored and claimed by nobody here. By default, a plan, a claim and a read.
     */
    default Planned planClaimed(List<NewDelivery> planned, String node, Instant leaseUntil, Instant at) {
        List<DeliveryRecord> stored = plan(planned, at);
        List<DeliveryRecord> due = stored.stream().filter(d -> d.state() == DeliveryState.DUE && d.part() == 0).toList();
        List<DeliveryRecord> claimed = claim(due, node, leaseUntil, at);
        java.util.Map<Long, DeliveryRecord> won = new java.util.HashMap<>();
        for (DeliveryRecord d : claimed) won.put(d.id(), d);
        return new Planned(stored.stream().map(d -> won.getOrDefault(d.id(), d)).toList(), claimed,
                forPosts(planned.stream().map(NewDelivery::postId).distinct().toList()));
    }

    /**
     * What {@link #planClaimed} stored: every planned delivery in the order given, those of them claimed for the
     * caller, and every delivery of the planned posts as stored after the plan (earlier contents' too), by post,
     * then account and part, as {@link #forPosts} answers.
     */
    record Planned(List<DeliveryRecord> all, List<DeliveryRecord> claimed, Map<Long, List<DeliveryRecord>> byPost) {
        public Planned {
            all = List.copyOf(all);
            claimed = List.copyOf(claimed);
            Map<Long, List<DeliveryRecord>> copy = new java.util.HashMap<>();
            byPost.forEach((post, list) -> copy.put(post, List.copyOf(list)));
            byPost = Map.copyOf(copy);
        }
    }

    Optional<DeliveryRecord> find(long id);

    /** A post's deliveries, by account then part. */
    List<DeliveryRecord> forPost(long postId);

    /** The deliveries of each of {@code postIds} (by account then part; a post without any is left out), in as few reads as the host can. */
    default Map<Long, List<DeliveryRecord>> forPosts(Collection<Long> postIds) {
        Map<Long, List<DeliveryRecord>> found = new java.util.HashMap<>();
        for (long id : postIds) {
            List<DeliveryRecord> of = forPost(id);
            if (!of.isEmpty()) found.put(id, of);
        }
        return found;
    }

    /** Deliveries in a claimable state whose {@link DeliveryRecord#nextAt()} has come, soonest first, at most {@code limit}. */
    List<DeliveryRecord> claimable(Instant now, int limit);

    /**
     * The same, only those after {@code after} in that order (a later due time, or the same and a higher id):
     * the next batch read while the one before it is still being claimed. Deliveries that became claimable
     * before {@code after} meanwhile are left to the next read from the start.
     */
    default List<DeliveryRecord> claimableAfter(DeliveryRecord after, Instant now, int limit) {
        return claimable(now, Integer.MAX_VALUE).stream()
                .filter(d -> d.nextAt().isAfter(after.nextAt()) || d.nextAt().equals(after.nextAt()) && d.id() > after.id()).limit(limit).toList();
    }

    /**
     * Writes {@code next} when the stored delivery is still at {@code current.version()}, as version + 1,
     * and answers what was stored; empty (nothing written) when someone else changed it first.
     */
    Optional<DeliveryRecord> replace(DeliveryRecord current, DeliveryRecord next);

    /**
     * {@link #replace} for each pair ({@code current.get(i)}, {@code next.get(i)}), in one round trip where the
     * host can (the server: one JDBC batch of conditional UPDATEs); answers what was stored, empty for each
     * one whose revision had moved.
     */
    default List<Optional<DeliveryRecord>> replaceAll(List<DeliveryRecord> current, List<DeliveryRecord> next) {
        List<Optional<DeliveryRecord>> stored = new java.util.ArrayList<>(current.size());
        for (int i = 0; i < current.size(); i++) stored.add(replace(current.get(i), next.get(i)));
        return stored;
    }

    /**
     * Claims each of {@code due} for {@code node} until {@code leaseUntil} ({@link DeliveryRecord#claimedBy}),
     * each through {@link #replace}, and answers the ones this node won, in order. A host that can writes
     * them in one transaction (one commit for the lot).
     */
    default List<DeliveryRecord> claim(List<DeliveryRecord> due, String node, Instant leaseUntil, Instant at) {
        List<DeliveryRecord> won = new java.util.ArrayList<>();
        for (DeliveryRecord d : due) replace(d, d.claimedBy(node, leaseUntil, at)).ifPresent(won::add);
        return won;
    }

    /** Deliveries in any of {@code states}, soonest {@code nextAt} first, at most {@code limit}: the queue page. */
    List<DeliveryRecord> inStates(Collection<DeliveryState> states, int limit);

    /** How many deliveries are in each state (states with none are left out). */
    Map<DeliveryState, Integer> countByState();

    /** Deliveries settled (sent, failed, unconfirmed, missed) since {@code since}, newest first, at most {@code limit}: the metrics. */
    List<DeliveryRecord> settledSince(Instant since, int limit);
}
