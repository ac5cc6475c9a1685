package io.socialdesk.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * National public holidays, as a rules table (docs/calendar.md says why not a library): France, Belgium,
 * Switzerland (the four days federal law makes nationwide), Canada (federal statutory holidays), the United
 * Kingdom (England and Wales bank holidays, with substitute days) and the United States (federal holidays,
 * with the observed weekday). Regional days (cantons, provinces, Scotland, Alsace-Moselle) and one-off
 * proclamations are not included.
 */
public final class PublicHolidays {
    /** The countries this table knows, by ISO 3166 code ({@code UK} is read as {@code GB}). */
    public static final List<String> COUNTRIES = List.of("FR", "BE", "CH", "CA", "GB", "US");

    /** The days a row names in {@code [from, to)}. */
    private interface Days {
        List<LocalDate> between(LocalDate from, LocalDate to);
    }

    private record Row(String name, Days rule, IntPredicate since) {
        Row(String name, KeyDateRule rule) {
            this(name, rule::between, y -> true);
        }

        Row(String name, KeyDateRule rule, IntPredicate since) {
            this(name, (Days) rule::between, since);
        }
    }

    private static final Map<String, List<Row>> TABLE = Map.of(
            "FR", List.of(
                    new Row("Jour de l'an", yearly(1, 1)), new Row("Lundi de Pâques", new KeyDateRule.FromEaster(1)),
                    new Row("Fête du Travail", yearly(5, 1)), new Row("Victoire 1945", yearly(5, 8)),
                    new Row("Ascension", new KeyDateRule.FromEaster(39)), new Row("Lundi de Pentecôte", new KeyDateRule.FromEaster(50)),
                    new Row("Fête nationale", yearly(7, 14)), new Row("Assomption", yearly(8, 15)), new Row("Toussaint", yearly(11, 1)),
                    new Row("Armistice 1918", yearly(11, 11)), new Row("Noël", yearly(12, 25))),
            "BE", List.of(
                    new Row("Nouvel An / Nieuwjaar", yearly(1, 1)), new Row("Lundi de Pâques / Paasmaandag", new KeyDateRule.FromEaster(1)),
                    new Row("Fête du Travail / Dag van de Arbeid", yearly(5, 1)),
                    new Row("Ascension / O.L.H. Hemelvaart", new KeyDateRule.FromEaster(39)),
                    new Row("Lundi de Pentecôte / Pinkstermaandag", new KeyDateRule.FromEaster(50)),
                    new Row("Fête nationale / Nationale feestdag", yearly(7, 21)),
                    new Row("Assomption / O.L.V. Hemelvaart", yearly(8, 15)), new Row("Toussaint / Allerheiligen", yearly(11, 1)),
                    new Row("Armistice / Wapenstilstand", yearly(11, 11)), new Row("Noël / Kerstmis", yearly(12, 25))),
            "CH", List.of(
                    new Row("Neujahr / Nouvel An", yearly(1, 1)), new Row("Auffahrt / Ascension", new KeyDateRule.FromEaster(39)),
                    new Row("Bundesfeier / Fête nationale", yearly(8, 1)), new Row("Weihnachten / Noël", yearly(12, 25))),
            "CA", List.of(
                    new Row("New Year's Day", yearly(1, 1)), new Row("Good Friday", new KeyDateRule.FromEaster(-2)),
                    new Row("Victoria Day", PublicHolidays::victoriaDay, y -> true), new Row("Canada Day", yearly(7, 1)),
                    new Row("Labour Day", nth(1, DayOfWeek.MONDAY, Month.SEPTEMBER)),
                    new Row("National Day for Truth and Reconciliation", yearly(9, 30), y -> y >= 2021),
                    new Row("Thanksgiving", nth(2, DayOfWeek.MONDAY, Month.OCTOBER)), new Row("Remembrance Day", yearly(11, 11)),
                    new Row("Christmas Day", yearly(12, 25)), new Row("Boxing Day", yearly(12, 26))),
            "GB", List.of(
                    new Row("Good Friday", new KeyDateRule.FromEaster(-2)), new Row("Easter Monday", new KeyDateRule.FromEaster(1)),
                    new Row("Early May bank holiday", nth(1, DayOfWeek.MONDAY, Month.MAY)),
                    new Row("Spring bank holiday", nth(-1, DayOfWeek.MONDAY, Month.MAY)),
                    new Row("Summer bank holiday", nth(-1, DayOfWeek.MONDAY, Month.AUGUST))),
            "US", List.of(
                    new Row("Birthday of Martin Luther King, Jr.", nth(3, DayOfWeek.MONDAY, Month.JANUARY)),
                    new Row("Washington's Birthday", nth(3, DayOfWeek.MONDAY, Month.FEBRUARY)),
                    new Row("Memorial Day", nth(-1, DayOfWeek.MONDAY, Month.MAY)), new Row("Labor Day", nth(1, DayOfWeek.MONDAY, Month.SEPTEMBER)),
                    new Row("Columbus Day", nth(2, DayOfWeek.MONDAY, Month.OCTOBER)),
                    new Row("Thanksgiving Day", nth(4, DayOfWeek.THURSDAY, Month.NOVEMBER))));

    /** US fixed-date federal holidays: on a Saturday the Friday before is observed, on a Sunday the Monday after. */
    private static final List<Row> US_FIXED = List.of(new Row("New Year's Day", yearly(1, 1)),
            new Row("Juneteenth National Independence Day", yearly(6, 19), y -> y >= 2021), new Row("Independence Day", yearly(7, 4)),
            new Row("Veterans Day", yearly(11, 11)), new Row("Christmas Day", yearly(12, 25)));

    private PublicHolidays() {}

    /** {@code fr}, {@code UK}, {@code gb} → the table's code; empty for a country it does not know. */
    public static Optional<String> country(String code) {
        if (code == null) return Optional.empty();
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (c.equals("UK")) c = "GB";
        return COUNTRIES.contains(c) ? Optional.of(c) : Optional.empty();
    }

    /** The public holidays of these countries in {@code [from, to)}, by date then country. */
    public static List<KeyDate> between(Set<String> countries, LocalDate from, LocalDate to) {
        List<KeyDate> out = new ArrayList<>();
        for (String c : COUNTRIES) {
            if (!countries.contains(c)) continue;
            for (Row row : TABLE.get(c)) {
                for (LocalDate d : row.rule.between(from, to)) if (row.since.test(d.getYear())) out.add(KeyDate.holiday(d, row.name, c));
            }
            if (c.equals("US")) usFixed(from, to, out);
            if (c.equals("GB")) ukFixed(from, to, out);
        }
        out.sort(Comparator.comparing(KeyDate::date).thenComparing(k -> COUNTRIES.indexOf(k.region())));
        return out;
    }

    private static void usFixed(LocalDate from, LocalDate to, List<KeyDate> out) {
        // Look a day past each end: 1 January on a Saturday is observed on 31 December before it.
        for (Row row : US_FIXED) {
            for (LocalDate d : row.rule.between(from.minusDays(1), to.plusDays(1))) {
                if (!row.since.test(d.getYear())) continue;
                add(out, from, to, d, row.name, "US");
                LocalDate observed = d.getDayOfWeek() == DayOfWeek.SATURDAY ? d.minusDays(1)
                        : d.getDayOfWeek() == DayOfWeek.SUNDAY ? d.plusDays(1) : d;
                if (!observed.equals(d)) add(out, from, to, observed, row.name + " (observed)", "US");
            }
        }
    }

    /** New Year's Day, Christmas and Boxing Day: a bank holiday falling on a weekend moves to the next free weekday. */
    private static void ukFixed(LocalDate from, LocalDate to, List<KeyDate> out) {
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            LocalDate newYear = LocalDate.of(y, 1, 1);
            add(out, from, to, nextWeekday(newYear), "New Year's Day" + (nextWeekday(newYear).equals(newYear) ? "" : " (substitute day)"), "GB");
            // A day that is a weekday keeps it; one on a weekend moves to the next weekday neither takes (gov.uk's rule).
            LocalDate christmas = LocalDate.of(y, 12, 25);
            LocalDate boxing = LocalDate.of(y, 12, 26);
            java.util.Set<LocalDate> taken = new java.util.HashSet<>();
            if (nextWeekday(christmas).equals(christmas)) taken.add(christmas);
            if (nextWeekday(boxing).equals(boxing)) taken.add(boxing);
            LocalDate christmasOff = free(christmas, taken);
            LocalDate boxingOff = free(boxing, taken);
            add(out, from, to, christmasOff, "Christmas Day" + (christmasOff.equals(christmas) ? "" : " (substitute day)"), "GB");
            add(out, from, to, boxingOff, "Boxing Day" + (boxingOff.equals(boxing) ? "" : " (substitute day)"), "GB");
        }
    }

    /** The day itself when it is a weekday, else the next weekday not taken yet; taken from then on. */
    private static LocalDate free(LocalDate d, java.util.Set<LocalDate> taken) {
        if (taken.contains(d)) return d;
        LocalDate f = nextWeekday(d);
        while (taken.contains(f)) f = nextWeekday(f.plusDays(1));
        taken.add(f);
        return f;
    }

    private static LocalDate nextWeekday(LocalDate d) {
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) d = d.plusDays(1);
        return d;
    }

    private static void add(List<KeyDate> out, LocalDate from, LocalDate to, LocalDate d, String name, String country) {
        if (!d.isBefore(from) && d.isBefore(to)) out.add(KeyDate.holiday(d, name, country));
    }

    private static KeyDateRule yearly(int month, int day) {
        return new KeyDateRule.Yearly(MonthDay.of(month, day));
    }

    private static KeyDateRule nth(int n, DayOfWeek weekday, Month month) {
        return new KeyDateRule.NthWeekday(n, weekday, Optional.of(month));
    }

    /** Canada's Victoria Day: the last Monday before 25 May. */
    private static List<LocalDate> victoriaDay(LocalDate from, LocalDate to) {
        List<LocalDate> out = new ArrayList<>();
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            LocalDate d = LocalDate.of(y, 5, 24).with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            if (!d.isBefore(from) && d.isBefore(to)) out.add(d);
        }
        return out;
    }
}
