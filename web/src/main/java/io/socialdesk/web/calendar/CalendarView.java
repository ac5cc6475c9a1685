package io.socialdesk.web.calendar;

import io.socialdesk.core.calendar.Blackout;
import io.socialdesk.core.calendar.CalendarData;
import io.socialdesk.core.calendar.CalendarEntry;
import io.socialdesk.core.calendar.CalendarFilter;
import io.socialdesk.core.calendar.CalendarQuery;
import io.socialdesk.core.calendar.Clash;
import io.socialdesk.core.calendar.Gap;
import io.socialdesk.core.calendar.KeyDate;
import io.socialdesk.core.post.PostState;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The editorial calendar's view model, one for every rendering: the server page and Jira's project tab (Velocity),
 * the Confluence macro, and the JSON of {@code GET /calendar}. A month grid (whole weeks), a week, or a list of the
 * days that have something; a legend by state that names each state and gives it a symbol (never colour alone);
 * key dates and blackout periods per day; clashes and gaps listed. Getters only: Jira 10 calls nothing else from
 * a template. Texts are escaped by the templates, not here.
 */
public final class CalendarView {
    private final CalendarData data;
    private final Locale locale;
    private final List<CalendarDay> days;
    private final List<CalendarItem> items;
    private final List<CalendarLegend.Item> legend;

    private CalendarView(CalendarData data, Locale locale) {
        this.data = data;
        this.locale = locale;
        Set<Long> clashing = new HashSet<>();
        for (Clash c : data.clashes()) {
            clashing.add(c.firstPostId());
            clashing.add(c.secondPostId());
        }
        this.items = data.entries().stream().map(e -> new CalendarItem(e, clashing.contains(e.postId()))).toList();
        this.days = days(data, locale, items);
        Map<PostState, Integer> counts = new EnumMap<>(PostState.class);
        for (CalendarEntry e : data.entries()) counts.merge(e.state(), 1, Integer::sum);
        List<CalendarLegend.Item> rows = new ArrayList<>();
        // Every state is in the legend, in the workflow's order, so that the legend does not move from month to month.
        for (PostState s : PostState.values()) rows.add(new CalendarLegend.Item(s, counts.getOrDefault(s, 0)));
        this.legend = List.copyOf(rows);
    }

    public static CalendarView of(CalendarData data, Locale locale) {
        return new CalendarView(data, locale);
    }

    private static List<CalendarDay> days(CalendarData data, Locale locale, List<CalendarItem> items) {
        CalendarQuery q = data.query();
        Map<LocalDate, List<CalendarItem>> byDay = new HashMap<>();
        for (CalendarItem i : items) byDay.computeIfAbsent(i.entry().viewerDate(), d -> new ArrayList<>()).add(i);
        Map<LocalDate, List<CalendarMarks.KeyDateItem>> datesByDay = new HashMap<>();
        for (KeyDate k : data.keyDates()) datesByDay.computeIfAbsent(k.date(), d -> new ArrayList<>()).add(new CalendarMarks.KeyDateItem(k));
        Map<LocalDate, Boolean> gapDays = new HashMap<>();
        for (Gap g : data.gaps()) for (LocalDate d = g.from(); d.isBefore(g.to()); d = d.plusDays(1)) gapDays.put(d, true);
        List<CalendarDay> out = new ArrayList<>();
        for (LocalDate d = q.gridFrom(); d.isBefore(q.gridTo()); d = d.plusDays(1)) {
            LocalDate day = d;
            List<CalendarMarks.BlackoutItem> periods = new ArrayList<>();
            for (Blackout b : data.blackouts()) if (b.touches(day, q.zone())) periods.add(new CalendarMarks.BlackoutItem(b));
            out.add(new CalendarDay(day, locale, day.equals(data.today()), !day.isBefore(q.from()) && day.isBefore(q.to()),
                    byDay.getOrDefault(day, List.of()), datesByDay.getOrDefault(day, List.of()), periods, gapDays.containsKey(day)));
        }
        return out;
    }

    /** month, week or list. */
    public String getView() { return data.query().view().slug(); }
    public String getZone() { return data.query().zone().getId(); }
    /** The first and the day after the last day asked (ISO). */
    public String getFrom() { return data.query().from().toString(); }
    public String getTo() { return data.query().to().toString(); }
    /** The month shown ({@code 2026-03}), and the ones before and after, for the navigation. */
    public String getMonth() { return data.query().month().toString(); }
    public String getPreviousMonth() { return data.query().month().minusMonths(1).toString(); }
    public String getNextMonth() { return data.query().month().plusMonths(1).toString(); }
    /** The ISO week shown ({@code 2026-W10}), and the ones before and after. */
    public String getWeek() { return isoWeek(data.query().from()); }
    public String getPreviousWeek() { return isoWeek(data.query().from().minusWeeks(1)); }
    public String getNextWeek() { return isoWeek(data.query().from().plusWeeks(1)); }
    /** The heading, in the viewer's language: {@code mars 2026}, or the week's first and last day. */
    public String getTitle() {
        CalendarQuery q = data.query();
        if (q.view() == CalendarQuery.View.MONTH) {
            String m = q.month().format(DateTimeFormatter.ofPattern("LLLL yyyy", locale));
            return Character.toUpperCase(m.charAt(0)) + m.substring(1);
        }
        DateTimeFormatter f = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
        return q.from().format(f) + " \u2013 " + q.to().minusDays(1).format(f);
    }
    public String getToday() { return data.today().toString(); }
    /** Monday to Sunday, short, in the viewer's language: the grid's column heads. */
    public List<String> getWeekdays() {
        List<String> names = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) names.add(d.getDisplayName(TextStyle.SHORT, locale));
        return names;
    }
    /** The month grid's (or the week's) rows. */
    public List<CalendarWeek> getWeeks() {
        List<CalendarWeek> weeks = new ArrayList<>();
        for (int i = 0; i + 7 <= days.size(); i += 7) {
            weeks.add(new CalendarWeek(days.get(i).date().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), days.subList(i, i + 7)));
        }
        return weeks;
    }
    /** Every day shown, in order. */
    public List<CalendarDay> getDays() { return days; }
    /** The list (agenda) view: the days asked that have a post, a key date or a period. */
    public List<CalendarDay> getAgenda() { return days.stream().filter(CalendarDay::getInRange).filter(d -> !d.getEmpty()).toList(); }
    /** Every post shown, soonest first. */
    public List<CalendarItem> getEntries() { return items; }
    public int getEntryCount() { return items.size(); }
    public String getEntryCountText() { return Integer.toString(items.size()); }
    /** No post matches (the page says so, and whether a filter is why). */
    public boolean getEmpty() { return items.isEmpty(); }
    public boolean getFiltered() { return !data.query().filter().isEmpty(); }
    /** More posts than one answer carries: the view says it shows the first ones only. */
    public boolean getTruncated() { return data.truncated(); }
    public List<CalendarLegend.Item> getLegend() { return legend; }
    public List<CalendarMarks.KeyDateItem> getKeyDates() { return data.keyDates().stream().map(CalendarMarks.KeyDateItem::new).toList(); }
    public List<CalendarMarks.BlackoutItem> getBlackouts() { return data.blackouts().stream().map(CalendarMarks.BlackoutItem::new).toList(); }
    public List<CalendarMarks.ClashItem> getClashes() { return data.clashes().stream().map(c -> new CalendarMarks.ClashItem(c, data.query().zone())).toList(); }
    public List<CalendarMarks.GapItem> getGaps() { return data.gaps().stream().map(CalendarMarks.GapItem::new).toList(); }
    /** The filter in force, as query parameters take it back. */
    public Map<String, List<String>> getFilter() {
        CalendarFilter f = data.query().filter();
        Map<String, List<String>> m = new java.util.LinkedHashMap<>();
        m.put("network", f.networks().stream().map(Enum::name).sorted().toList());
        m.put("account", f.accountIds().stream().sorted().map(String::valueOf).toList());
        m.put("campaign", f.campaigns().stream().sorted().toList());
        m.put("state", f.states().stream().map(Enum::name).sorted().toList());
        m.put("author", f.authors().stream().sorted().toList());
        m.put("department", f.departments().stream().map(Enum::name).sorted().toList());
        return m;
    }
    public List<String> getCountries() { return data.query().countries().stream().sorted().toList(); }

    private static String isoWeek(LocalDate d) {
        return String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
