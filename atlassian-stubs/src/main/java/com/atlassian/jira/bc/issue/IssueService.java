// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/bc/issue/IssueService.html
// and reference/atlassian-platform.md §2 (IssueService, results; getIssue, validateTransition, transition,
// IssueService.TransitionValidationResult.html). Signatures of what the plugin uses only.
package com.atlassian.jira.bc.issue;

import com.atlassian.jira.issue.IssueInputParameters;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.util.ErrorCollection;
import java.util.Map;

public interface IssueService {
    IssueInputParameters newIssueInputParameters();

    CreateValidationResult validateCreate(ApplicationUser user, IssueInputParameters issueInputParameters);

    IssueResult create(ApplicationUser user, CreateValidationResult createValidationResult);

    IssueResult getIssue(ApplicationUser user, Long issueId);

    TransitionValidationResult validateTransition(ApplicationUser user, Long issueId, int actionId, IssueInputParameters issueInputParameters);

    IssueResult transition(ApplicationUser user, TransitionValidationResult transitionResult);

    class ServiceResultImpl {
        private final ErrorCollection errorCollection;

        public ServiceResultImpl(ErrorCollection errorCollection) { this.errorCollection = errorCollection; }

        public boolean isValid() { return !errorCollection.hasAnyErrors(); }
        public ErrorCollection getErrorCollection() { return errorCollection; }
    }

    class CreateValidationResult extends ServiceResultImpl {
        private final MutableIssue issue;

        public CreateValidationResult(MutableIssue issue, ErrorCollection errorCollection, Map<String, Object> fieldValuesHolder) {
            super(errorCollection);
            this.issue = issue;
        }

        public MutableIssue getIssue() { return issue; }
    }

    /** IssueService.TransitionValidationResult.html: (issue, errors, fieldValuesHolder, additionInputs, actionId). */
    class TransitionValidationResult extends ServiceResultImpl {
        private final MutableIssue issue;
        private final int actionId;

        public TransitionValidationResult(MutableIssue issue, ErrorCollection errorCollection, Map<String, Object> fieldValuesHolder,
                Map<String, Object> additionInputs, int actionId) {
            super(errorCollection);
            this.issue = issue;
            this.actionId = actionId;
        }

        public MutableIssue getIssue() { return issue; }
        public int getActionId() { return actionId; }
    }

    class IssueResult extends ServiceResultImpl {
        private final MutableIssue issue;

        public IssueResult(MutableIssue issue, ErrorCollection errorCollection) {
            super(errorCollection);
            this.issue = issue;
        }

        public MutableIssue getIssue() { return issue; }
    }
}
