package io.socialdesk.jira.page;

import com.atlassian.jira.issue.Issue;
import com.atlassian.plugin.web.Condition;
import io.socialdesk.jira.tracker.JiraIssueTracker;
import java.util.Map;

/** Shows the Social Desk panel on issues of type "Social post" only. */
public class SocialPostCondition implements Condition {
    @Override
    public void init(Map<String, String> params) {}

    @Override
    public boolean shouldDisplay(Map<String, Object> context) {
        return context.get("issue") instanceof Issue issue && issue.getIssueType() != null
                && JiraIssueTracker.SOCIAL_POST_TYPE.equalsIgnoreCase(issue.getIssueType().getName());
    }
}
