package io.socialdesk.store.inbox;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/** One person alerted when a crisis opens (besides the marketing leads): their user key, once. */
@Preload
@Table("INBOX_CRISIS_ALERT")
public interface CrisisAlertEntity extends Entity {
    @NotNull
    @Unique
    @StringLength(255)
    String getUserKey();
    void setUserKey(String key);
}
