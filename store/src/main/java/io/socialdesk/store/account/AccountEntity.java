package io.socialdesk.store.account;

import java.util.Date;
import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * A social account and its health. Credentials are not here: they live encrypted in
 * {@link AccountSecretEntity}, a table of their own that no listing reads.
 */
@Preload
@Table("ACCOUNT")
public interface AccountEntity extends Entity {
    @NotNull
    String getNetwork();
    void setNetwork(String network);

    @NotNull
    String getHandle();
    void setHandle(String handle);

    @NotNull
    String getDisplayName();
    void setDisplayName(String displayName);

    boolean isConnected();
    void setConnected(boolean connected);

    /** The Mastodon instance or Bluesky PDS; null for the network's own host. */
    @StringLength(StringLength.MAX_LENGTH)
    String getInstance();
    void setInstance(String instance);

    @StringLength(StringLength.MAX_LENGTH)
    String getRemoteId();
    void setRemoteId(String remoteId);

    String getOwnerKey();
    void setOwnerKey(String ownerKey);

    Date getLastSuccessAt();
    void setLastSuccessAt(Date at);

    Date getLastCheckedAt();
    void setLastCheckedAt(Date at);

    String getProblem();
    void setProblem(String problem);

    @StringLength(StringLength.UNLIMITED)
    String getProblemDetail();
    void setProblemDetail(String detail);

    Date getTokenExpiresAt();
    void setTokenExpiresAt(Date at);

    /** Granted scopes, separated by spaces. */
    @StringLength(StringLength.UNLIMITED)
    String getScopes();
    void setScopes(String scopes);

    /** The tracker item opened because the account needs reconnecting, so that one is opened, not one per check. */
    String getAttentionKey();
    void setAttentionKey(String key);

    @StringLength(StringLength.MAX_LENGTH)
    String getAttentionUrl();
    void setAttentionUrl(String url);

    Long getAttentionId();
    void setAttentionId(Long id);
}
