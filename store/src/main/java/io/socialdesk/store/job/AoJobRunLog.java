package io.socialdesk.store.job;

import io.socialdesk.core.job.JobRunLog;
import io.socialdesk.store.ao.AoAccess;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import net.java.ao.Query;

/** {@link JobRunLog} over Active Objects: one row per job, updated in place. */
public final class AoJobRunLog implements JobRunLog {
    private final AoAccess ao;

    public AoJobRunLog(AoAccess ao) {
        this.ao = ao;
    }

    @Override
    public void recordRun(String jobKey, String node, Instant at) {
        ao.inTransaction(() -> {
            JobRunEntity[] rows = ao.find(JobRunEntity.class, Query.select().where("JOB_KEY = ?", jobKey));
            if (rows.length == 0) {
                ao.create(JobRunEntity.class, Map.of("JOB_KEY", jobKey, "NODE", node, "RAN_AT", Date.from(at)));
            } else {
                rows[0].setNode(node);
                rows[0].setRanAt(Date.from(at));
                rows[0].save();
            }
            return null;
        });
    }

    @Override
    public Optional<JobRun> lastRun(String jobKey) {
        JobRunEntity[] rows = ao.find(JobRunEntity.class, Query.select().where("JOB_KEY = ?", jobKey));
        if (rows.length == 0) return Optional.empty();
        return Optional.of(new JobRun(jobKey, rows[0].getNode(), rows[0].getRanAt().toInstant()));
    }
}
