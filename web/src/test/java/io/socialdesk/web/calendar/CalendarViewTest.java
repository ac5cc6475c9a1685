package io.socialdesk.web.calendar;

import static io.socialdesk.core.memory.MemoryCalendar.MARC;
import static io.socialdesk.core.memory.MemoryCalendar.PARIS;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.calendar.CalendarFilter;
import io.socialdesk.core.calendar.CalendarQuery;
import io.socialdesk.core.calendar.CalendarService;
import io.socialdesk.core.memory.MemoryCalendar;
import io.socialdesk.core.post.PostState;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The calendar's view model, as both hosts, the macro and the JSON render it. */
class CalendarViewTest {
    private final MemoryCalendar desk = new MemoryCalendar(Instant.parse("2026-03-02T08:00:00Z"));

    private CalendarView month(String month, Locale locale) {
        return CalendarView.of(desk.calendar.calendar(CalendarQuery.month(YearMonth.parse(month), PARIS, CalendarFilter.NONE, Set.of("FR"))), locale);
    }

    @Test
    void aMonthIsWholeWeeksMondayFirstWithEachPostOnItsDay() {
        long account = desk.account(Network.BLUESKY, "@desk").id();
        desk.draft("<img src=x onerror=alert(1)>", "2026-03-09T09:00", PARIS, account);
        desk.scheduled("Launch", "2026-03-09T14:00", PARIS, account);

        CalendarView view = month("2026-03", Locale.FRANCE);

        assertThat(view.getTitle()).isEqualTo("Mars 2026");
        assertThat(view.getWeekdays().get(0)).startsWith("lun");
        assertThat(view.getWeeks()).hasSize(6);
        assertThat(view.getWeeks()).allSatisfy(w -> assertThat(w.getDays()).hasSize(7));
        assertThat(view.getWeeks().get(0).getDays().get(0).getDate()).isEqualTo("2026-02-23");
        assertThat(view.getWeeks().get(0).getDays().get(0).getInRange()).isFalse();
        CalendarDay ninth = view.getDays().stream().filter(d -> d.getDate().equals("2026-03-09")).findFirst().orElseThrow();
        assertThat(ninth.getEntries()).extracting(CalendarItem::getTime).containsExactly("09:00", "14:00");
        assertThat(ninth.getEntries().get(0).getTitle()).as("text, escaped by the templates").isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(ninth.getEntries().get(1).getState()).isEqualTo("SCHEDULED");
        assertThat(ninth.getEntries().get(1).getMovable()).isTrue();
        assertThat(view.getToday()).isEqualTo("2026-03-02");
        assertThat(view.getPreviousMonth()).isEqualTo("2026-02");
        assertThat(view.getNextMonth()).isEqualTo("2026-04");
        assertThat(view.getAgenda()).extracting(CalendarDay::getDate).containsExactly("2026-03-09");
    }

    @Test
    void theLegendNamesEveryStateWithItsOwnSymbolSoColourIsNeverTheOnlySign() {
        CalendarView view = month("2026-03", Locale.ENGLISH);

        assertThat(view.getLegend()).hasSize(PostState.values().length);
        Set<String> symbols = new HashSet<>();
        for (CalendarLegend.Item i : view.getLegend()) {
            assertThat(i.getLabel()).isNotBlank();
            assertThat(i.getLabelKey()).startsWith("socialdesk.state.");
            assertThat(symbols.add(i.getSymbol())).as("symbol of %s is its own", i.getState()).isTrue();
            assertThat(i.getCssClass()).startsWith("sd-cal-state-");
        }
    }

    @Test
    void blackoutsKeyDatesClashesAndGapsAreMarkedOnTheirDays() {
        long account = desk.account(Network.MASTODON, "@desk@m.social").id();
        desk.calendar.saveSchedule(account, new CalendarService.ScheduleRequest("Europe/Paris", List.of(), 60, 7, 0), MARC);
        desk.draft("One", "2026-03-10T09:00", PARIS, account);
        desk.draft("Two", "2026-03-10T09:20", PARIS, account);
        desk.calendar.saveBlackout(null, new CalendarService.BlackoutRequest("Strike", "blackout", "2026-03-12T18:00", "2026-03-13T06:00",
                "Europe/Paris", null, "Transport strike", "", null), MARC);

        CalendarView view = CalendarView.of(desk.calendar.calendar(CalendarQuery.month(YearMonth.parse("2026-04"), PARIS, CalendarFilter.NONE,
                Set.of("FR"))), Locale.ENGLISH);
        CalendarView march = month("2026-03", Locale.ENGLISH);

        assertThat(day(march, "2026-03-12").getBlackedOut()).isTrue();
        assertThat(day(march, "2026-03-13").getBlackedOut()).isTrue();
        assertThat(day(march, "2026-03-14").getBlackedOut()).isFalse();
        assertThat(day(march, "2026-03-10").getEntries()).allMatch(CalendarItem::getClash);
        assertThat(march.getClashes()).singleElement().satisfies(c -> assertThat(c.getApartMinutes()).isEqualTo(20));
        assertThat(day(march, "2026-03-18").getGap()).isTrue();
        assertThat(day(march, "2026-03-10").getGap()).as("a day with a post").isFalse();
        assertThat(day(view, "2026-04-06").getKeyDates()).extracting(CalendarMarks.KeyDateItem::getName).containsExactly("Lundi de Pâques");
    }

    @Test
    void everyPublicMethodOfTheViewModelIsAGetterSoJirasVelocityAllowlistCanNameThem() {
        for (Class<?> type : List.of(CalendarView.class, CalendarWeek.class, CalendarDay.class, CalendarItem.class, CalendarLegend.Item.class,
                CalendarMarks.KeyDateItem.class, CalendarMarks.BlackoutItem.class, CalendarMarks.ClashItem.class, CalendarMarks.GapItem.class)) {
            for (Method m : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers())) continue;
                assertThat(m.getName()).as(type.getSimpleName()).startsWith("get");
                assertThat(m.getParameterCount()).isZero();
            }
        }
    }

    private static CalendarDay day(CalendarView view, String date) {
        return view.getDays().stream().filter(d -> d.getDate().equals(LocalDate.parse(date).toString())).findFirst().orElseThrow();
    }
}
