// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/issue/link/IssueLinkTypeManager.html
// (Collection<IssueLinkType> getIssueLinkTypesByName(String name)).
package com.atlassian.jira.issue.link;

import java.util.Collection;

public interface IssueLinkTypeManager {
    Collection<IssueLinkType> getIssueLinkTypesByName(String name);
}
