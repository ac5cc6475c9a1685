package io.socialdesk.store.account;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;

/** A social account. Credentials are not here: they live encrypted in their own table. */
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
}
