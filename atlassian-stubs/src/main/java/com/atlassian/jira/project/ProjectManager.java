// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/project/ProjectManager.html
// (getProjectObjByKey(String) returns null when there is no such project).
package com.atlassian.jira.project;

public interface ProjectManager {
    Project getProjectObjByKey(String projectKey);
}
