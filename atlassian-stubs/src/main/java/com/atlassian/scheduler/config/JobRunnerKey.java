// Checked against: https://docs.atlassian.com/atlassian-scheduler-api/1.6.0/atlassian-scheduler-api/apidocs/com/atlassian/scheduler/config/JobRunnerKey.html
package com.atlassian.scheduler.config;

import java.util.Objects;

public final class JobRunnerKey {
    private final String key;

    private JobRunnerKey(String key) { this.key = Objects.requireNonNull(key); }

    public static JobRunnerKey of(String key) { return new JobRunnerKey(key); }

    @Override public boolean equals(Object o) { return o instanceof JobRunnerKey other && other.key.equals(key); }
    @Override public int hashCode() { return key.hashCode(); }
    @Override public String toString() { return key; }
}
