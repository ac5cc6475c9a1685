package io.socialdesk.core.inbox.answer;

import io.socialdesk.core.approval.Department;
import io.socialdesk.core.inbox.Route;
import io.socialdesk.core.user.User;
import java.util.Locale;
import java.util.Optional;

/**
 * Which replies wait for a department's approval before they go. A reply on a ticket of the {@code LEGAL} or
 * {@code HR} queue (project) needs that department's approval; a route with the label {@value #LABEL} asks for it
 * on any project: Legal's or HR's when the project is theirs, else Marketing's. The approver is a person holding the
 * department's role ({@link Department#defaultRole()}), never the reply's author.
 */
public final class ReplyApproval {
    /** The routing label that makes every reply on the route's tickets wait for approval. */
    public static final String LABEL = "replies-need-approval";

    private ReplyApproval() {}

    /** The department whose approval a reply on a ticket of this route needs, if any. */
    public static Optional<Department> approver(Route route) {
        String project = route.project().toUpperCase(Locale.ROOT);
        Optional<Department> own = switch (project) {
            case "LEGAL" -> Optional.of(Department.LEGAL);
            case "HR" -> Optional.of(Department.HR);
            default -> Optional.empty();
        };
        if (own.isPresent()) return own;
        return route.labels().stream().anyMatch(l -> l.equalsIgnoreCase(LABEL)) ? Optional.of(Department.MARKETING) : Optional.empty();
    }

    /** The department as a person reads it: "Legal", "HR", "Marketing". */
    public static String label(Department department) {
        String n = department.name();
        return n.length() <= 2 ? n : n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT);
    }

    /** Whether {@code user} may approve or reject a reply that needs {@code department}'s approval and was written by {@code authorKey}. */
    public static boolean mayDecide(User user, Department department, String authorKey) {
        return user.has(department.defaultRole()) && !user.key().equals(authorKey);
    }
}
