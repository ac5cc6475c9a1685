package io.socialdesk.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Key dates: the rules people write, the built-in observances and the public-holiday table, checked against published calendars. */
class KeyDatesTest {
    private static List<String> holidays(String country, int year) {
        return PublicHolidays.between(Set.of(country), LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)).stream()
                .map(k -> k.date() + " " + k.name()).toList();
    }

    @Test
    void easterIsRightForKnownYears() {
        assertThat(KeyDateRule.easter(2024)).isEqualTo("2024-03-31");
        assertThat(KeyDateRule.easter(2025)).isEqualTo("2025-04-20");
        assertThat(KeyDateRule.easter(2026)).isEqualTo("2026-04-05");
        assertThat(KeyDateRule.easter(2027)).isEqualTo("2027-03-28");
        assertThat(KeyDateRule.easter(2038)).isEqualTo("2038-04-25");
    }

    @Test
    void france2026() {
        assertThat(holidays("FR", 2026)).containsExactly("2026-01-01 Jour de l'an", "2026-04-06 Lundi de Pâques", "2026-05-01 Fête du Travail",
                "2026-05-08 Victoire 1945", "2026-05-14 Ascension", "2026-05-25 Lundi de Pentecôte", "2026-07-14 Fête nationale",
                "2026-08-15 Assomption", "2026-11-01 Toussaint", "2026-11-11 Armistice 1918", "2026-12-25 Noël");
    }

    @Test
    void belgiumAndSwitzerland2026() {
        assertThat(holidays("BE", 2026)).hasSize(10).contains("2026-07-21 Fête nationale / Nationale feestdag", "2026-05-25 Lundi de Pentecôte / Pinkstermaandag");
        assertThat(holidays("CH", 2026)).containsExactly("2026-01-01 Neujahr / Nouvel An", "2026-05-14 Auffahrt / Ascension",
                "2026-08-01 Bundesfeier / Fête nationale", "2026-12-25 Weihnachten / Noël");
    }

    @Test
    void canada2026WithVictoriaDayTheMondayBeforeThe25thOfMay() {
        assertThat(holidays("CA", 2026)).containsExactly("2026-01-01 New Year's Day", "2026-04-03 Good Friday", "2026-05-18 Victoria Day",
                "2026-07-01 Canada Day", "2026-09-07 Labour Day", "2026-09-30 National Day for Truth and Reconciliation", "2026-10-12 Thanksgiving",
                "2026-11-11 Remembrance Day", "2026-12-25 Christmas Day", "2026-12-26 Boxing Day");
        assertThat(holidays("CA", 2020)).noneMatch(h -> h.contains("Truth"));
        assertThat(holidays("CA", 2021)).contains("2021-05-24 Victoria Day");
    }

    @Test
    void englandAndWalesBankHolidaysWithSubstituteDays() {
        // gov.uk: 2026 Boxing Day (Saturday) is substituted on Monday 28 December.
        assertThat(holidays("GB", 2026)).containsExactly("2026-01-01 New Year's Day", "2026-04-03 Good Friday", "2026-04-06 Easter Monday",
                "2026-05-04 Early May bank holiday", "2026-05-25 Spring bank holiday", "2026-08-31 Summer bank holiday", "2026-12-25 Christmas Day",
                "2026-12-28 Boxing Day (substitute day)");
        // 2022: Christmas on a Sunday, Boxing Day on the Monday, Christmas's substitute on the Tuesday.
        assertThat(holidays("GB", 2022)).contains("2022-12-26 Boxing Day", "2022-12-27 Christmas Day (substitute day)");
        // 2021: both on the weekend.
        assertThat(holidays("GB", 2021)).contains("2021-12-27 Christmas Day (substitute day)", "2021-12-28 Boxing Day (substitute day)");
        assertThat(holidays("GB", 2022)).contains("2022-01-03 New Year's Day (substitute day)");
        assertThat(PublicHolidays.country("uk")).contains("GB");
    }

    @Test
    void unitedStates2026WithObservedDays() {
        assertThat(holidays("US", 2026)).containsExactly("2026-01-01 New Year's Day", "2026-01-19 Birthday of Martin Luther King, Jr.",
                "2026-02-16 Washington's Birthday", "2026-05-25 Memorial Day", "2026-06-19 Juneteenth National Independence Day",
                "2026-07-03 Independence Day (observed)", "2026-07-04 Independence Day", "2026-09-07 Labor Day", "2026-10-12 Columbus Day",
                "2026-11-11 Veterans Day", "2026-11-26 Thanksgiving Day", "2026-12-25 Christmas Day");
        // 1 January 2028 is a Saturday: observed on Friday 31 December 2027.
        assertThat(holidays("US", 2027)).contains("2027-12-31 New Year's Day (observed)");
    }

    @Test
    void rulesAsPeopleWriteThemReadBackToTheSameText() {
        for (String text : List.of("2026-06-11", "05-04", "fourth monday of january", "last friday of the month", "first monday of the month",
                "easter", "easter+39", "easter-2", "last monday of may")) {
            KeyDateRule rule = KeyDateRule.parse(text).orElseThrow(() -> new AssertionError(text));
            assertThat(rule.text()).isEqualTo(text);
            assertThat(KeyDateRule.parse(rule.text())).contains(rule);
        }
        assertThat(KeyDateRule.parse("4th Monday of January")).contains(KeyDateRule.parse("fourth monday of january").orElseThrow());
        for (String bad : List.of("", "tomorrow", "13-01", "02-30", "fifth funday of march", "easter+999", "2026-02-30", "last friday of smarch")) {
            assertThat(KeyDateRule.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void computedRulesFallOnTheRightDays() {
        KeyDateRule lastFriday = KeyDateRule.parse("last friday of the month").orElseThrow();
        assertThat(lastFriday.between(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1))).containsExactly(LocalDate.of(2026, 1, 30),
                LocalDate.of(2026, 2, 27), LocalDate.of(2026, 3, 27));
        KeyDateRule leap = KeyDateRule.parse("02-29").orElseThrow();
        assertThat(leap.between(LocalDate.of(2026, 1, 1), LocalDate.of(2029, 1, 1))).containsExactly(LocalDate.of(2028, 2, 29));
        assertThat(KeyDateRule.parse("fifth monday of the month").orElseThrow().between(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1)))
                .as("only months that have one").containsExactly(LocalDate.of(2026, 3, 30));
    }

    @Test
    void communityManagerAppreciationDayIsTheFourthMondayOfJanuary() {
        List<KeyDate> dates = KeyDates.between(LocalDate.of(2026, 1, 1), LocalDate.of(2028, 1, 1), Set.of(), List.of(), "");
        assertThat(dates).filteredOn(k -> k.name().startsWith("Community")).extracting(KeyDate::date)
                .containsExactly(LocalDate.of(2026, 1, 26), LocalDate.of(2027, 1, 25));
        assertThat(dates).allMatch(k -> k.kind() == KeyDate.Kind.OBSERVANCE);
    }

    @Test
    void teamDatesCarryTheirNoteAndOnlyShowInTheirProject() {
        TeamKeyDate launch = new TeamKeyDate(7, "MKT", "Spring launch", KeyDateRule.parse("2026-03-18").orElseThrow(), "Embargo until 10:00",
                "marc", java.time.Instant.EPOCH);
        assertThat(KeyDates.between(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), Set.of("FR"), List.of(launch), "MKT"))
                .filteredOn(k -> k.kind() == KeyDate.Kind.TEAM).singleElement()
                .satisfies(k -> {
                    assertThat(k.note()).isEqualTo("Embargo until 10:00");
                    assertThat(k.teamDateId()).isEqualTo(7);
                });
        assertThat(KeyDates.between(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), Set.of(), List.of(launch), "SALES")).isEmpty();
    }
}
