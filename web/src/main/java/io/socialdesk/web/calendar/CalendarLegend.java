package io.socialdesk.web.calendar;

import io.socialdesk.core.approval.StateNames;
import io.socialdesk.core.post.PostState;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * A post state's name, symbol and CSS class: the legend reads without colour (each state has its own symbol and
 * its name next to it), and the colour is the stylesheet's, keyed by the class.
 */
public final class CalendarLegend {
    private static final Map<PostState, String> SYMBOLS = new EnumMap<>(Map.ofEntries(
            Map.entry(PostState.DRAFT, "\u270E"), Map.entry(PostState.IN_REVIEW, "\u2026"), Map.entry(PostState.CHANGES_REQUESTED, "\u21BA"),
            Map.entry(PostState.APPROVED, "\u2713"), Map.entry(PostState.SCHEDULED, "\u23F0"), Map.entry(PostState.PUBLISHING, "\u27A4"),
            Map.entry(PostState.PUBLISHED, "\u2714"), Map.entry(PostState.PARTIAL, "\u25D1"), Map.entry(PostState.FAILED, "\u2716"),
            Map.entry(PostState.UNCONFIRMED, "?"), Map.entry(PostState.MISSED, "\u231B"), Map.entry(PostState.REJECTED, "\u2298"),
            Map.entry(PostState.CANCELLED, "\u2205")));

    private CalendarLegend() {}

    /** The bundles' existing key for the state's name ({@code socialdesk.state.in_review}). */
    public static String labelKey(PostState state) {
        return "socialdesk.state." + state.name().toLowerCase(Locale.ROOT);
    }

    /** The English name, for JSON and where no bundle is at hand. */
    public static String label(PostState state) {
        return StateNames.label(state);
    }

    public static String symbol(PostState state) {
        return SYMBOLS.get(state);
    }

    public static String cssClass(PostState state) {
        return "sd-cal-state-" + state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** One row of the legend, with how many of the shown posts are in the state. */
    public static final class Item {
        private final PostState state;
        private final int count;

        Item(PostState state, int count) {
            this.state = state;
            this.count = count;
        }

        public String getState() { return state.name(); }
        public String getLabelKey() { return labelKey(state); }
        public String getLabel() { return label(state); }
        public String getSymbol() { return symbol(state); }
        public String getCssClass() { return cssClass(state); }
        public int getCount() { return count; }
    }
}
