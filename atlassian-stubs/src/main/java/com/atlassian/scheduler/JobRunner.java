// Checked against: https://docs.atlassian.com/atlassian-scheduler/2.0.0/apidocs/com/atlassian/scheduler/JobRunner.html
package com.atlassian.scheduler;

public interface JobRunner {
    /** May return null, which the scheduler treats as success. */
    JobRunnerResponse runJob(JobRunnerRequest request);
}
