package io.socialdesk.web.calendar;

import java.util.List;

/** A row of the month grid, or the week view: seven days, Monday first. */
public final class CalendarWeek {
    private final int number;
    private final List<CalendarDay> days;

    CalendarWeek(int number, List<CalendarDay> days) {
        this.number = number;
        this.days = List.copyOf(days);
    }

    /** The ISO week number. */
    public int getNumber() { return number; }
    public String getNumberText() { return Integer.toString(number); }
    public List<CalendarDay> getDays() { return days; }
}
