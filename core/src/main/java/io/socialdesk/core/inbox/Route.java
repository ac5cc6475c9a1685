package io.socialdesk.core.inbox;

import java.util.List;
import java.util.Objects;

/**
 * Where a routed item goes: a project (in Jira a project key, on the server a department queue such as
 * SUPPORT), its issue type (or service-desk request type), component, priority, labels and assignee.
 * Everything but the project is optional (null or empty).
 */
public record Route(String project, String issueType, String requestType, String component, String priority,
        List<String> labels, String assignee) {
    public Route {
        Objects.requireNonNull(project, "project");
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    public static Route to(String project) {
        return new Route(project, null, null, null, null, List.of(), null);
    }
}
