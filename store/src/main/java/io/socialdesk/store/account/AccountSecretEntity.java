package io.socialdesk.store.account;

import net.java.ao.Preload;
import java.util.Date;
import net.java.ao.Entity;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * An account's credentials, sealed ({@code io.socialdesk.core.secret.SecretBox}, associated data
 * {@code account:<id>:credentials}): a ciphertext copied to another account's row does not open.
 */
@Preload
@Table("ACCOUNT_SECRET")
public interface AccountSecretEntity extends Entity {
    @NotNull
    @Unique
    long getAccountId();
    void setAccountId(long accountId);

    @NotNull
    @StringLength(StringLength.UNLIMITED)
    String getCiphertext();
    void setCiphertext(String ciphertext);

    @NotNull
    Date getUpdatedAt();
    void setUpdatedAt(Date at);
}
