// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/bc/project/component/ProjectComponent.html (getId(), getName()).
package com.atlassian.jira.bc.project.component;

public interface ProjectComponent {
    Long getId();

    String getName();
}
