// Checked against: https://docs.atlassian.com/atlassian-scheduler-api/1.6.0/atlassian-scheduler-api/apidocs/com/atlassian/scheduler/config/IntervalScheduleInfo.html
package com.atlassian.scheduler.config;

import java.util.Date;

public final class IntervalScheduleInfo {
    private final long intervalInMillis;
    private final Date firstRunTime;

    IntervalScheduleInfo(long intervalInMillis, Date firstRunTime) {
        this.intervalInMillis = intervalInMillis;
        this.firstRunTime = firstRunTime;
    }

    public long getIntervalInMillis() { return intervalInMillis; }
    public Date getFirstRunTime() { return firstRunTime; }
}
