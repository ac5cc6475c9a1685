package io.socialdesk.store.job;

import net.java.ao.Preload;
import java.util.Date;
import net.java.ao.Entity;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/** The last run of each job: one row per job key. */
@Preload
@Table("JOB_RUN")
public interface JobRunEntity extends Entity {
    @NotNull
    @Unique
    String getJobKey();
    void setJobKey(String jobKey);

    @NotNull
    String getNode();
    void setNode(String node);

    @NotNull
    Date getRanAt();
    void setRanAt(Date ranAt);
}
