// Checked against: https://docs.atlassian.com/atlassian-scheduler-api/1.6.0/atlassian-scheduler-api/apidocs/com/atlassian/scheduler/config/JobConfig.html
// Immutable with "with" copies, as Atlassian's. Signatures of what the plugins use only.
package com.atlassian.scheduler.config;

public final class JobConfig {
    private final JobRunnerKey jobRunnerKey;
    private final RunMode runMode;
    private final Schedule schedule;

    private JobConfig(JobRunnerKey jobRunnerKey, RunMode runMode, Schedule schedule) {
        this.jobRunnerKey = jobRunnerKey;
        this.runMode = runMode;
        this.schedule = schedule;
    }

    public static JobConfig forJobRunnerKey(JobRunnerKey jobRunnerKey) {
        return new JobConfig(jobRunnerKey, RunMode.RUN_ONCE_PER_CLUSTER, null);
    }

    public JobConfig withRunMode(RunMode runMode) { return new JobConfig(jobRunnerKey, runMode, schedule); }
    public JobConfig withSchedule(Schedule schedule) { return new JobConfig(jobRunnerKey, runMode, schedule); }

    public JobRunnerKey getJobRunnerKey() { return jobRunnerKey; }
    public RunMode getRunMode() { return runMode; }
    public Schedule getSchedule() { return schedule; }
}
