package io.socialdesk.web.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/** One day of a view: its posts (soonest first), key dates, blackout periods and whether an account has a gap. Getters only. */
public final class CalendarDay {
    private final LocalDate date;
    private final Locale locale;
    private final boolean today;
    private final boolean inRange;
    private final List<CalendarItem> items;
    private final List<CalendarMarks.KeyDateItem> keyDates;
    private final List<CalendarMarks.BlackoutItem> blackouts;
    private final boolean gap;

    CalendarDay(LocalDate date, Locale locale, boolean today, boolean inRange, List<CalendarItem> items, List<CalendarMarks.KeyDateItem> keyDates,
            List<CalendarMarks.BlackoutItem> blackouts, boolean gap) {
        this.date = date;
        this.locale = locale;
        this.today = today;
        this.inRange = inRange;
        this.items = List.copyOf(items);
        this.keyDates = List.copyOf(keyDates);
        this.blackouts = List.copyOf(blackouts);
        this.gap = gap;
    }

    /** ISO date: the drop target's value. */
    public String getDate() { return date.toString(); }
    public int getDayOfMonth() { return date.getDayOfMonth(); }
    public String getDayText() { return Integer.toString(date.getDayOfMonth()); }
    /** The date in words, in the viewer's language ({@code lundi 9 mars 2026}). */
    public String getLabel() { return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale)); }
    public boolean getToday() { return today; }
    /** False for the days of the month grid that belong to the month before or after. */
    public boolean getInRange() { return inRange; }
    public boolean getWeekend() { return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY; }
    public List<CalendarItem> getEntries() { return items; }
    public int getEntryCount() { return items.size(); }
    public List<CalendarMarks.KeyDateItem> getKeyDates() { return keyDates; }
    public List<CalendarMarks.BlackoutItem> getBlackouts() { return blackouts; }
    public boolean getBlackedOut() { return !blackouts.isEmpty(); }
    /** True when some account has posted nothing for its gap days, this day included. */
    public boolean getGap() { return gap; }
    /** Nothing to show: no post, key date or period (the list view skips such days). */
    public boolean getEmpty() { return items.isEmpty() && keyDates.isEmpty() && blackouts.isEmpty(); }

    LocalDate date() { return date; }
}
