// Checked against: WorkflowSchemeManager source (extends SchemeManager): isUsingDefaultScheme(Project),
// assignableBuilder(), createScheme(AssignableWorkflowScheme), getWorkflowSchemeObj(Project),
// updateWorkflowScheme(AssignableWorkflowScheme), getProjectsUsing(AssignableWorkflowScheme); and SchemeManager
// (getSchemeObject(Long), addSchemeToProject(Project, Scheme)), inlined here because only these are used.
package com.atlassian.jira.workflow;

import com.atlassian.jira.project.Project;
import com.atlassian.jira.scheme.Scheme;
import java.util.List;

public interface WorkflowSchemeManager {
    boolean isUsingDefaultScheme(Project project);

    AssignableWorkflowScheme.Builder assignableBuilder();

    AssignableWorkflowScheme createScheme(AssignableWorkflowScheme workflowScheme);

    AssignableWorkflowScheme getWorkflowSchemeObj(Project project);

    AssignableWorkflowScheme updateWorkflowScheme(AssignableWorkflowScheme scheme);

    List<Project> getProjectsUsing(AssignableWorkflowScheme workflowScheme);

    Scheme getSchemeObject(Long id);

    void addSchemeToProject(Project project, Scheme scheme);
}
