package io.socialdesk.store.calendar;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * An account's posting schedule, one row per account (unique, so two first saves cannot both insert): its slots
 * as text ({@code MONDAY 09:00,THURSDAY 17:30}), the zone, the minimum spacing, the gap days and the version.
 */
@Preload
@Table("POSTING_SLOTS")
public interface PostingSlotsEntity extends Entity {
    @NotNull
    @Unique
    Long getAccountId();
    void setAccountId(Long id);

    @NotNull
    String getZoneId();
    void setZoneId(String zone);

    @StringLength(StringLength.UNLIMITED)
    String getSlots();
    void setSlots(String slots);

    int getMinSpacingMinutes();
    void setMinSpacingMinutes(int minutes);

    int getGapDays();
    void setGapDays(int days);

    int getScheduleVersion();
    void setScheduleVersion(int version);
}
