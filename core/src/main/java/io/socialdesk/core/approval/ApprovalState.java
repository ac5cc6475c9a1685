package io.socialdesk.core.approval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a post's approvals stand for its current content hash: per required department, who has
 * approved this exact version (authors never count), whether the quorum is reached, any objection
 * (a reviewer whose latest decision on this version is Changes requested or Rejected), and which
 * departments may approve now (all open ones in parallel; only the first open one in order).
 *
 * <p>Only decisions on {@code currentHash} count: an approval of an older version is history.
 * In order, a department's approvals count only from the moment the previous department's quorum
 * was reached.
 */
public record ApprovalState(String contentHash, List<DepartmentStatus> departments, List<Department> openNow) {

    public record DepartmentStatus(Department department, DepartmentRule rule, Set<String> approvedBy, Set<String> ignoredAuthors,
            List<Decision> objections, Optional<Instant> satisfiedAt) {
        public boolean satisfied() {
            return satisfiedAt.isPresent() && objections.isEmpty();
        }

        public String describe() {
            if (satisfied()) return department + ": approved by " + String.join(", ", approvedBy) + ".";
            if (!objections.isEmpty()) {
                Decision d = objections.get(0);
                return department + ": " + d.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " by " + d.approverKey()
                        + d.reason().map(r -> " (" + r + ")").orElse("") + ".";
            }
            return department + ": needs " + rule.quorum().describe() + " (" + rule.describePool() + "); has "
                    + (approvedBy.isEmpty() ? "none" : String.join(", ", approvedBy)) + ".";
        }
    }

    public ApprovalState {
        departments = List.copyOf(departments);
        openNow = List.copyOf(openNow);
    }

    /** True when every required department has its quorum on the current hash and nobody objects. */
    public boolean complete() {
        return departments.stream().allMatch(DepartmentStatus::satisfied);
    }

    public Optional<DepartmentStatus> status(Department department) {
        return departments.stream().filter(s -> s.department() == department).findFirst();
    }

    /** One line per department, for the post's page and for error messages. */
    public List<String> describe() {
        return departments.stream().map(DepartmentStatus::describe).toList();
    }

    public static ApprovalState evaluate(ApprovalPolicy policy, List<Department> required, String currentHash, Set<String> authors,
            List<Decision> decisions) {
        return evaluate(policy, required, currentHash, authors, decisions, Instant.MIN);
    }

    /**
     * As above, ignoring decisions made before {@code validFrom}: the moment a time-only reschedule
     * voided the approvals (a policy that does not keep approvals on reschedule), since the hash,
     * which leaves the time out, cannot tell.
     */
    public static ApprovalState evaluate(ApprovalPolicy policy, List<Department> required, String currentHash, Set<String> authors,
            List<Decision> allDecisions, Instant validFrom) {
        // Strictly after: a decision stamped the same instant as the reset errs on the safe side and needs doing again.
        List<Decision> decisions = allDecisions.stream().filter(d -> validFrom.equals(Instant.MIN) || d.at().isAfter(validFrom)).toList();
        List<DepartmentStatus> statuses = new ArrayList<>();
        List<Department> open = new ArrayList<>();
        boolean inOrder = policy.ordering() == ApprovalPolicy.Ordering.IN_ORDER;
        Optional<Instant> previousSatisfiedAt = Optional.of(Instant.MIN);
        boolean previousSatisfied = true;
        for (DepartmentRule rule : policy.departments()) {
            if (!required.contains(rule.department())) continue;
            List<Decision> onThis = decisions.stream()
                    .filter(d -> d.department() == rule.department() && d.contentHash().equals(currentHash))
                    .sorted(Comparator.comparing(Decision::at)).toList();
            Map<String, Decision> latest = new LinkedHashMap<>();
            for (Decision d : onThis) {
                latest.remove(d.approverKey());
                latest.put(d.approverKey(), d);
            }
            Set<String> ignored = new LinkedHashSet<>();
            List<Decision> objections = new ArrayList<>();
            List<Decision> approvals = new ArrayList<>();
            Instant countFrom = inOrder ? previousSatisfiedAt.orElse(null) : Instant.MIN;
            for (Decision d : latest.values()) {
                if (authors.contains(d.approverKey())) {
                    ignored.add(d.approverKey());
                } else if (d.kind() != Decision.Kind.APPROVED) {
                    objections.add(d);
                } else if (countFrom != null && !d.at().isBefore(countFrom)) {
                    approvals.add(d);
                }
            }
            approvals.sort(Comparator.comparing(Decision::at));
            Set<String> counted = new LinkedHashSet<>();
            Optional<Instant> satisfiedAt = Optional.empty();
            for (Decision d : approvals) {
                counted.add(d.approverKey());
                if (satisfiedAt.isEmpty() && rule.quorum().reachedBy(counted)) satisfiedAt = Optional.of(d.at());
            }
            DepartmentStatus status = new DepartmentStatus(rule.department(), rule, counted, ignored, objections, satisfiedAt);
            statuses.add(status);
            if (!status.satisfied() && (!inOrder || previousSatisfied)) open.add(rule.department());
            previousSatisfied = previousSatisfied && status.satisfied();
            previousSatisfiedAt = status.satisfied() ? satisfiedAt : Optional.empty();
        }
        return new ApprovalState(currentHash, statuses, open);
    }
}
