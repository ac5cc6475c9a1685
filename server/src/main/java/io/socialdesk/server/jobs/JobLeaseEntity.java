package io.socialdesk.server.jobs;

import net.java.ao.Preload;
import java.util.Date;
import net.java.ao.Entity;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/** Which node may run a job until when: how the server runs a job once per cluster. */
@Preload
@Table("JOB_LEASE")
public interface JobLeaseEntity extends Entity {
    @NotNull
    @Unique
    String getJobKey();
    void setJobKey(String jobKey);

    @NotNull
    String getOwner();
    void setOwner(String owner);

    @NotNull
    Date getExpiresAt();
    void setExpiresAt(Date expiresAt);
}
