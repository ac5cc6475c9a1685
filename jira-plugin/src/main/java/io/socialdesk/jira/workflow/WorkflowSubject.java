package io.socialdesk.jira.workflow;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import com.atlassian.jira.workflow.condition.AbstractJiraCondition;
import com.opensymphony.workflow.WorkflowContext;
import com.opensymphony.workflow.WorkflowException;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.user.User;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.jira.user.JiraCurrentUser;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What every Social Desk workflow module reads from a Jira transition: the issue, the post it
 * carries (by issue id) and the person taking the transition. Modules stay thin: the engine decides.
 */
final class WorkflowSubject {
    /** Where Jira puts the issue being transitioned (the original one for conditions) and the workflow context. */
    static final String ISSUE = "issue";
    static final String CONTEXT = "context";

    private final SocialDeskEngine engine;
    private final UserManager users;
    private final JiraCurrentUser people;

    WorkflowSubject(SocialDeskEngine engine, UserManager users, JiraCurrentUser people) {
        this.engine = engine;
        this.users = users;
        this.people = people;
    }

    SocialDeskEngine engine() {
        return engine;
    }

    @SuppressWarnings("rawtypes")
    static Optional<Issue> issue(Map transientVars) {
        Object issue = transientVars.get(ISSUE);
        if (!(issue instanceof Issue)) issue = transientVars.get(AbstractJiraCondition.ORIGINAL_ISSUE_KEY);
        return issue instanceof Issue found ? Optional.of(found) : Optional.empty();
    }

    /** The post this issue carries; issues created in Jira directly carry none. */
    @SuppressWarnings("rawtypes")
    Optional<Post> post(Map transientVars) {
        return issue(transientVars).flatMap(issue -> engine.posts().findByItem(issue.getId()));
    }

    @SuppressWarnings("rawtypes")
    Post requirePost(Map transientVars) throws WorkflowException {
        return post(transientVars).orElseThrow(() -> new WorkflowException(
                "This issue carries no Social Desk post: create social posts with Social Desk, not with Jira's Create button."));
    }

    /** The person taking the transition, as Social Desk sees them (roles from the socialdesk-* groups). */
    @SuppressWarnings("rawtypes")
    Optional<User> caller(Map transientVars) {
        Object context = transientVars.get(CONTEXT);
        String key = context instanceof WorkflowContext workflow ? workflow.getCaller() : null;
        ApplicationUser user = key == null ? null : users.getUserByKey(key);
        return user == null ? Optional.empty() : Optional.of(people.asUser(user));
    }

    @SuppressWarnings("rawtypes")
    User requireCaller(Map transientVars) throws WorkflowException {
        return caller(transientVars).orElseThrow(() -> new WorkflowException("Sign in to take this transition."));
    }

    /** Jira shows a workflow exception's message to the person; the engine's messages name the field and the rule. */
    static String message(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.problems().stream().map(WorkflowSubject::describe).collect(Collectors.joining(" "));
        }
        return e.getMessage();
    }

    static String describe(FieldProblem p) {
        return p.message() + " (" + p.field() + ": " + p.rule() + ")";
    }
}
