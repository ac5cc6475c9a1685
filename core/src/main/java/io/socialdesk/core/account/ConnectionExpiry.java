package io.socialdesk.core.account;

import io.socialdesk.core.channel.Credentials;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * When a connection stops working unless a person reconnects it. A token that the connector refreshes by
 * itself does not end the connection: then only the refresh token's own end counts, which a connector
 * puts in {@code Credentials.extra} under {@link #REFRESH_EXPIRES_AT} (ISO-8601) when the network says it.
 */
public final class ConnectionExpiry {
    public static final String REFRESH_EXPIRES_AT = "refreshExpiresAt";

    private ConnectionExpiry() {}

    /** The end of the connection, or null when it does not end (or nobody knows when). */
    public static Instant of(Credentials credentials) {
        if (credentials == null) return null;
        if (credentials.refreshToken() == null) return credentials.expiresAt();
        String refreshEnd = credentials.extra(REFRESH_EXPIRES_AT);
        if (refreshEnd == null || refreshEnd.isBlank()) return null;
        try {
            return Instant.parse(refreshEnd.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
