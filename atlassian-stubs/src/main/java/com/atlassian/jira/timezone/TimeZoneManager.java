// Checked against: https://docs.atlassian.com/DAC/javadoc/jira/reference/com/atlassian/jira/timezone/TimeZoneManager.html
// (getTimeZoneforUser takes ApplicationUser since Jira 7, per the jira/server javadoc).
package com.atlassian.jira.timezone;

import com.atlassian.jira.user.ApplicationUser;
import java.util.TimeZone;

public interface TimeZoneManager {
    TimeZone getTimeZoneforUser(ApplicationUser user);

    TimeZone getDefaultTimezone();
}
