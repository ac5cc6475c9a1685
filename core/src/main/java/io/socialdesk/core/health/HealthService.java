package io.socialdesk.core.health;

import io.socialdesk.core.SocialDesk;
import io.socialdesk.core.job.HeartbeatJob;
import io.socialdesk.core.job.JobRunLog;
import java.util.Optional;

/** Assembles the health report. A failing database never throws here: it is reported as down. */
public final class HealthService {
    private final DatabaseProbe database;
    private final JobRunLog jobRuns;

    public HealthService(DatabaseProbe database, JobRunLog jobRuns) {
        this.database = database;
        this.jobRuns = jobRuns;
    }

    public Health check() {
        DatabaseProbe.DatabaseStatus status = database.check();
        Optional<JobRunLog.JobRun> heartbeat = Optional.empty();
        if (status.up()) {
            try {
                heartbeat = jobRuns.lastRun(HeartbeatJob.KEY);
            } catch (RuntimeException e) {
                status = new DatabaseProbe.DatabaseStatus(false, status.product(), "cannot read job runs");
            }
        }
        return new Health(SocialDesk.version(), status, heartbeat);
    }
}
