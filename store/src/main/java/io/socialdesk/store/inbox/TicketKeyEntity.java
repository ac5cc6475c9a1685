package io.socialdesk.store.inbox;

import java.util.Date;
import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * The key a ticket of the inbox is opened with, unique, and the ticket it names. The server writes it in the ticket's
 * own transaction, so that a second opening with the same key fails and is rolled back with its item; Jira, whose
 * issues are created outside our transactions, reserves the key first (no ticket yet) and records the issue after,
 * so that a crash between the two is known and the issue looked for (by its label) instead of created again. A table
 * of its own because AO makes a unique column NOT NULL.
 */
@Preload
@Table("TICKET_KEY")
public interface TicketKeyEntity extends Entity {
    @NotNull
    @Unique
    String getExternalKey();
    void setExternalKey(String key);

    Long getItemId();
    void setItemId(Long id);

    String getItemKey();
    void setItemKey(String key);

    @StringLength(StringLength.UNLIMITED)
    String getItemUrl();
    void setItemUrl(String url);

    @NotNull
    Date getReservedAt();
    void setReservedAt(Date at);
}
