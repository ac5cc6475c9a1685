package io.socialdesk.core.calendar.feed;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: the feeds' tokens (by the hash of their secret) and the saved calendar filters. Every change names the
 * owner, so that one user can never rotate, revoke or delete another's.
 */
public interface CalendarFeedStore {
    FeedToken addToken(String ownerKey, FeedKind kind, String target, String label, String secretHash, Instant at);

    /** The token whose secret hashes to {@code secretHash}. */
    Optional<FeedToken> findToken(String secretHash);

    List<FeedToken> tokensOf(String ownerKey);

    /** Replaces the secret's hash (the old secret stops working at once); empty when the owner has no such token. */
    Optional<FeedToken> replaceSecret(long id, String ownerKey, String secretHash, Instant at);

    boolean deleteToken(long id, String ownerKey);

    SavedFilter addFilter(String ownerKey, String name, Map<String, List<String>> filters, Instant at);

    Optional<SavedFilter> findFilter(long id);

    List<SavedFilter> filtersOf(String ownerKey);

    /** Deletes the filter and the feeds that list it. */
    boolean deleteFilter(long id, String ownerKey);
}
