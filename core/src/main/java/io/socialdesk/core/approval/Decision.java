package io.socialdesk.core.approval;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One reviewer's recorded decision for one department on one exact content (its hash). Decisions
 * are never changed: a later decision by the same person for the same department and hash
 * supersedes the earlier one.
 */
public record Decision(long postId, String approverKey, Department department, Kind kind, Optional<String> reason,
        String contentHash, Instant at) {

    public enum Kind { APPROVED, CHANGES_REQUESTED, REJECTED }

    public Decision {
        Objects.requireNonNull(approverKey, "approverKey");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(kind, "kind");
        reason = reason == null ? Optional.empty() : reason.map(String::strip).filter(r -> !r.isEmpty());
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(at, "at");
    }
}
