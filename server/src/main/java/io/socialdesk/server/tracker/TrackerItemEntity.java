package io.socialdesk.server.tracker;

import java.util.Date;
import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;

/** An item of the server's built-in tracker: what an issue is in Jira. */
@Preload
@Table("TRACKER_ITEM")
public interface TrackerItemEntity extends Entity {
    @NotNull
    @Indexed
    String getKind();
    void setKind(String kind);

    @NotNull
    String getSummary();
    void setSummary(String summary);

    @NotNull
    String getReporter();
    void setReporter(String reporter);

    @NotNull
    Date getCreatedAt();
    void setCreatedAt(Date createdAt);
}
