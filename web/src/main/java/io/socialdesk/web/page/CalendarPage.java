package io.socialdesk.web.page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@value #TEMPLATE} needs besides the calendar itself, the same in every host: the view shown (month, week or
 * list) and the addresses of the previous, next and today's view, of the other views and of the filters form, the
 * filters' options with what is picked, the legend, and where calendar.js sends a drop. Addresses are the host's
 * ({@code pageUrl} and {@code fixedParameters}, e.g. Jira's servlet and its {@code project}); the template holds
 * none. Getters only, for Jira's Velocity allowlist.
 */
public final class CalendarPage {
    public static final String TEMPLATE = "templates/socialdesk/calendar.vm";

    /** Month, week or list (agenda); the list covers the same month as the month view. */
    public enum View {
        MONTH, WEEK, LIST;

        public String slug() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final View view;
    private final LocalDate anchor;
    private final LocalDate today;
    private final Locale locale;
    private final String pageUrl;
    private final Map<String, String> fixed;
    private final Map<String, String> picked;
    private final List<FilterView> filters;
    private final String rescheduleBase;
    private final boolean mayReschedule;
    private final String project;

    /**
     * @param anchor a day in the month or week shown
     * @param pageUrl this page's address without a query, e.g. {@code /calendar}
     * @param fixed parameters every address of the page keeps (Jira: {@code project}), in order
     * @param filters the filters, each with its options and the value picked ("" for none)
     * @param rescheduleBase where a post is rescheduled: {@code rescheduleBase/{id}/reschedule}
     */
    public CalendarPage(View view, LocalDate anchor, LocalDate today, Locale locale, String pageUrl, Map<String, String> fixed,
            List<Filter> filters, String rescheduleBase, boolean mayReschedule, String project) {
        this.view = view;
        this.anchor = anchor;
        this.today = today;
        this.locale = locale;
        this.pageUrl = pageUrl;
        this.fixed = new LinkedHashMap<>(fixed);
        this.picked = new LinkedHashMap<>();
        filters.forEach(f -> {
            if (!f.value().isEmpty()) picked.put(f.name(), f.value());
        });
        this.filters = filters.stream().map(FilterView::new).toList();
        this.rescheduleBase = rescheduleBase;
        this.mayReschedule = mayReschedule;
        this.project = project == null ? "" : project;
    }

    /** The first and last day the view covers. */
    public LocalDate from() {
        return view == View.WEEK ? anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : anchor.withDayOfMonth(1);
    }

    public LocalDate to() {
        return view == View.WEEK ? from().plusDays(6) : YearMonth.from(anchor).atEndOfMonth();
    }

    /** The address of {@code view} around {@code day}, with the filters picked. */
    String url(View target, LocalDate day, boolean withFilters) {
        Map<String, String> query = new LinkedHashMap<>(fixed);
        query.put("view", target.slug());
        if (target == View.WEEK) query.put("week", isoWeek(day));
        else query.put("month", YearMonth.from(day).toString());
        if (withFilters) query.putAll(picked);
        StringBuilder url = new StringBuilder(pageUrl);
        char separator = pageUrl.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            url.append(separator).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            separator = '&';
        }
        return url.toString();
    }

    /** {@code 2026-W48}: the ISO week holding {@code day}, as CalendarQuery reads it. */
    static String isoWeek(LocalDate day) {
        return String.format(Locale.ROOT, "%d-W%02d", day.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                day.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private LocalDate step(int direction) {
        return view == View.WEEK ? anchor.plusWeeks(direction) : anchor.plusMonths(direction);
    }

    public String getView() { return view.slug(); }
    public String getTitle() {
        if (view != View.WEEK) return DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(anchor);
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        return day.format(from()) + " \u2013 " + day.format(to());
    }
    public String getPreviousUrl() { return url(view, step(-1), true); }
    public String getNextUrl() { return url(view, step(1), true); }
    public String getTodayUrl() { return url(view, today, true); }
    public String getClearUrl() { return url(view, anchor, false); }
    public List<ViewLink> getViews() {
        List<ViewLink> links = new ArrayList<>();
        for (View v : View.values()) links.add(new ViewLink(v.slug(), url(v, anchor, true), v == view));
        return links;
    }
    /** The filters form sends to the page itself; it keeps the view, its period and the fixed parameters as hidden fields. */
    public String getFormAction() { return pageUrl; }
    public List<Hidden> getHiddenFields() {
        List<Hidden> hidden = new ArrayList<>();
        fixed.forEach((k, v) -> hidden.add(new Hidden(k, v)));
        hidden.add(new Hidden("view", view.slug()));
        if (view == View.WEEK) hidden.add(new Hidden("week", isoWeek(anchor)));
        else hidden.add(new Hidden("month", YearMonth.from(anchor).toString()));
        return hidden;
    }
    public List<FilterView> getFilters() { return filters; }
    public boolean getFiltered() { return !picked.isEmpty(); }
    /** Every state, in the order a post goes through them. */
    public List<LegendItem> getLegend() { return java.util.Arrays.stream(io.socialdesk.core.post.PostState.values()).map(s -> new LegendItem(s.name())).toList(); }
    public String getRescheduleBase() { return rescheduleBase; }
    public boolean getMayReschedule() { return mayReschedule; }
    public boolean getHasProject() { return !project.isEmpty(); }
    public String getProject() { return project; }

    /** A filter as the host builds it: its query parameter, its label's key, its options and the value picked. */
    public record Filter(String name, String labelKey, List<Option> options, String value) {
        public Filter {
            value = value == null ? "" : value;
            options = List.copyOf(options);
        }
    }

    /** One option: its value, and either a text or (labelIsKey) an i18n key. */
    public record Option(String value, String label, boolean labelIsKey) {}

    /** A filter as the template reads it. */
    public static final class FilterView {
        private final Filter filter;

        FilterView(Filter filter) {
            this.filter = filter;
        }

        public String getName() { return filter.name(); }
        public String getLabelKey() { return filter.labelKey(); }
        public List<OptionView> getOptions() {
            return filter.options().stream().map(o -> new OptionView(o, o.value().equals(filter.value()))).toList();
        }
    }

    public static final class OptionView {
        private final Option option;
        private final boolean selected;

        OptionView(Option option, boolean selected) {
            this.option = option;
            this.selected = selected;
        }

        public String getValue() { return option.value(); }
        public String getLabel() { return option.label(); }
        public boolean getHasLabelKey() { return option.labelIsKey(); }
        public boolean getSelected() { return selected; }
    }

    public static final class ViewLink {
        private final String name;
        private final String url;
        private final boolean current;

        ViewLink(String name, String url, boolean current) {
            this.name = name;
            this.url = url;
            this.current = current;
        }

        public String getName() { return name; }
        public String getUrl() { return url; }
        public boolean getCurrent() { return current; }
        public String getLabelKey() { return "socialdesk.calendar.view." + name; }
    }

    public static final class Hidden {
        private final String name;
        private final String value;

        Hidden(String name, String value) {
            this.name = name;
            this.value = value;
        }

        public String getName() { return name; }
        public String getValue() { return value; }
    }

    public static final class LegendItem {
        private final String state;

        LegendItem(String state) {
            this.state = state;
        }

        public String getState() { return state; }
        public String getLabelKey() { return "socialdesk.state." + state.toLowerCase(Locale.ROOT); }
    }
}
