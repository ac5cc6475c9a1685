package io.socialdesk.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a key date falls, written as people say it and stored as that text:
 * <ul>
 * <li>{@code 2026-06-11}: once;</li>
 * <li>{@code 05-04}: every year on that day;</li>
 * <li>{@code fourth monday of january}, {@code last friday of may}: every year;</li>
 * <li>{@code last friday of the month}, {@code first monday of the month}: every month;</li>
 * <li>{@code easter}, {@code easter+1}, {@code easter-2}: days from Western Easter Sunday.</li>
 * </ul>
 */
public sealed interface KeyDateRule {
    /** The rule's text, as {@link #parse} reads it back. */
    String text();

    /** The days in {@code [from, to)} the rule names, in order. */
    List<LocalDate> between(LocalDate from, LocalDate to);

    record Once(LocalDate date) implements KeyDateRule {
        public String text() { return date.toString(); }

        public List<LocalDate> between(LocalDate from, LocalDate to) {
            return !date.isBefore(from) && date.isBefore(to) ? List.of(date) : List.of();
        }
    }

    record Yearly(MonthDay day) implements KeyDateRule {
        public String text() { return String.format("%02d-%02d", day.getMonthValue(), day.getDayOfMonth()); }

        public List<LocalDate> between(LocalDate from, LocalDate to) {
            List<LocalDate> days = new ArrayList<>();
            for (int y = from.getYear(); y <= to.getYear(); y++) {
                // 29 February only in leap years: no stand-in day.
                if (day.isValidYear(y)) add(days, day.atYear(y), from, to);
            }
            return days;
        }
    }

    /** The n-th (1 to 5, or -1 for the last) weekday of a month, or of every month when {@code month} is empty. */
    record NthWeekday(int n, DayOfWeek weekday, Optional<Month> month) implements KeyDateRule {
        public NthWeekday {
            if (n != -1 && (n < 1 || n > 5)) throw new IllegalArgumentException("n is 1 to 5 or -1 (last)");
        }

        public String text() {
            return (n == -1 ? "last" : ORDINALS.get(n - 1)) + " " + weekday.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT)
                    + " of " + month.map(m -> m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT)).orElse("the month");
        }

        public List<LocalDate> between(LocalDate from, LocalDate to) {
            List<LocalDate> days = new ArrayList<>();
            for (YearMonth ym = YearMonth.from(from); !ym.atDay(1).isAfter(to); ym = ym.plusMonths(1)) {
                if (month.isPresent() && ym.getMonth() != month.get()) continue;
                on(ym).ifPresent(d -> add(days, d, from, to));
            }
            return days;
        }

        /** This rule's day in one month: a fifth Monday does not exist in every month. */
        public Optional<LocalDate> on(YearMonth ym) {
            LocalDate d = n == -1 ? ym.atEndOfMonth().with(TemporalAdjusters.lastInMonth(weekday))
                    : ym.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(n, weekday));
            return YearMonth.from(d).equals(ym) ? Optional.of(d) : Optional.empty();
        }
    }

    /** Days from Western (Gregorian) Easter Sunday: Good Friday is {@code easter-2}, Ascension {@code easter+39}. */
    record FromEaster(int days) implements KeyDateRule {
        public FromEaster {
            if (Math.abs(days) > 200) throw new IllegalArgumentException("at most 200 days from Easter");
        }

        public String text() { return days == 0 ? "easter" : "easter" + (days > 0 ? "+" : "") + days; }

        public List<LocalDate> between(LocalDate from, LocalDate to) {
            List<LocalDate> out = new ArrayList<>();
            for (int y = from.getYear() - 1; y <= to.getYear() + 1; y++) add(out, easter(y).plusDays(days), from, to);
            return out;
        }
    }

    List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth");

    /** Western Easter Sunday of {@code year} (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }

    private static void add(List<LocalDate> days, LocalDate d, LocalDate from, LocalDate to) {
        if (!d.isBefore(from) && d.isBefore(to)) days.add(d);
    }

    Pattern NTH = Pattern.compile("(first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\\s+([a-z]+)\\s+of\\s+(the\\s+month|every\\s+month|month|[a-z]+)");
    Pattern EASTER = Pattern.compile("easter\\s*(?:([+-])\\s*(\\d{1,3}))?");
    Pattern ONCE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    Pattern YEARLY = Pattern.compile("(\\d{2})-(\\d{2})");

    /** Reads a rule's text; empty when it is none of the forms above (the caller names the field). */
    static Optional<KeyDateRule> parse(String text) {
        if (text == null) return Optional.empty();
        String s = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        try {
            if (ONCE.matcher(s).matches()) return Optional.of(new Once(LocalDate.parse(s)));
            Matcher y = YEARLY.matcher(s);
            if (y.matches()) return Optional.of(new Yearly(MonthDay.of(Integer.parseInt(y.group(1)), Integer.parseInt(y.group(2)))));
            Matcher e = EASTER.matcher(s);
            if (e.matches()) {
                int days = e.group(1) == null ? 0 : Integer.parseInt(e.group(2)) * (e.group(1).equals("-") ? -1 : 1);
                return Optional.of(new FromEaster(days));
            }
            Matcher n = NTH.matcher(s);
            if (n.matches()) {
                String o = n.group(1);
                int nth = o.equals("last") ? -1 : (Character.isDigit(o.charAt(0)) ? o.charAt(0) - '0' : ORDINALS.indexOf(o) + 1);
                DayOfWeek weekday = DayOfWeek.valueOf(n.group(2).toUpperCase(Locale.ROOT));
                String m = n.group(3);
                Optional<Month> month = m.endsWith("month") ? Optional.empty() : Optional.of(Month.valueOf(m.toUpperCase(Locale.ROOT)));
                return Optional.of(new NthWeekday(nth, weekday, month));
            }
        } catch (RuntimeException ex) { // DateTimeException, IllegalArgumentException: not a date, not a day or month name
            return Optional.empty();
        }
        return Optional.empty();
    }
}
