package io.socialdesk.web.page;

import io.socialdesk.core.post.Post;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * One post as a page shows it, in the viewer's zone and language. Getters only: Jira 10's Velocity
 * allowlist and both engines call nothing else.
 */
public final class PostRow {
    private final long id;
    private final String key;
    private final String url;
    private final String title;
    private final String plannedForViewer;
    private final String plannedAsWritten;
    private final String plannedInstant;
    private final String state;

    PostRow(Post post, ZoneId viewerZone, Locale locale) {
        DateTimeFormatter viewer = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
        this.id = post.id();
        this.key = post.item().key();
        this.url = post.item().url();
        this.title = post.title();
        this.plannedForViewer = post.planned().instant().atZone(viewerZone).format(viewer);
        this.plannedAsWritten = post.planned().local().format(DateTimeFormatter.ISO_LOCAL_DATE) + " "
                + post.planned().local().toLocalTime() + " " + post.planned().zone().getId();
        this.plannedInstant = post.planned().instant().toString();
        this.state = post.state().name();
    }

    public long getId() { return id; }
    public String getKey() { return key; }
    public String getUrl() { return url; }
    public String getTitle() { return title; }
    /** The planned time in the viewer's zone, formatted for the viewer's language. */
    public String getPlannedForViewer() { return plannedForViewer; }
    /** The planned time as the author wrote it, with its zone. */
    public String getPlannedAsWritten() { return plannedAsWritten; }
    public String getPlannedInstant() { return plannedInstant; }
    public String getState() { return state; }
    /** The i18n key of the state's label. */
    public String getStateKey() { return "socialdesk.state." + state.toLowerCase(Locale.ROOT); }
}
