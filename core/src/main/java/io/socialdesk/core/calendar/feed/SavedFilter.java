package io.socialdesk.core.calendar.feed;

import io.socialdesk.core.calendar.CalendarFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named set of calendar filters a user keeps, e.g. "Mastodon launches": {@code network=MASTODON},
 * {@code campaign=launch}. Filter names are those of the calendar's query ({@link #FILTERS}: {@link CalendarFilter}'s,
 * and the project); each may repeat (any of its values matches). A feed of kind {@link FeedKind#FILTER} lists what it matches.
 */
public record SavedFilter(long id, String ownerKey, String name, Map<String, List<String>> filters, Instant createdAt) {
    /** The calendar's filters, as the calendar page's query string names them. */
    public static final List<String> FILTERS = List.of("project", "network", "account", "campaign", "state", "author", "department");
    public static final int MAX_NAME = 80;
    public static final int MAX_VALUES = 50;
    public static final int MAX_VALUE_LENGTH = 120;

    public SavedFilter {
        Objects.requireNonNull(ownerKey, "ownerKey");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        filters = copy(filters);
    }

    /** Only the values given for {@code filter}; empty when the filter is not set. */
    public List<String> values(String filter) {
        return filters.getOrDefault(filter, List.of());
    }

    /** The calendar's own filter for these values (the project is not one of its filters: {@link #values(String)}). */
    public CalendarFilter calendarFilter() {
        return calendarFilter(filters);
    }

    static CalendarFilter calendarFilter(Map<String, List<String>> filters) {
        return CalendarFilter.read(get(filters, "network"), get(filters, "account"), get(filters, "campaign"), get(filters, "state"),
                get(filters, "author"), get(filters, "department"));
    }

    private static List<String> get(Map<String, List<String>> filters, String name) {
        return filters.getOrDefault(name, List.of());
    }

    /** In the calendar's order, without empty filters, unmodifiable. */
    static Map<String, List<String>> copy(Map<String, List<String>> filters) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : FILTERS) {
            List<String> values = filters.get(name);
            if (values != null && !values.isEmpty()) out.put(name, List.copyOf(new ArrayList<>(values)));
        }
        return Collections.unmodifiableMap(out);
    }
}
