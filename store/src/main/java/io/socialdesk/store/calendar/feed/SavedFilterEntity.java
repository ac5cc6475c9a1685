package io.socialdesk.store.calendar.feed;

import java.util.Date;
import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/** A saved calendar filter: its name and its filters as a query string ({@code network=MASTODON&campaign=launch}). */
@Preload
@Table("CAL_FILTER")
public interface SavedFilterEntity extends Entity {
    @NotNull
    @Indexed
    String getOwnerKey();
    void setOwnerKey(String ownerKey);

    @NotNull
    String getName();
    void setName(String name);

    @NotNull
    @StringLength(StringLength.UNLIMITED)
    String getFilters();
    void setFilters(String filters);

    @NotNull
    Date getCreatedAt();
    void setCreatedAt(Date at);
}
