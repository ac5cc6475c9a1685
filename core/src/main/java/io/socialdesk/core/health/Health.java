package io.socialdesk.core.health;

import io.socialdesk.core.job.JobRunLog.JobRun;
import java.util.Optional;

/** What the health endpoint reports: the version, the database, and when the scheduler last ran. */
public record Health(String version, DatabaseProbe.DatabaseStatus database, Optional<JobRun> lastHeartbeat) {
    public boolean up() {
        return database.up();
    }
}
