// Checked against: https://docs.atlassian.com/software/jira/docs/api/9.12.0/com/atlassian/jira/event/type/EventDispatchOption.html (DO_NOT_DISPATCH, ISSUE_UPDATED); named in reference/atlassian-platform.md (IssueManager.updateIssue).
package com.atlassian.jira.event.type;

public interface EventDispatchOption {
    EventDispatchOption DO_NOT_DISPATCH = new EventDispatchOption() {};
    EventDispatchOption ISSUE_UPDATED = new EventDispatchOption() {};
}
