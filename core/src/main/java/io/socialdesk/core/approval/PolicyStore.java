package io.socialdesk.core.approval;

import java.util.Optional;

/** Approval policies, one per project key. */
public interface PolicyStore {
    Optional<ApprovalPolicy> find(String projectKey);

    /** Creates or replaces the project's policy. */
    void save(ApprovalPolicy policy);

    /** The project's policy, or {@link ApprovalPolicy#defaults} when it has none. */
    default ApprovalPolicy policyFor(String projectKey) {
        return find(projectKey).orElseGet(() -> ApprovalPolicy.defaults(projectKey));
    }
}
