package io.socialdesk.jira.workflow;

import com.atlassian.jira.user.util.UserManager;
import com.opensymphony.module.propertyset.PropertySet;
import com.opensymphony.workflow.InvalidInputException;
import com.opensymphony.workflow.Validator;
import com.opensymphony.workflow.WorkflowException;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.user.User;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.jira.user.JiraCurrentUser;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/**
 * Workflow validator "Content valid for every target network": the networks' rules (the same check
 * as at submit and approve) on the post's content; each problem's message names the network, the
 * rule and the character range, and Jira shows them all on the transition screen.
 */
public class ContentValidForNetworksValidator implements Validator {
    private final WorkflowSubject subject;

    @Inject
    public ContentValidForNetworksValidator(SocialDeskEngine engine, UserManager users, JiraCurrentUser people) {
        this.subject = new WorkflowSubject(engine, users, people);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void validate(Map transientVars, Map args, PropertySet ps) throws InvalidInputException, WorkflowException {
        Post post = subject.requirePost(transientVars);
        User viewer = subject.requireCaller(transientVars);
        List<FieldProblem> problems = subject.engine().reviews().review(post.id(), viewer).problems();
        if (problems.isEmpty()) return;
        InvalidInputException refusal = new InvalidInputException();
        for (FieldProblem problem : problems) refusal.addError(WorkflowSubject.describe(problem));
        throw refusal;
    }
}
