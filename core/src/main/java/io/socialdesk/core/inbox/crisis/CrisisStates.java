package io.socialdesk.core.inbox.crisis;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Port: where each account's {@link CrisisState} is kept between calls (and restarts, for a host that stores it).
 * {@link CrisisWatch} serialises the calls for one account within a node; a host with several nodes runs one
 * account's import on one node at a time, or serialises with its cluster lock.
 */
public interface CrisisStates {
    /** The account's state, or null when it has none yet. */
    CrisisState get(String accountId);

    void put(String accountId, CrisisState state);

    /** The accounts that have a state (for {@link CrisisWatch#tick()}). */
    Set<String> accounts();

    /** Kept in memory only: a restart forgets the usual levels, which then take {@code warmup} windows to learn again. */
    static CrisisStates inMemory() {
        ConcurrentHashMap<String, CrisisState> states = new ConcurrentHashMap<>();
        return new CrisisStates() {
            @Override
            public CrisisState get(String accountId) {
                return states.get(accountId);
            }

            @Override
            public void put(String accountId, CrisisState state) {
                states.put(accountId, state);
            }

            @Override
            public Set<String> accounts() {
                return Set.copyOf(states.keySet());
            }
        };
    }
}
