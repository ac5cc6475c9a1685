package io.socialdesk.core.notification;

import io.socialdesk.core.approval.DepartmentRule;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Something people should learn about a post: reviewers that their review is asked, authors that a
 * reviewer decided or commented. {@code ask} names the departments whose reviewers are meant (the
 * host finds the people: holders of the role, or members of the group); {@code userKeys} names
 * people directly. The actor is never told about their own action.
 */
public record Notice(Kind kind, long postId, String itemKey, String itemUrl, String title, String actorKey, List<DepartmentRule> ask,
        Set<String> userKeys, String detail, Instant at) {

    /**
     * {@code ACCOUNT_NEEDS_RECONNECT} is about an account, not a post: its post id is 0 and its item the ticket opened for the owner.
     * {@code CRISIS} too: its item is the crisis ticket of a spike of negative mentions (io.socialdesk.core.inbox.crisis).
     */
    public enum Kind { REVIEW_REQUESTED, APPROVED, CHANGES_REQUESTED, REJECTED, COMMENTED, ACCOUNT_NEEDS_RECONNECT, PUBLISH_FAILED, PUBLISH_MISSED,
        PUBLISH_UNCONFIRMED, CRISIS }

    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(itemKey, "itemKey");
        Objects.requireNonNull(itemUrl, "itemUrl");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(actorKey, "actorKey");
        ask = List.copyOf(ask);
        userKeys = Set.copyOf(userKeys);
        detail = detail == null ? "" : detail;
        Objects.requireNonNull(at, "at");
    }
}
