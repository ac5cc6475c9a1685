package io.socialdesk.core.calendar.feed;

import java.util.Locale;

/**
 * What an iCalendar feed lists. {@link #USER}: the posts the feed's owner authored (the shared model has no
 * watchers; Jira watchers stay in Jira). {@link #PROJECT}: the posts of one project. {@link #FILTER}: the posts
 * a saved calendar filter of the owner matches. {@link #KEY_DATES}: the key dates and blackouts, as all-day
 * events, in a feed of their own so that a calendar client can show or hide them apart from the posts.
 */
public enum FeedKind {
    USER,
    PROJECT,
    FILTER,
    KEY_DATES;

    /** The form used in URLs and JSON, e.g. {@code key-dates}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads {@code key-dates} or {@code KEY_DATES}; empty for anything else. */
    public static java.util.Optional<FeedKind> parse(String text) {
        if (text == null) return java.util.Optional.empty();
        String normal = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (FeedKind kind : values()) {
            if (kind.name().equals(normal)) return java.util.Optional.of(kind);
        }
        return java.util.Optional.empty();
    }
}
