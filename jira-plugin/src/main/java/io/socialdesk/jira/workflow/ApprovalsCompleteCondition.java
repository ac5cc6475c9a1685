package io.socialdesk.jira.workflow;

import com.atlassian.jira.user.util.UserManager;
import com.atlassian.jira.workflow.condition.AbstractJiraCondition;
import com.opensymphony.module.propertyset.PropertySet;
import io.socialdesk.core.approval.Approvals;
import io.socialdesk.core.approval.PublishGate;
import io.socialdesk.core.audit.AuditEvent;
import io.socialdesk.core.post.Post;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.jira.user.JiraCurrentUser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Workflow condition "All required approvals present for the current content": the publisher's own
 * check ({@link PublishGate#mayPublish}) on the post's current content hash. An edit after the
 * approvals makes it false again. False for an issue that carries no post.
 */
public class ApprovalsCompleteCondition extends AbstractJiraCondition {
    private final WorkflowSubject subject;

    @Inject
    public ApprovalsCompleteCondition(SocialDeskEngine engine, UserManager users, JiraCurrentUser people) {
        this.subject = new WorkflowSubject(engine, users, people);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean passesCondition(Map transientVars, Map args, PropertySet ps) {
        Optional<Post> post = subject.post(transientVars);
        if (post.isEmpty()) return false;
        Post p = post.get();
        var engine = subject.engine().engine();
        List<AuditEvent> trail = engine.trail().list(p.id());
        return PublishGate.mayPublish(engine.policies().policyFor(p.item().projectKey()), p.content(), Approvals.flagged(trail),
                p.authorKey(), trail, engine.decisions().list(p.id()));
    }
}
