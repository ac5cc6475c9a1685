package io.socialdesk.jira.workflow;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.user.util.UserManager;
import com.atlassian.jira.workflow.function.issue.AbstractJiraFunctionProvider;
import com.opensymphony.module.propertyset.PropertySet;
import com.opensymphony.workflow.WorkflowException;
import io.socialdesk.core.approval.Action;
import io.socialdesk.core.approval.ReviewService;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.user.User;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.jira.tracker.TransitionOrigin;
import io.socialdesk.jira.user.JiraCurrentUser;
import java.util.Map;

/**
 * A post-function that takes one workflow action on the post, as the person taking the Jira
 * transition, through {@link ReviewService} (so every check, audit event and notice is the
 * engine's). Skipped when the transition is Social Desk's own mirror: the engine already moved.
 */
abstract class EngineActionFunction extends AbstractJiraFunctionProvider {
    private final WorkflowSubject subject;
    private final Action action;

    EngineActionFunction(SocialDeskEngine engine, UserManager users, JiraCurrentUser people, Action action) {
        this.subject = new WorkflowSubject(engine, users, people);
        this.action = action;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void execute(Map transientVars, Map args, PropertySet ps) throws WorkflowException {
        Issue issue = WorkflowSubject.issue(transientVars).orElseThrow(() -> new WorkflowException("No issue in this transition."));
        if (TransitionOrigin.isEngineMirroring(issue.getId())) return;
        Post post = subject.requirePost(transientVars);
        User user = subject.requireCaller(transientVars);
        try {
            TransitionOrigin.jiraTransitioning(issue.getId(),
                    () -> subject.engine().reviews().act(post.id(), ReviewService.ActionRequest.of(action, post.version()), user));
        } catch (RuntimeException e) {
            throw new WorkflowException(WorkflowSubject.message(e));
        }
    }
}
