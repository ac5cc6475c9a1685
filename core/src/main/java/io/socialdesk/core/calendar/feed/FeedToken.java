package io.socialdesk.core.calendar.feed;

import java.time.Instant;
import java.util.Objects;

/**
 * A subscribed iCalendar feed as stored: whose it is, what it lists ({@code kind} and {@code target}: the owner's
 * key for {@link FeedKind#USER}, a project key for {@link FeedKind#PROJECT}, a saved filter's id for
 * {@link FeedKind#FILTER}, country codes such as {@code FR,BE} (whose public holidays; "" for none) for
 * {@link FeedKind#KEY_DATES}), its label, and when
 * its secret was last issued. The secret itself is never held here: only its hash is stored, and the plain secret
 * exists once, in the answer that issued it ({@link FeedTokens.Issued}).
 */
public record FeedToken(long id, String ownerKey, FeedKind kind, String target, String label, Instant createdAt, Instant issuedAt) {
    public FeedToken {
        Objects.requireNonNull(ownerKey, "ownerKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }
}
