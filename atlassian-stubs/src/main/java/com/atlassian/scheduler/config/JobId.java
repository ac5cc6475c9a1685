// Checked against: https://docs.atlassian.com/atlassian-scheduler-api/1.6.0/atlassian-scheduler-api/apidocs/com/atlassian/scheduler/config/JobId.html
package com.atlassian.scheduler.config;

import java.util.Objects;

public final class JobId {
    private final String id;

    private JobId(String id) { this.id = Objects.requireNonNull(id); }

    public static JobId of(String id) { return new JobId(id); }

    @Override public boolean equals(Object o) { return o instanceof JobId other && other.id.equals(id); }
    @Override public int hashCode() { return id.hashCode(); }
    @Override public String toString() { return id; }
}
