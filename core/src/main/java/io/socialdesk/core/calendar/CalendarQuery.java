package io.socialdesk.core.calendar;

import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.problem.InvalidInputException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar's question: which days ({@code [from, to)}, dates in the viewer's zone), how they are shown
 * (month grid, week, or list), in which zone, which posts ({@link CalendarFilter}) and whose public holidays.
 * A range is at most {@link #MAX_DAYS} days, so that no request reads more than a year of posts.
 */
public record CalendarQuery(View view, LocalDate from, LocalDate to, ZoneId zone, CalendarFilter filter, Set<String> countries) {
    public static final int MAX_DAYS = 366;
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    /** How the days are laid out: a month grid (whole weeks, Monday first), one week, or a list (agenda). */
    public enum View {
        MONTH, WEEK, LIST;

        public String slug() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public CalendarQuery {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(zone, "zone");
        filter = filter == null ? CalendarFilter.NONE : filter;
        countries = countries == null ? Set.of() : Set.copyOf(countries);
        if (!from.isBefore(to)) throw new IllegalArgumentException("from must be before to");
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) throw new IllegalArgumentException("range: at most " + MAX_DAYS + " days");
    }

    public static CalendarQuery month(YearMonth month, ZoneId zone, CalendarFilter filter, Set<String> countries) {
        return new CalendarQuery(View.MONTH, month.atDay(1), month.plusMonths(1).atDay(1), zone, filter, countries);
    }

    /** The ISO week (Monday to Sunday) holding {@code day}. */
    public static CalendarQuery week(LocalDate day, ZoneId zone, CalendarFilter filter, Set<String> countries) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new CalendarQuery(View.WEEK, monday, monday.plusDays(7), zone, filter, countries);
    }

    /** The first instant shown. A month view shows whole weeks, so its grid starts on the Monday on or before the 1st. */
    public LocalDate gridFrom() {
        return view == View.MONTH ? from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : from;
    }

    /** The day after the last day shown (the month grid ends on a Sunday). */
    public LocalDate gridTo() {
        return view == View.MONTH ? to.minusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)).plusDays(1) : to;
    }

    public Instant start() {
        return gridFrom().atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return gridTo().atStartOfDay(zone).toInstant();
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to);
    }

    /** The month the query shows (the month of its first day). */
    public YearMonth month() {
        return YearMonth.from(from);
    }

    /**
     * Reads a query as a page or client sends it, refusing with the field and the rule: {@code month}
     * ({@code 2026-03}), {@code week} ({@code 2026-W10}), or {@code from} and {@code to} (ISO dates,
     * {@code to} excluded; a date-time's date is taken, as calendar widgets send them); none of them: the
     * month of {@code today}. {@code view}: month, week or list; {@code zone}: an IANA zone, else {@code defaultZone}.
     */
    public static CalendarQuery read(String view, String month, String week, String from, String to, String zone, ZoneId defaultZone,
            CalendarFilter filter, Set<String> countries, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        ZoneId z = defaultZone;
        if (zone != null && !zone.isBlank()) {
            try {
                z = ZoneId.of(zone.strip());
            } catch (DateTimeException e) {
                problems.add(new FieldProblem("zone", "iana-zone", "The time zone must be an IANA zone id such as Europe/Paris"));
            }
        }
        View v = null;
        if (view == null || view.isBlank()) {
            v = week != null && !week.isBlank() ? View.WEEK : (from != null && !from.isBlank() ? View.LIST : View.MONTH);
        } else {
            try {
                v = View.valueOf(view.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("view", "calendar-view", "The view is month, week or list"));
            }
        }
        boolean hasMonth = month != null && !month.isBlank();
        boolean hasWeek = week != null && !week.isBlank();
        boolean hasRange = (from != null && !from.isBlank()) || (to != null && !to.isBlank());
        int given = (hasMonth ? 1 : 0) + (hasWeek ? 1 : 0) + (hasRange ? 1 : 0);
        LocalDate f = null;
        LocalDate t = null;
        if (given > 1) {
            problems.add(new FieldProblem("month", "one-of", "Give a month, a week, or from and to: only one of them"));
        } else if (hasMonth) {
            YearMonth m = yearMonth(month.strip());
            if (m == null) {
                problems.add(new FieldProblem("month", "year-month", "The month must be a year and a month such as 2026-03"));
            } else {
                f = m.atDay(1);
                t = m.plusMonths(1).atDay(1);
            }
        } else if (hasWeek) {
            Matcher wm = WEEK.matcher(week.strip());
            LocalDate monday = null;
            if (wm.matches()) {
                try {
                    int year = Integer.parseInt(wm.group(1));
                    int w = Integer.parseInt(wm.group(2));
                    LocalDate probe = LocalDate.of(year, 6, 1);
                    if (w >= 1 && w <= probe.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()
                            && w <= LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)) {
                        monday = probe.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, w).with(DayOfWeek.MONDAY);
                    }
                } catch (DateTimeException | NumberFormatException e) {
                    monday = null;
                }
            }
            if (monday == null) {
                problems.add(new FieldProblem("week", "iso-week", "The week must be an ISO week such as 2026-W10"));
            } else {
                f = monday;
                t = monday.plusDays(7);
            }
        } else if (hasRange) {
            f = date("from", from, problems);
            t = date("to", to, problems);
            if (f != null && t != null) {
                if (!f.isBefore(t)) {
                    problems.add(new FieldProblem("to", "after-from", "The end date (excluded) must come after the start date"));
                } else if (ChronoUnit.DAYS.between(f, t) > MAX_DAYS) {
                    problems.add(new FieldProblem("to", "max-range", "range: at most " + MAX_DAYS + " days (this one has "
                            + ChronoUnit.DAYS.between(f, t) + ")"));
                }
            }
        } else {
            f = today.withDayOfMonth(1);
            t = f.plusMonths(1);
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        if (v == View.WEEK && !hasWeek && !hasRange) {
            return week(hasMonth ? f : today, z, filter, countries);
        }
        return new CalendarQuery(v, f, t, z, filter, countries);
    }

    /** {@code 2026-03}, the month; null for anything else ({@code 2026-13}, {@code march}, {@code 99999-01}). */
    public static YearMonth yearMonth(String text) {
        if (text == null) return null;
        Matcher m = MONTH.matcher(text.strip());
        if (!m.matches()) return null;
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) return null;
        return YearMonth.of(Integer.parseInt(m.group(1)), month);
    }

    private static LocalDate date(String field, String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, "required", "Give both from and to (ISO dates such as 2026-03-01)"));
            return null;
        }
        String s = text.strip();
        try {
            return LocalDate.parse(s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s);
        } catch (DateTimeException e) {
            problems.add(new FieldProblem(field, "iso-date", "The " + field + " date must be an ISO date such as 2026-03-01"));
            return null;
        }
    }
}
