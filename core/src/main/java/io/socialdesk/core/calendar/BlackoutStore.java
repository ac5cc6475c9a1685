package io.socialdesk.core.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: where blackout and embargo periods are kept. */
public interface BlackoutStore {
    /** The periods that overlap {@code [from, to)}, by start. */
    List<Blackout> overlapping(Instant from, Instant to);

    /** Every period, by start; at most {@code limit}. */
    List<Blackout> list(int limit);

    Optional<Blackout> find(long id);

    /** Stores a new period ({@code draft}'s id and version are ignored): version 1. */
    Blackout create(Blackout draft);

    /** Saves {@code next} (its id) when the stored version is still {@code expectedVersion}; empty when someone saved first. */
    Optional<Blackout> update(Blackout next, int expectedVersion);

    boolean delete(long id);
}
