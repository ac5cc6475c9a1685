package io.socialdesk.store.calendar.feed;

import java.util.Date;
import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * An iCalendar feed of the editorial calendar: whose, what it lists, and the SHA-256 of its secret (never the
 * secret). A rotation writes a new hash in place; a revocation deletes the row.
 */
@Preload
@Table("CAL_FEED")
public interface FeedTokenEntity extends Entity {
    @NotNull
    @Unique
    String getSecretHash();
    void setSecretHash(String hash);

    @NotNull
    @Indexed
    String getOwnerKey();
    void setOwnerKey(String ownerKey);

    @NotNull
    String getKind();
    void setKind(String kind);

    /** Never empty in the database (AO writes "" as NULL on some databases): {@code -} stands for none. */
    @NotNull
    String getTarget();
    void setTarget(String target);

    @NotNull
    String getLabel();
    void setLabel(String label);

    @NotNull
    Date getCreatedAt();
    void setCreatedAt(Date at);

    @NotNull
    Date getIssuedAt();
    void setIssuedAt(Date at);
}
