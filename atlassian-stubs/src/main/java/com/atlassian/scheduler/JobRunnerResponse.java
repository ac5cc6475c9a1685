// Checked against: https://docs.atlassian.com/atlassian-scheduler/2.0.0/apidocs/com/atlassian/scheduler/JobRunnerResponse.html
// Stub: the factories return a value carrying the status so that tests can read it; Atlassian's
// class has the same factories (success(), success(String), failed(String), failed(Throwable), aborted(String)).
package com.atlassian.scheduler;

import com.atlassian.scheduler.status.RunOutcome;

public final class JobRunnerResponse {
    private final RunOutcome runOutcome;
    private final String message;

    private JobRunnerResponse(RunOutcome runOutcome, String message) {
        this.runOutcome = runOutcome;
        this.message = message;
    }

    public static JobRunnerResponse success() { return new JobRunnerResponse(RunOutcome.SUCCESS, null); }
    public static JobRunnerResponse success(String message) { return new JobRunnerResponse(RunOutcome.SUCCESS, message); }
    public static JobRunnerResponse aborted(String message) { return new JobRunnerResponse(RunOutcome.ABORTED, message); }
    public static JobRunnerResponse failed(String message) { return new JobRunnerResponse(RunOutcome.FAILED, message); }
    public static JobRunnerResponse failed(Throwable cause) { return new JobRunnerResponse(RunOutcome.FAILED, String.valueOf(cause)); }

    public RunOutcome getRunOutcome() { return runOutcome; }
    public String getMessage() { return message; }
}
