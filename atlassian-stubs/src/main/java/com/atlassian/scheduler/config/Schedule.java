// Checked against: https://docs.atlassian.com/atlassian-scheduler-api/1.6.0/atlassian-scheduler-api/apidocs/com/atlassian/scheduler/config/Schedule.html
// Stub keeps the interval and first run time readable (Atlassian's reads them via getIntervalScheduleInfo()).
package com.atlassian.scheduler.config;

import java.util.Date;

public final class Schedule {
    private final long intervalInMillis;
    private final Date firstRunTime;

    private Schedule(long intervalInMillis, Date firstRunTime) {
        this.intervalInMillis = intervalInMillis;
        this.firstRunTime = firstRunTime;
    }

    public static Schedule forInterval(long intervalInMillis, Date firstRunTime) {
        return new Schedule(intervalInMillis, firstRunTime);
    }

    public IntervalScheduleInfo getIntervalScheduleInfo() {
        return new IntervalScheduleInfo(intervalInMillis, firstRunTime);
    }
}
