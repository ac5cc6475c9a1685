package io.socialdesk.core.channel;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a connector needs to act for an account: tokens, when they expire, the granted scopes, and
 * network-specific values ({@code extra}, for example a Bluesky DID and PDS). Stored encrypted; its
 * {@code toString} shows no secret so that it cannot leak through a log line.
 */
public record Credentials(String accessToken, String refreshToken, Instant expiresAt, Set<String> scopes, Map<String, String> extra) {
    public Credentials {
        Objects.requireNonNull(accessToken, "accessToken");
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public static Credentials bearer(String accessToken) {
        return new Credentials(accessToken, null, null, Set.of(), Map.of());
    }

    public String extra(String name) {
        return extra.get(name);
    }

    public Credentials withTokens(String accessToken, String refreshToken, Instant expiresAt) {
        return new Credentials(accessToken, refreshToken, expiresAt, scopes, extra);
    }

    @Override
    public String toString() {
        return "Credentials[access ***, refresh " + (refreshToken == null ? "none" : "***") + ", expires " + expiresAt
                + ", scopes " + scopes + ", extra " + extra.keySet() + "]";
    }
}
