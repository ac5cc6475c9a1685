package io.socialdesk.store.account;

import net.java.ao.Preload;
import java.util.Date;
import net.java.ao.Entity;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * An OAuth client of ours: the one an admin configured for a network ({@code KIND} {@code CONFIGURED}), or one
 * Social Desk registered on a Mastodon instance for a redirect address ({@code REGISTERED}). {@code CLIENT_KEY}
 * is unique over kind, network, instance and redirect (AO has no unique constraint over several columns). The
 * secret is sealed with associated data {@code oauth-client:<client key>}.
 */
@Preload
@Table("OAUTH_CLIENT")
public interface OAuthClientEntity extends Entity {
    @NotNull
    @Unique
    String getClientKey();
    void setClientKey(String key);

    @NotNull
    String getKind();
    void setKind(String kind);

    @NotNull
    String getNetwork();
    void setNetwork(String network);

    @StringLength(StringLength.MAX_LENGTH)
    String getInstance();
    void setInstance(String instance);

    @StringLength(StringLength.MAX_LENGTH)
    String getRedirectUri();
    void setRedirectUri(String redirect);

    @NotNull
    @StringLength(StringLength.MAX_LENGTH)
    String getClientId();
    void setClientId(String clientId);

    @StringLength(StringLength.UNLIMITED)
    String getSecret();
    void setSecret(String sealed);

    String getUpdatedBy();
    void setUpdatedBy(String user);

    @NotNull
    Date getUpdatedAt();
    void setUpdatedAt(Date at);
}
