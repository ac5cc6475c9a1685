package io.socialdesk.core.post;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.problem.FieldProblem;
import java.util.List;
import java.util.Set;

/**
 * Port: is this content valid on each of these networks? Implemented by the networks' rules table
 * ({@code channels}); the workflow asks at submit, at approve and at schedule, the publisher at
 * send. Each problem names the field, the network's rule and, in its message, the network and the
 * character range.
 */
@FunctionalInterface
public interface ContentCheck {
    List<FieldProblem> problems(PostContent content, Set<Network> networks);

    /** For tests and hosts that check nothing per network. */
    ContentCheck NONE = (content, networks) -> List.of();
}
