package io.socialdesk.confluence.macro;

import io.socialdesk.web.rest.PostJson;
import java.util.Locale;

/** One planned post as the calendar shows it. Getters only: Confluence 9's Velocity allowlist. */
public final class CalendarRow {
    private final String key;
    private final String url;
    private final String title;
    private final String plannedAt;
    private final String plannedInstant;
    private final String stateKey;

    CalendarRow(PostJson post) {
        this.key = post.key();
        // Only web links: a javascript: URL from a compromised Jira must not become a link here.
        this.url = post.url() != null && post.url().matches("(?i)https?://.*") ? post.url() : "#";
        this.title = post.title();
        this.plannedAt = post.plannedAt().replace('T', ' ') + " " + post.zone();
        this.plannedInstant = post.plannedInstant();
        this.stateKey = "socialdesk.state." + String.valueOf(post.state()).toLowerCase(Locale.ROOT);
    }

    public String getKey() { return key; }
    public String getUrl() { return url; }
    public String getTitle() { return title; }
    /** As the author wrote it, with its zone, e.g. {@code 2026-12-01 09:00 Europe/Paris}. */
    public String getPlannedAt() { return plannedAt; }
    public String getPlannedInstant() { return plannedInstant; }
    public String getStateKey() { return stateKey; }
}
