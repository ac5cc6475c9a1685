package io.socialdesk.server.auth;

import net.java.ao.Preload;
import java.util.Date;
import net.java.ao.Entity;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * A browser session or an API token. Only the SHA-256 of the secret is kept, so a copy of the
 * database does not let anyone sign in.
 */
@Preload
@Table("CREDENTIAL")
public interface CredentialEntity extends Entity {
    @NotNull
    @Unique
    String getSecretHash();
    void setSecretHash(String secretHash);

    /** {@code SESSION} or {@code API_TOKEN}. */
    @NotNull
    String getKind();
    void setKind(String kind);

    @NotNull
    @Indexed
    String getUsername();
    void setUsername(String username);

    /** For API tokens: what the owner called it, e.g. "CI pipeline". */
    String getLabel();
    void setLabel(String label);

    @NotNull
    Date getCreatedAt();
    void setCreatedAt(Date createdAt);

    /** Sessions slide this forward on use; API tokens keep it far in the future until revoked. */
    @NotNull
    Date getExpiresAt();
    void setExpiresAt(Date expiresAt);
}
