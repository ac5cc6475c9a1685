package io.socialdesk.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.post.PlannedTime;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Times across zones and clock changes, over many zones and dates: what the calendar promises a person. */
class CalendarTimePropertiesTest {
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/")).sorted().toList();

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZONES).map(ZoneId::of);
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 365 * 12).map(d -> LocalDate.of(2020, 1, 1).plusDays(d));
    }

    @Provide
    Arbitrary<LocalTime> times() {
        return Arbitraries.integers().between(0, 24 * 60 - 1).map(m -> LocalTime.of(m / 60, m % 60));
    }

    /** The wall-clock time asked is kept, unless the clocks skip it: then it moves forward by the gap and the person is told. */
    @Property(tries = 2000)
    void aResolvedTimeIsTheOneAskedOrTheFirstValidOneAfterWithANotice(@ForAll("zones") ZoneId zone, @ForAll("dates") LocalDate date,
            @ForAll("times") LocalTime time) {
        LocalDateTime asked = date.atTime(time);
        PlannedTimes.Resolved r = PlannedTimes.resolve(asked, zone);
        assertThat(r.planned().isInGap()).isFalse();
        if (new PlannedTime(asked, zone).isInGap()) {
            ZoneOffsetTransition t = zone.getRules().getTransition(asked);
            assertThat(r.planned().local()).isEqualTo(asked.plus(t.getDuration()));
            assertThat(r.notice()).isPresent();
        } else {
            assertThat(r.planned().local()).isEqualTo(asked);
            assertThat(r.notice()).isEmpty();
            // The instant read back in the post's zone is the wall-clock time asked (the first of an autumn overlap).
            assertThat(LocalDateTime.ofInstant(r.planned().instant(), zone)).isEqualTo(asked);
        }
    }

    /** A weekly post at one wall-clock time stays at that time in its zone all year, whatever the viewer's zone. */
    @Property(tries = 300)
    void aWeeklyPostKeepsItsWallClockTimeThroughEveryClockChange(@ForAll("zones") ZoneId zone, @ForAll("zones") ZoneId viewer,
            @ForAll @IntRange(min = 7, max = 20) int hour) {
        List<CalendarEntry> entries = new ArrayList<>();
        LocalDate monday = LocalDate.of(2026, 1, 5);
        io.socialdesk.core.tracker.TrackedItem item = new io.socialdesk.core.tracker.TrackedItem(1, "SD-1", "/items/SD-1");
        for (int w = 0; w < 52; w++) {
            PlannedTimes.Resolved r = PlannedTimes.resolve(monday.plusWeeks(w).atTime(hour, 0), zone);
            io.socialdesk.core.post.Post post = new io.socialdesk.core.post.Post(w + 1, item, "W" + w, io.socialdesk.core.post.PostContent.ofText("x"),
                    r.planned(), io.socialdesk.core.post.PostState.SCHEDULED, "alice", Instant.EPOCH, 1, "alice", Instant.EPOCH);
            entries.add(CalendarEntry.of(post, List.of(), Set.of(), viewer, "/posts/" + post.id()));
        }
        for (CalendarEntry e : entries) {
            if (e.plannedLocal().getHour() != hour) continue; // only where the zone itself skipped that hour (rare, e.g. a zone's change at 09:00)
            assertThat(ZonedDateTime.ofInstant(e.plannedAt(), zone).toLocalTime()).isEqualTo(LocalTime.of(hour, 0));
            assertThat(e.viewerLocal()).isEqualTo(LocalDateTime.ofInstant(e.plannedAt(), viewer));
        }
        assertThat(entries).filteredOn(e -> e.plannedLocal().getHour() == hour).hasSizeGreaterThan(48);
    }

    /** A free slot found is one of the schedule's slots, after the moment asked, and never closer than the spacing to a taken time. */
    @Property(tries = 300)
    void aFreeSlotIsAScheduleSlotAwayFromTakenTimes(@ForAll("zones") ZoneId zone, @ForAll("dates") LocalDate from,
            @ForAll @IntRange(min = 0, max = 240) int spacingMinutes, @ForAll @IntRange(min = 0, max = 30) int takenCount,
            @ForAll("times") LocalTime slotTime) {
        PostingSchedule s = new PostingSchedule(1, zone, List.of(new PostingSlot(DayOfWeek.MONDAY, slotTime),
                new PostingSlot(DayOfWeek.THURSDAY, LocalTime.of(17, 30))), Duration.ofMinutes(spacingMinutes), 0, 1);
        Instant after = from.atStartOfDay(zone).toInstant();
        List<Instant> taken = new ArrayList<>();
        for (int i = 0; i < takenCount; i++) taken.add(after.plus(Duration.ofMinutes(37L * 60 * i + 13)));
        List<ZonedDateTime> slots = Slots.fill(s, after, taken, at -> false, 5);
        assertThat(slots).hasSize(5);
        List<Instant> busy = new ArrayList<>(taken);
        for (ZonedDateTime z : slots) {
            assertThat(z.toInstant()).isAfter(after);
            DayOfWeek day = z.getDayOfWeek();
            assertThat(day == DayOfWeek.MONDAY || day == DayOfWeek.THURSDAY).isTrue();
            for (Instant t : busy) {
                Duration apart = Duration.between(t, z.toInstant()).abs();
                if (spacingMinutes == 0) assertThat(apart).isNotEqualTo(Duration.ZERO);
                else assertThat(apart).isGreaterThanOrEqualTo(Duration.ofMinutes(spacingMinutes));
            }
            busy.add(z.toInstant());
        }
    }

    /** Gaps never overlap a day with a post on the account, and cover every run of at least N empty days of the range. */
    @Property(tries = 300)
    void gapsAreExactlyTheLongEnoughRunsOfEmptyDays(@ForAll @IntRange(min = 1, max = 10) int gapDays,
            @ForAll @IntRange(min = 0, max = 15) int postCount, @ForAll("zones") ZoneId viewer) {
        LocalDate from = LocalDate.of(2026, 3, 1);
        LocalDate to = LocalDate.of(2026, 4, 1);
        io.socialdesk.core.tracker.TrackedItem item = new io.socialdesk.core.tracker.TrackedItem(1, "SD-1", "/items/SD-1");
        List<CalendarEntry> entries = new ArrayList<>();
        java.util.TreeSet<LocalDate> postDays = new java.util.TreeSet<>();
        for (int i = 0; i < postCount; i++) {
            LocalDate day = from.minusDays(gapDays).plusDays((i * 7L + postCount) % (31 + gapDays));
            PlannedTime planned = new PlannedTime(day.atTime(12, 0), viewer);
            postDays.add(LocalDate.ofInstant(planned.instant(), viewer));
            io.socialdesk.core.post.Post post = new io.socialdesk.core.post.Post(i + 1, item, "P" + i, io.socialdesk.core.post.PostContent.ofText("x"),
                    planned, io.socialdesk.core.post.PostState.SCHEDULED, "alice", Instant.EPOCH, 1, "alice", Instant.EPOCH);
            entries.add(new CalendarEntry(post.id(), "SD-1", post.title(), planned.instant(), viewer, planned.local(), viewer, planned.local(), List.of(),
                    List.of(7L), post.state(), "", "alice", Set.of(), 1, "/"));
        }
        List<Gap> gaps = Cadence.gaps(entries, Map.of(7L, new PostingSchedule(7, viewer, List.of(), Duration.ZERO, gapDays, 1)), from, to, viewer);
        java.util.Set<LocalDate> inGap = new java.util.HashSet<>();
        for (Gap g : gaps) for (LocalDate d = g.from(); d.isBefore(g.to()); d = d.plusDays(1)) assertThat(inGap.add(d)).isTrue();
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            if (postDays.contains(d)) {
                assertThat(inGap).doesNotContain(d);
                continue;
            }
            LocalDate day = d;
            LocalDate prev = Optional.ofNullable(postDays.lower(day)).orElse(from.minusDays(gapDays + 1L));
            LocalDate next = Optional.ofNullable(postDays.higher(day)).orElse(to);
            long run = java.time.temporal.ChronoUnit.DAYS.between(prev.plusDays(1), next.isAfter(to) ? to : next);
            assertThat(inGap.contains(d)).as("%s run %d", d, run).isEqualTo(run >= gapDays);
        }
    }
}
