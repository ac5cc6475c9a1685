package io.socialdesk.core.account;

import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.problem.FieldProblem;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a post's review shows about its target accounts before its time: an account that will not work when the
 * post goes out (access revoked or expired, or a connection that ends before the planned time) is named, so that
 * someone reconnects it while the post waits in review, approved or scheduled.
 */
public final class AccountProblems {
    public static final String RULE = "account-must-reconnect";
    static final Set<PostState> WAITING = EnumSet.of(PostState.IN_REVIEW, PostState.APPROVED, PostState.SCHEDULED);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private AccountProblems() {}

    public static List<FieldProblem> of(Post post, List<Account> accounts) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!WAITING.contains(post.state()) || post.content().accountIds().isEmpty()) return problems;
        Set<Long> targets = Set.copyOf(post.content().accountIds());
        String when = post.planned().local().format(WHEN) + " " + post.planned().zone().getId();
        for (Account account : accounts) {
            if (!targets.contains(account.id()) || account.remoteId() == null) continue;
            if (account.health().needsReconnectBefore(post.planned().instant())) {
                problems.add(new FieldProblem("accountIds", RULE, account.label() + " must be reconnected before " + when + "."));
            }
        }
        return problems;
    }
}
