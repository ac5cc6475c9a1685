package io.socialdesk.server.tracker;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * The key the inbox opened a ticket with, unique, written in the ticket's own transaction: a second opening with the
 * same key fails (and is rolled back with its item) instead of doubling the ticket. Its own table because AO makes a
 * unique column NOT NULL, and most items have no such key.
 */
@Preload
@Table("TRACKER_KEY")
public interface TrackerKeyEntity extends Entity {
    @NotNull
    @Unique
    String getExternalKey();
    void setExternalKey(String key);

    @NotNull
    @Indexed
    long getItemId();
    void setItemId(long id);
}
