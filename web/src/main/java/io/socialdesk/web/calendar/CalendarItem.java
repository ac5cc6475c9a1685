package io.socialdesk.web.calendar;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.calendar.CalendarEntry;
import io.socialdesk.core.post.PostState;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One post as a calendar cell, list row or JSON object shows it: its time in the viewer's zone (and in its own zone
 * when that differs), its networks, its state by name, symbol and CSS class (never by colour alone), what opens
 * it, and what a drag and drop sends back (id, version). Getters only: Jira's Velocity allowlist.
 */
public final class CalendarItem {
    /** The states a person may still move in time (the workflow's reschedule rows). */
    static final Set<PostState> MOVABLE = EnumSet.of(PostState.DRAFT, PostState.IN_REVIEW, PostState.CHANGES_REQUESTED, PostState.APPROVED,
            PostState.SCHEDULED, PostState.MISSED);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final CalendarEntry entry;
    private final boolean clash;

    CalendarItem(CalendarEntry entry, boolean clash) {
        this.entry = entry;
        this.clash = clash;
    }

    public long getPostId() { return entry.postId(); }
    public String getItemKey() { return entry.itemKey(); }
    public String getTitle() { return entry.title(); }
    /** The day the viewer sees it on, ISO ({@code 2026-03-09}). */
    public String getDate() { return entry.viewerDate().toString(); }
    /** The time in the viewer's zone ({@code 09:00}). */
    public String getTime() { return entry.viewerLocal().format(TIME); }
    /** The instant, ISO UTC: what clients compute with. */
    public String getPlannedAt() { return entry.plannedAt().toString(); }
    /** The post's own wall-clock time and zone, the truth ({@code 2026-03-09T09:00}, {@code Europe/Paris}). */
    public String getPlannedLocal() { return entry.plannedLocal().toString(); }
    public String getPlannedZone() { return entry.plannedZone().getId(); }
    /** True when the post's zone is not the viewer's: the view shows its own time too. */
    public boolean getOtherZone() { return !entry.plannedZone().equals(entry.viewerZone()); }
    /** {@code 09:00 Europe/Paris}: the post's own time, for a post planned in another zone. */
    public String getOwnTime() { return entry.plannedLocal().toLocalTime().format(TIME) + " " + entry.plannedZone().getId(); }
    public List<String> getNetworks() { return entry.networks().stream().map(Network::label).toList(); }
    /** Network names as the API takes them ({@code BLUESKY}), for filters and CSS. */
    public List<String> getNetworkNames() { return entry.networks().stream().map(Network::name).toList(); }
    public List<Long> getAccountIds() { return entry.accountIds(); }
    /** The state as the API writes it ({@code IN_REVIEW}). */
    public String getState() { return entry.state().name(); }
    public String getStateKey() { return CalendarLegend.labelKey(entry.state()); }
    public String getStateLabel() { return CalendarLegend.label(entry.state()); }
    public String getStateSymbol() { return CalendarLegend.symbol(entry.state()); }
    public String getStateClass() { return CalendarLegend.cssClass(entry.state()); }
    public String getCampaign() { return entry.campaign(); }
    public String getAuthor() { return entry.authorKey(); }
    public List<String> getDepartments() { return entry.departments().stream().sorted().map(d -> d.name().toLowerCase(Locale.ROOT)).toList(); }
    public int getVersion() { return entry.version(); }
    /** The path that opens the post in the host (the server's editor, Jira's issue). */
    public String getPath() { return entry.path(); }
    /** True when it is closer than its account's minimum spacing to another post. */
    public boolean getClash() { return clash; }
    /** True when the workflow lets a person move it in time (drag and drop). */
    public boolean getMovable() { return MOVABLE.contains(entry.state()); }

    CalendarEntry entry() { return entry; }
}
