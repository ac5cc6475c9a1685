package io.socialdesk.core.channel;

import java.time.Instant;
import java.util.Set;

/**
 * What a credentials check found. {@code problem} is null when the account works, otherwise one of
 * {@code revoked}, {@code expired}, {@code missing-scopes}, {@code unreachable}, {@code rate-limited},
 * with {@code detail} for a person.
 */
public record AccountHealth(Instant checkedAt, String problem, String detail, String remoteId, String handle, Set<String> scopes,
        Instant expiresAt) {
    public AccountHealth {
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    public static AccountHealth ok(Instant at, String remoteId, String handle, Set<String> scopes, Instant expiresAt) {
        return new AccountHealth(at, null, null, remoteId, handle, scopes, expiresAt);
    }

    public static AccountHealth problem(Instant at, String problem, String detail) {
        return new AccountHealth(at, problem, detail, null, null, Set.of(), null);
    }

    public boolean usable() {
        return problem == null;
    }
}
