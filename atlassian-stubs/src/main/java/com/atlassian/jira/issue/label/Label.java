// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/issue/label/Label.html (getLabel()).
package com.atlassian.jira.issue.label;

public interface Label {
    String getLabel();
}
