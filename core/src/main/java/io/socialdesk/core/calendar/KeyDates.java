package io.socialdesk.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The key dates of a range: public holidays of the chosen countries ({@link PublicHolidays}), the built-in
 * observances of social media work, and the team's own dates.
 */
public final class KeyDates {
    /** Built-in observances of the trade: computed (the fourth Monday of January) or fixed. */
    public static final List<TeamKeyDate> OBSERVANCES = List.of(
            new TeamKeyDate(0, "", "Community Manager Appreciation Day", new KeyDateRule.NthWeekday(4, DayOfWeek.MONDAY, Optional.of(Month.JANUARY)),
                    "", "", java.time.Instant.EPOCH),
            new TeamKeyDate(0, "", "World Social Media Day", new KeyDateRule.Yearly(MonthDay.of(6, 30)), "", "", java.time.Instant.EPOCH));

    private KeyDates() {}

    /** Every key date in {@code [from, to)} for {@code projectKey} (empty: all projects), by date then kind. */
    public static List<KeyDate> between(LocalDate from, LocalDate to, Set<String> countries, List<TeamKeyDate> team, String projectKey) {
        List<KeyDate> out = new ArrayList<>(PublicHolidays.between(countries, from, to));
        for (TeamKeyDate o : OBSERVANCES) {
            o.rule().between(from, to).forEach(d -> out.add(KeyDate.observance(d, o.name())));
        }
        for (TeamKeyDate t : team) {
            if (projectKey == null || projectKey.isEmpty() || t.projectKey().isEmpty() || t.projectKey().equals(projectKey)) {
                out.addAll(t.between(from, to));
            }
        }
        out.sort(Comparator.comparing(KeyDate::date).thenComparing(KeyDate::kind));
        return out;
    }
}
