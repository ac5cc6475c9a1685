package io.socialdesk.jira.workflow;

import com.atlassian.jira.user.util.UserManager;
import io.socialdesk.core.approval.Action;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.jira.user.JiraCurrentUser;
import javax.inject.Inject;

/**
 * Post-function "Request approvals": submits the post for review as the person taking the
 * transition. The engine records SUBMITTED and asks the required departments' reviewers
 * (JiraNotifier makes them watchers and mentions them).
 */
public class RequestApprovalsFunction extends EngineActionFunction {
    @Inject
    public RequestApprovalsFunction(SocialDeskEngine engine, UserManager users, JiraCurrentUser people) {
        super(engine, users, people, Action.SUBMIT);
    }
}
