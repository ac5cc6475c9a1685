package io.socialdesk.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.problem.InvalidInputException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a calendar's question is read from what a page or client sends, and refused when it is not one. */
class CalendarQueryTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 12);

    private static CalendarQuery read(String view, String month, String week, String from, String to, String zone) {
        return CalendarQuery.read(view, month, week, from, to, zone, PARIS, CalendarFilter.NONE, Set.of(), TODAY);
    }

    private static List<FieldProblem> problems(Runnable r) {
        try {
            r.run();
        } catch (InvalidInputException e) {
            return e.problems();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void nothingAskedIsThisMonthAsAGridOfWholeWeeksMondayFirst() {
        CalendarQuery q = read(null, null, null, null, null, null);
        assertThat(q.view()).isEqualTo(CalendarQuery.View.MONTH);
        assertThat(q.from()).isEqualTo("2026-03-01");
        assertThat(q.to()).isEqualTo("2026-04-01");
        assertThat(q.gridFrom()).isEqualTo("2026-02-23");
        assertThat(q.gridTo()).isEqualTo("2026-04-06");
        assertThat(q.start()).isEqualTo("2026-02-22T23:00:00Z");
    }

    @Test
    void aWeekIsMondayToSundayAndAWeekViewWithoutAWeekIsThisWeek() {
        CalendarQuery w = read(null, null, "2026-W10", null, null, "America/New_York");
        assertThat(w.view()).isEqualTo(CalendarQuery.View.WEEK);
        assertThat(w.from()).isEqualTo("2026-03-02");
        assertThat(w.to()).isEqualTo("2026-03-09");
        assertThat(w.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(read("week", null, null, null, null, null).from()).isEqualTo("2026-03-09");
    }

    @Test
    void aRangeTakesTheDateOfADateTimeAsCalendarWidgetsSendIt() {
        CalendarQuery q = read("list", null, null, "2026-03-30T00:00:00+02:00", "2026-05-11", null);
        assertThat(q.from()).isEqualTo("2026-03-30");
        assertThat(q.to()).isEqualTo("2026-05-11");
        assertThat(q.gridFrom()).as("a list shows what was asked").isEqualTo(q.from());
    }

    @Test
    void tenYearsIsRefusedBeforeAnythingIsReadNamingTheFieldAndTheRule() {
        assertThat(problems(() -> read(null, null, null, "2020-01-01", "2030-01-01", null)))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("to");
                    assertThat(p.rule()).isEqualTo("max-range");
                    assertThat(p.message()).startsWith("range: at most 366 days");
                });
        assertThat(read(null, null, null, "2028-01-01", "2029-01-01", null).days()).as("a leap year fits").isEqualTo(366);
        assertThatThrownBy(() -> new CalendarQuery(CalendarQuery.View.LIST, LocalDate.of(2020, 1, 1), LocalDate.of(2030, 1, 1), PARIS, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badMonthsWeeksDatesZonesAndViewsAreEachNamed() {
        for (String month : List.of("2026-13", "2026-00", "march", "2026-3", "99999-01", "2026-03-01", "'; drop table")) {
            assertThat(problems(() -> read(null, month, null, null, null, null))).as(month)
                    .extracting(FieldProblem::field, FieldProblem::rule).containsExactly(org.assertj.core.groups.Tuple.tuple("month", "year-month"));
        }
        assertThat(problems(() -> read(null, null, "2026-W54", null, null, null))).extracting(FieldProblem::rule).containsExactly("iso-week");
        assertThat(problems(() -> read(null, null, "2027-W53", null, null, null))).as("2027 has 52 weeks")
                .extracting(FieldProblem::rule).containsExactly("iso-week");
        assertThat(read(null, null, "2026-W53", null, null, null).from()).as("2026 has 53").isEqualTo("2026-12-28");
        assertThat(problems(() -> read(null, "2026-03", null, null, null, "Mars/Olympus_Mons"))).extracting(FieldProblem::field, FieldProblem::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("zone", "iana-zone"));
        assertThat(problems(() -> read("year", null, null, null, null, null))).extracting(FieldProblem::rule).containsExactly("calendar-view");
        assertThat(problems(() -> read(null, null, null, "2026-03-10", "2026-03-01", null))).extracting(FieldProblem::rule).containsExactly("after-from");
        assertThat(problems(() -> read(null, null, null, "2026-02-30", "2026-03-01", null))).extracting(FieldProblem::rule).containsExactly("iso-date");
        assertThat(problems(() -> read(null, null, null, "2026-02-01", null, null))).extracting(FieldProblem::field).containsExactly("to");
        assertThat(problems(() -> read(null, "2026-03", "2026-W10", null, null, null))).extracting(FieldProblem::rule).containsExactly("one-of");
    }

    @Test
    void filtersReadRepeatedOrCommaSeparatedAndRefuseUnknownValues() {
        CalendarFilter f = CalendarFilter.read(List.of("bluesky,X"), List.of("3", "4"), List.of("Spring"), List.of("in-review"), null,
                List.of("legal"));
        assertThat(f.networks()).containsExactlyInAnyOrder(Network.BLUESKY, Network.X);
        assertThat(f.accountIds()).containsExactlyInAnyOrder(3L, 4L);
        assertThat(f.states()).containsExactly(PostState.IN_REVIEW);
        InvalidInputException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> CalendarFilter.read(List.of("myspace"), List.of("-1", "abc"), null, List.of("lost"), null, List.of("sales")),
                InvalidInputException.class);
        assertThat(e.problems()).extracting(FieldProblem::field, FieldProblem::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("network", "known-network"), org.assertj.core.groups.Tuple.tuple("account", "positive-integer"),
                org.assertj.core.groups.Tuple.tuple("account", "positive-integer"), org.assertj.core.groups.Tuple.tuple("state", "known-state"),
                org.assertj.core.groups.Tuple.tuple("department", "known-department"));
        List<String> many = java.util.stream.IntStream.range(0, 51).mapToObj(i -> "c" + i).toList();
        assertThat(problems(() -> CalendarFilter.read(null, null, many, null, null, null))).extracting(FieldProblem::rule).containsExactly("max-values");
    }
}
