package io.socialdesk.jira.workflow;

import com.atlassian.jira.workflow.condition.AbstractJiraCondition;
import com.opensymphony.module.propertyset.PropertySet;
import io.socialdesk.jira.tracker.TransitionOrigin;
import java.util.Map;

/**
 * Workflow condition "Only Social Desk takes this transition": true only while Social Desk mirrors
 * a post's new state onto its issue. It hides the transitions whose action is taken in the Social
 * Desk panel (approve, request changes, withdraw, …), so a person cannot move the issue where the
 * post is not.
 */
public class SocialDeskOnlyCondition extends AbstractJiraCondition {
    @Override
    @SuppressWarnings("rawtypes")
    public boolean passesCondition(Map transientVars, Map args, PropertySet ps) {
        return WorkflowSubject.issue(transientVars).map(issue -> TransitionOrigin.isEngineMirroring(issue.getId())).orElse(false);
    }
}
