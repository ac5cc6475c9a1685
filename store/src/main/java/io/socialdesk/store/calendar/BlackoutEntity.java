package io.socialdesk.store.calendar;

import java.util.Date;
import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * A blackout or embargo period: {@code [START_AT, END_AT)}, the zone it was written in, the accounts it covers
 * (comma-separated ids; empty: all), the project (empty: all), the reason, and its version for edits.
 */
@Preload
@Table("BLACKOUT")
public interface BlackoutEntity extends Entity {
    String getProjectKey();
    void setProjectKey(String key);

    @NotNull
    String getName();
    void setName(String name);

    @NotNull
    String getPeriodKind();
    void setPeriodKind(String kind);

    @NotNull
    @Indexed
    Date getStartAt();
    void setStartAt(Date at);

    @NotNull
    @Indexed
    Date getEndAt();
    void setEndAt(Date at);

    @NotNull
    String getZoneId();
    void setZoneId(String zone);

    @StringLength(StringLength.UNLIMITED)
    String getAccountIds();
    void setAccountIds(String ids);

    @StringLength(StringLength.UNLIMITED)
    String getReason();
    void setReason(String reason);

    String getCreatedBy();
    void setCreatedBy(String key);

    @NotNull
    Date getCreatedAt();
    void setCreatedAt(Date at);

    int getPeriodVersion();
    void setPeriodVersion(int version);
}
