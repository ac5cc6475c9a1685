package io.socialdesk.core.calendar;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.approval.Department;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One post on the calendar, as every view shows it: its planned instant with the post's own IANA zone and
 * wall-clock time (the truth), the same instant in the viewer's zone (where the calendar places it), its
 * networks, accounts, state, campaign, author, its version (for a reschedule), the path that opens it in the host, and when it
 * was last changed (an iCalendar feed's LAST-MODIFIED).
 * {@code departments}: those whose approval the content rules ask for, worked out only when a query filters by
 * department (empty otherwise: matching the rules is most of a month's cost).
 */
public record CalendarEntry(long postId, String itemKey, String title, Instant plannedAt, ZoneId plannedZone, LocalDateTime plannedLocal,
        ZoneId viewerZone, LocalDateTime viewerLocal, List<Network> networks, List<Long> accountIds, PostState state, String campaign,
        String authorKey, Set<Department> departments, int version, String path, Instant updatedAt) {

    public CalendarEntry {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(plannedAt, "plannedAt");
        Objects.requireNonNull(state, "state");
        networks = List.copyOf(networks);
        accountIds = List.copyOf(accountIds);
        departments = departments.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(departments));
        campaign = campaign == null ? "" : campaign;
    }

    /** Without the time of the last change (built by hand, e.g. in tests): the planned instant stands in for it. */
    public CalendarEntry(long postId, String itemKey, String title, Instant plannedAt, ZoneId plannedZone, LocalDateTime plannedLocal,
            ZoneId viewerZone, LocalDateTime viewerLocal, List<Network> networks, List<Long> accountIds, PostState state, String campaign,
            String authorKey, Set<Department> departments, int version, String path) {
        this(postId, itemKey, title, plannedAt, plannedZone, plannedLocal, viewerZone, viewerLocal, networks, accountIds, state, campaign,
                authorKey, departments, version, path, plannedAt);
    }

    public static CalendarEntry of(Post post, List<Network> networks, Set<Department> departments, ZoneId viewer, String path) {
        Instant at = post.planned().instant();
        return new CalendarEntry(post.id(), post.item().key(), post.title(), at, post.planned().zone(), post.planned().local(), viewer,
                LocalDateTime.ofInstant(at, viewer), networks, post.content().accountIds(), post.state(), post.content().campaign(),
                post.authorKey(), departments, post.version(), path, post.updatedAt());
    }

    /** The day the viewer sees it on. */
    public LocalDate viewerDate() {
        return viewerLocal.toLocalDate();
    }

    /** Whether the post still counts for spacing and gaps: what was cancelled or rejected will not go out. */
    public boolean goesOut() {
        return state != PostState.CANCELLED && state != PostState.REJECTED;
    }
}
