package io.socialdesk.core.inbox;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Stream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;

/**
 * The synthetic unique keys of the inbox. Active Objects has no composite unique constraint, so an item's
 * identity (account, network, external id) is folded into one column: {@code 12:BLUESKY:} and the SHA-256 of
 * the external id (external ids can be long URIs; the hash keeps the key short enough for a unique index).
 * A conversation is keyed the same way by its root's external id, so the key of a thread's first post is
 * also its conversation's key.
 */
public final class InboxKeys {
    private InboxKeys() {}

    public static String item(long accountId, Network network, String externalId) {
        return accountId + ":" + network.name() + ":" + hash(externalId);
    }

    /** The conversation whose root (first post) has this external id. */
    public static String conversation(long accountId, Network network, String rootExternalId) {
        return item(accountId, network, rootExternalId);
    }

    /** The digest that gathers a flood of new conversations on one stream in the window starting at {@code windowStart}. */
    public static String digest(long accountId, Network network, Stream stream, Instant windowStart) {
        return accountId + ":" + network.name() + ":digest:" + stream.name() + ":" + windowStart.getEpochSecond();
    }

    /** The key a conversation's ticket of this generation is opened with, and found by again. */
    public static String ticket(String conversationKey, int generation) {
        return conversationKey + "#" + generation;
    }

    /** One digest per thread: looking SHA-256 up among the security providers for each key cost more than hashing. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    static String hash(String text) {
        byte[] digest = SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
