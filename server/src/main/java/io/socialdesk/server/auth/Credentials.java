package io.socialdesk.server.auth;

import io.socialdesk.store.ao.AoAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import net.java.ao.Query;

/**
 * Browser sessions and API tokens. The secret is handed out once and stored only as a hash. A
 * session ends after {@link #SESSION_IDLE} without use; an API token lasts until it is revoked.
 */
public final class Credentials {
    public static final Duration SESSION_IDLE = Duration.ofHours(12);
    private static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

    private final AoAccess ao;
    private final ServerUsers users;
    private final Clock clock;

    public Credentials(AoAccess ao, ServerUsers users, Clock clock) {
        this.ao = ao;
        this.users = users;
        this.clock = clock;
    }

    /** What a presented secret turned out to be. */
    public sealed interface Check permits Valid, Expired, Unknown {}

    public record Valid(ServerUser user) implements Check {}

    public record Expired() implements Check {}

    public record Unknown() implements Check {}

    public String startSession(ServerUser user) {
        return issue("sds_", "SESSION", user.user().key(), null, clock.instant().plus(SESSION_IDLE));
    }

    public String createApiToken(String username, String label) {
        users.find(username).orElseThrow(() -> new IllegalArgumentException("No user named " + username));
        return issue("sdt_", "API_TOKEN", username, label, NEVER);
    }

    public Check checkSession(String secret) {
        return check(secret, "SESSION");
    }

    public Check checkApiToken(String secret) {
        return check(secret, "API_TOKEN");
    }

    public void endSession(String secret) {
        if (secret == null) return;
        CredentialEntity[] rows = ao.find(CredentialEntity.class, Query.select().where("SECRET_HASH = ?", Secrets.hash(secret)));
        if (rows.length > 0) ao.delete(rows);
    }

    private String issue(String prefix, String kind, String username, String label, Instant expiresAt) {
        String secret = Secrets.newSecret(prefix);
        Map<String, Object> values = new HashMap<>();
        values.put("SECRET_HASH", Secrets.hash(secret));
        values.put("KIND", kind);
        values.put("USERNAME", username);
        values.put("LABEL", label);
        values.put("CREATED_AT", Date.from(clock.instant()));
        values.put("EXPIRES_AT", Date.from(expiresAt));
        ao.create(CredentialEntity.class, values);
        return secret;
    }

    private Check check(String secret, String kind) {
        if (secret == null || secret.isBlank() || secret.length() > 200) return new Unknown();
        CredentialEntity[] rows = ao.find(CredentialEntity.class,
                Query.select().where("SECRET_HASH = ? AND KIND = ?", Secrets.hash(secret), kind));
        if (rows.length == 0) return new Unknown();
        CredentialEntity row = rows[0];
        Instant now = clock.instant();
        if (!row.getExpiresAt().toInstant().isAfter(now)) {
            // Kept, so every later request with it also hears "your session has ended", not a bare 401.
            return new Expired();
        }
        Optional<ServerUser> user = users.find(row.getUsername());
        if (user.isEmpty()) return new Unknown();
        if (kind.equals("SESSION")) {
            // Slide the idle timeout, at most once a minute, to spare the database a write per request.
            Instant slid = now.plus(SESSION_IDLE);
            if (Duration.between(row.getExpiresAt().toInstant(), slid).toMinutes() >= 1) {
                row.setExpiresAt(Date.from(slid));
                row.save();
            }
        }
        return new Valid(user.get());
    }
}
