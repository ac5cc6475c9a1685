package io.socialdesk.store.account;

import net.java.ao.Preload;
import java.util.Date;
import net.java.ao.Entity;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * An OAuth connection started and not finished: the SHA-256 of its state (never the state), who started it,
 * and the PKCE verifier, sealed with associated data {@code pending:<state hash>:verifier}.
 */
@Preload
@Table("PENDING_CONNECT")
public interface PendingConnectEntity extends Entity {
    @NotNull
    @Unique
    String getStateHash();
    void setStateHash(String hash);

    @NotNull
    String getUserKey();
    void setUserKey(String userKey);

    @NotNull
    String getNetwork();
    void setNetwork(String network);

    @StringLength(StringLength.MAX_LENGTH)
    String getInstance();
    void setInstance(String instance);

    @NotNull
    @StringLength(StringLength.MAX_LENGTH)
    String getRedirectUri();
    void setRedirectUri(String redirect);

    @NotNull
    @StringLength(StringLength.UNLIMITED)
    String getVerifier();
    void setVerifier(String sealed);

    /** The account being reconnected; null for a new one. */
    Long getAccountId();
    void setAccountId(Long accountId);

    @NotNull
    Date getCreatedAt();
    void setCreatedAt(Date at);

    @NotNull
    Date getExpiresAt();
    void setExpiresAt(Date at);

    Date getUsedAt();
    void setUsedAt(Date at);
}
