package io.socialdesk.core.calendar;

import static io.socialdesk.core.memory.MemoryCalendar.ALICE;
import static io.socialdesk.core.memory.MemoryCalendar.MARC;
import static io.socialdesk.core.memory.MemoryCalendar.PARIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.approval.ApprovalPolicy;
import io.socialdesk.core.memory.MemoryCalendar;
import io.socialdesk.core.post.PlannedTime;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.problem.ConflictException;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotAllowedException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The editorial calendar over memory: what a month shows, blackouts, the clock changes, reschedules, clashes, gaps, slots and the queue. */
class CalendarServiceTest {
    private final MemoryCalendar desk = new MemoryCalendar(Instant.parse("2026-03-02T08:00:00Z"));
    private final CalendarService calendar = desk.calendar;
    private long bluesky;
    private long mastodon;

    @BeforeEach
    void accounts() {
        bluesky = desk.account(Network.BLUESKY, "@desk.bsky.social").id();
        mastodon = desk.account(Network.MASTODON, "@desk@mastodon.social").id();
    }

    private CalendarData month(String month, ZoneId viewer, CalendarFilter filter) {
        return calendar.calendar(CalendarQuery.month(YearMonth.parse(month), viewer, filter, Set.of("FR")));
    }

    private Blackout quietPeriod(String start, String end, List<Long> accounts) {
        return calendar.saveBlackout(null, new CalendarService.BlackoutRequest("Results quiet period", "blackout", start, end, "Europe/Paris",
                accounts, "No posts before the annual results are out", "", null), MARC);
    }

    @Test
    void eachPostShowsOnTheViewersDayAtTheViewersTimeAndKeepsItsOwnZoneTime() {
        Post late = desk.draft("Late night", "2026-03-09T23:30", PARIS, bluesky);

        CalendarEntry inParis = month("2026-03", PARIS, CalendarFilter.NONE).entries().get(0);
        CalendarEntry inTokyo = month("2026-03", ZoneId.of("Asia/Tokyo"), CalendarFilter.NONE).entries().get(0);

        assertThat(inParis.viewerLocal()).isEqualTo("2026-03-09T23:30");
        assertThat(inTokyo.viewerLocal()).isEqualTo("2026-03-10T07:30");
        assertThat(inTokyo.plannedLocal()).isEqualTo("2026-03-09T23:30");
        assertThat(inTokyo.plannedZone()).isEqualTo(PARIS);
        assertThat(inTokyo.networks()).containsExactly(Network.BLUESKY);
        assertThat(inTokyo.path()).isEqualTo("/posts/" + late.id());
        assertThat(inTokyo.version()).isEqualTo(late.version());
    }

    @Test
    void aPostAt0900ParisStaysAt0900ParisOnBothSidesOfTheMarchChange() {
        desk.draft("Before", "2026-03-28T09:00", PARIS, bluesky);
        desk.draft("After", "2026-03-30T09:00", PARIS, bluesky);

        List<CalendarEntry> entries = month("2026-03", PARIS, CalendarFilter.NONE).entries();

        assertThat(entries).extracting(e -> e.viewerLocal().toLocalTime().toString()).containsExactly("09:00", "09:00");
        assertThat(entries).extracting(CalendarEntry::plannedAt).containsExactly(Instant.parse("2026-03-28T08:00:00Z"),
                Instant.parse("2026-03-30T07:00:00Z"));
    }

    @Test
    void theMonthGridIncludesTheNeighbouringDaysAndItsKeyDatesAndPeriods() {
        desk.draft("Grid edge", "2026-03-30T10:00", PARIS, bluesky); // April's grid starts on Monday 30 March
        quietPeriod("2026-04-15", "2026-04-16", List.of());

        CalendarData data = month("2026-04", PARIS, CalendarFilter.NONE);

        assertThat(data.entries()).extracting(CalendarEntry::title).containsExactly("Grid edge");
        assertThat(data.blackouts()).extracting(Blackout::name).containsExactly("Results quiet period");
        assertThat(data.keyDates()).extracting(KeyDate::name).contains("Lundi de Pâques");
        assertThat(month("2026-03", PARIS, CalendarFilter.NONE).keyDates()).as("no French holiday from 23 February to 5 April").isEmpty();
    }

    @Test
    void filtersNarrowThePostsAndOneThatMatchesNothingIsAnEmptyCalendarNotAnError() {
        desk.draft("On Bluesky", "2026-03-10T09:00", PARIS, bluesky);
        desk.draft("On Mastodon", "2026-03-11T09:00", PARIS, mastodon);

        assertThat(month("2026-03", PARIS, CalendarFilter.read(List.of("MASTODON"), null, null, null, null, null)).entries())
                .extracting(CalendarEntry::title).containsExactly("On Mastodon");
        assertThat(month("2026-03", PARIS, CalendarFilter.read(null, List.of(String.valueOf(bluesky)), null, List.of("DRAFT"), List.of("alice"),
                null)).entries()).extracting(CalendarEntry::title).containsExactly("On Bluesky");
        assertThat(month("2026-03", PARIS, CalendarFilter.read(null, null, List.of("No such campaign"), null, null, null)).entries()).isEmpty();
        desk.posts.create(new io.socialdesk.core.post.NewPost("Price", "Spring sale: only 19,99 € until Sunday", "2026-03-12T09:00", "Europe/Paris",
                null, null, null, null, null, null, null, List.of(bluesky)), ALICE);
        assertThat(month("2026-03", PARIS, CalendarFilter.read(null, null, null, null, null, List.of("LEGAL"))).entries())
                .as("the content rules ask Legal for a price").extracting(CalendarEntry::title).containsExactly("Price");
    }

    @Test
    void reschedulingIntoABlackoutIsRefusedSayingWhichPeriodAndWhyAndNothingMoves() {
        Post post = desk.draft("Teaser", "2026-03-10T09:00", PARIS, bluesky);
        quietPeriod("2026-03-16", "2026-03-18", List.of());

        InvalidInputException refused = catchThrowableOfType(
                () -> calendar.reschedule(post.id(), post.version(), "2026-03-17T09:00", null, ALICE), InvalidInputException.class);

        assertThat(refused.first().field()).isEqualTo("plannedAt");
        assertThat(refused.first().rule()).isEqualTo("blackout");
        assertThat(refused.first().message()).contains("Results quiet period", "2026-03-16T00:00", "2026-03-19T00:00",
                "No posts before the annual results are out");
        assertThat(desk.posts.get(post.id()).planned().local()).isEqualTo("2026-03-10T09:00");
        assertThat(calendar.reschedule(post.id(), post.version(), "2026-03-19T09:00", null, ALICE).post().planned().local())
                .as("the day after is free").isEqualTo("2026-03-19T09:00");
    }

    @Test
    void aBlackoutForOneAccountBlocksOnlyThatAccountAndThePublishingEngineIsToldToo() {
        Blackout b = quietPeriod("2026-03-16T08:00", "2026-03-16T12:00", List.of(mastodon));
        Post onBluesky = desk.draft("Bluesky only", "2026-03-10T09:00", PARIS, bluesky);

        assertThat(calendar.reschedule(onBluesky.id(), onBluesky.version(), "2026-03-16T09:00", null, ALICE).post().planned().local())
                .isEqualTo("2026-03-16T09:00");
        Instant inside = Instant.parse("2026-03-16T08:30:00Z");
        assertThat(desk.blackouts.blocking("SD", mastodon, inside)).contains(b.explain());
        assertThat(desk.blackouts.blocking("SD", bluesky, inside)).isEmpty();
        assertThat(desk.blackouts.blocking("SD", mastodon, Instant.parse("2026-03-16T11:00:00Z"))).as("12:00 Paris is the end, excluded").isEmpty();
    }

    @Test
    void schedulingAnApprovedPostPlannedInsideABlackoutIsRefused() {
        Post approved = desk.act(desk.act(desk.draft("Results", "2026-03-17T09:00", PARIS, bluesky),
                io.socialdesk.core.approval.Action.SUBMIT, ALICE), io.socialdesk.core.approval.Action.APPROVE, MARC);
        quietPeriod("2026-03-16", "2026-03-18", List.of());

        assertThatThrownBy(() -> desk.act(approved, io.socialdesk.core.approval.Action.SCHEDULE, ALICE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first().rule()).isEqualTo("blackout"));
        assertThat(desk.posts.get(approved.id()).state()).isEqualTo(PostState.APPROVED);
    }

    @Test
    void onlyLeadsAndAdminsKeepPeriodsAndTheirInputIsChecked() {
        assertThatThrownBy(() -> calendar.saveBlackout(null, new CalendarService.BlackoutRequest("x", null, "2026-03-16", "2026-03-17", "Europe/Paris",
                null, null, null, null), ALICE)).isInstanceOf(NotAllowedException.class);
        InvalidInputException e = catchThrowableOfType(() -> calendar.saveBlackout(null, new CalendarService.BlackoutRequest("", "holiday",
                "2026-03-18", "2026-03-16", "Europe/Pariss", List.of(-1L), null, null, null), MARC), InvalidInputException.class);
        assertThat(e.problems()).extracting(p -> p.field() + ":" + p.rule()).containsExactly("name:required", "kind:blackout-kind",
                "zone:iana-zone", "accountIds[0]:positive-integer");
        assertThat(catchThrowableOfType(() -> quietPeriod("2026-01-01", "2028-01-01", List.of()), InvalidInputException.class).first().rule())
                .isEqualTo("max-range");
        Blackout b = quietPeriod("2026-03-16", "2026-03-18", List.of());
        assertThatThrownBy(() -> calendar.saveBlackout(b.id(), new CalendarService.BlackoutRequest("Renamed", "embargo", "2026-03-16", "2026-03-18",
                "Europe/Paris", null, null, null, 0), MARC)).isInstanceOf(ConflictException.class);
        assertThat(calendar.saveBlackout(b.id(), new CalendarService.BlackoutRequest("Renamed", "embargo", "2026-03-16", "2026-03-18",
                "Europe/Paris", null, null, null, 1), MARC).version()).isEqualTo(2);
    }

    @Test
    void aTimeTheClocksSkipIsMovedForwardAndThePersonIsTold() {
        Post post = desk.draft("Spring", "2026-03-28T02:30", PARIS, bluesky);

        Rescheduled moved = calendar.reschedule(post.id(), post.version(), "2026-03-29T02:30", "Europe/Paris", ALICE);

        assertThat(moved.post().planned()).isEqualTo(new PlannedTime(LocalDateTime.parse("2026-03-29T03:30"), PARIS));
        assertThat(moved.notice()).hasValueSatisfying(n -> assertThat(n).contains("2026-03-29T02:30", "does not exist", "03:30"));
        Rescheduled plain = calendar.reschedule(post.id(), moved.post().version(), "2026-03-30T02:30", null, ALICE);
        assertThat(plain.notice()).isEmpty();
    }

    @Test
    void aRescheduleOnAnOldVersionIsAConflictAndBadInputNamesTheField() {
        Post post = desk.draft("Twice", "2026-03-10T09:00", PARIS, bluesky);
        calendar.reschedule(post.id(), post.version(), "2026-03-11T09:00", null, ALICE);

        assertThatThrownBy(() -> calendar.reschedule(post.id(), post.version(), "2026-03-12T09:00", null, ALICE))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("stale-version"));
        InvalidInputException e = catchThrowableOfType(() -> calendar.reschedule(post.id(), null, "tomorrow", "Nowhere/City", ALICE),
                InvalidInputException.class);
        assertThat(e.problems()).extracting(p -> p.field() + ":" + p.rule()).containsExactly("zone:iana-zone", "plannedAt:local-date-time",
                "version:required");
    }

    @Test
    void aTimeOnlyRescheduleKeepsApprovalsOrSendsThePostBackToReviewAsTheProjectPolicySays() {
        Post kept = desk.scheduled("Kept", "2026-03-10T09:00", PARIS, bluesky);
        assertThat(calendar.reschedule(kept.id(), kept.version(), "2026-03-12T09:00", null, ALICE).post().state()).isEqualTo(PostState.SCHEDULED);

        ApprovalPolicy d = ApprovalPolicy.defaults("SD");
        desk.stores.policies.save(new ApprovalPolicy("SD", d.departments(), d.ordering(), false, d.rules()));
        Post strict = desk.scheduled("Strict", "2026-03-10T10:00", PARIS, bluesky);
        assertThat(calendar.reschedule(strict.id(), strict.version(), "2026-03-12T10:00", null, ALICE).post().state())
                .isEqualTo(PostState.IN_REVIEW);
    }

    @Test
    void postsCloserThanTheAccountsSpacingClashAndDaysWithoutAPostAreAGap() {
        calendar.saveSchedule(bluesky, new CalendarService.ScheduleRequest("Europe/Paris", List.of("MONDAY 09:00"), 60, 3, 0), MARC);
        Post first = desk.draft("First", "2026-03-10T09:00", PARIS, bluesky);
        Post second = desk.draft("Second", "2026-03-10T09:30", PARIS, bluesky);
        desk.draft("Cancelled later", "2026-03-20T09:00", PARIS, bluesky);
        desk.draft("Other account", "2026-03-10T09:10", PARIS, mastodon);

        CalendarData data = month("2026-03", PARIS, CalendarFilter.NONE);

        assertThat(data.clashes()).singleElement().satisfies(c -> {
            assertThat(c.accountId()).isEqualTo(bluesky);
            assertThat(List.of(c.firstPostId(), c.secondPostId())).containsExactly(first.id(), second.id());
            assertThat(c.apart()).isEqualTo(Duration.ofMinutes(30));
        });
        // The grid runs from 23 February to 5 April; posts on 10 and 20 March.
        assertThat(data.gaps()).extracting(g -> g.from() + ".." + g.to()).containsExactly("2026-02-23..2026-03-10", "2026-03-11..2026-03-20",
                "2026-03-21..2026-04-06");
        assertThat(month("2026-03", PARIS, CalendarFilter.read(null, List.of(String.valueOf(mastodon)), null, null, null, null)).clashes())
                .as("clashes of the accounts shown").isEmpty();
    }

    @Test
    void theNextFreeSlotSkipsTakenSlotsAndBlackoutsAndTheQueueFillsTheNextOnes() {
        calendar.saveSchedule(bluesky, new CalendarService.ScheduleRequest("Europe/Paris", List.of("MONDAY 09:00", "WEDNESDAY 17:30", "fri 12:00"),
                30, 0, 0), MARC);
        desk.draft("Taken", "2026-03-02T09:10", PARIS, bluesky); // Monday 2 March, 09:10: within 30 minutes of the 09:00 slot
        quietPeriod("2026-03-04", "2026-03-04", List.of()); // all of Wednesday 4 March

        ZonedDateTime next = calendar.nextFreeSlot(bluesky, "SD", null).orElseThrow();
        assertThat(next.toLocalDateTime()).isEqualTo("2026-03-06T12:00");

        Post a = desk.draft("A", "2026-03-20T10:00", PARIS, bluesky);
        Post b = desk.draft("B", "2026-03-20T11:00", PARIS, bluesky);
        List<Rescheduled> queued = calendar.fillQueue(bluesky, List.of(a.id(), b.id()), List.of(a.version(), b.version()), ALICE);
        assertThat(queued).extracting(r -> r.post().planned().local().toString()).containsExactly("2026-03-06T12:00", "2026-03-09T09:00");
        assertThat(catchThrowableOfType(() -> calendar.fillQueue(mastodon, List.of(a.id()), List.of(3), ALICE), InvalidInputException.class)
                .first().rule()).isEqualTo("targets-account");
    }

    @Test
    void slotInputIsCheckedAndOnlyLeadsChangeIt() {
        assertThatThrownBy(() -> calendar.saveSchedule(bluesky, new CalendarService.ScheduleRequest("UTC", List.of(), 0, 0, 0), ALICE))
                .isInstanceOf(NotAllowedException.class);
        InvalidInputException e = catchThrowableOfType(() -> calendar.saveSchedule(bluesky, new CalendarService.ScheduleRequest("UTC",
                List.of("Caturday 09:00", "MONDAY 25:00"), -5, 365, null), MARC), InvalidInputException.class);
        assertThat(e.problems()).extracting(p -> p.field() + ":" + p.rule()).containsExactly("slots[0]:weekday-time", "slots[1]:weekday-time",
                "minSpacingMinutes:range", "gapDays:range", "version:required");
        calendar.saveSchedule(bluesky, new CalendarService.ScheduleRequest("UTC", List.of("MONDAY 09:00"), 0, 0, 0), MARC);
        assertThatThrownBy(() -> calendar.saveSchedule(bluesky, new CalendarService.ScheduleRequest("UTC", List.of(), 0, 0, 0), MARC))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aMonthWithMorePostsThanOneAnswerCarriesIsTruncatedAndSaysSo() {
        io.socialdesk.core.tracker.TrackedItem item = new io.socialdesk.core.tracker.TrackedItem(1, "SD-1", "/items/SD-1");
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        for (int i = 0; i < CalendarService.MAX_ENTRIES + 10; i++) {
            desk.stores.posts.create(item, "P" + i, io.socialdesk.core.post.PostContent.ofText("x"),
                    new PlannedTime(LocalDateTime.ofInstant(start.plusSeconds(300L * i), PARIS), PARIS), PostState.DRAFT, "alice", start);
        }
        CalendarData data = month("2026-03", PARIS, CalendarFilter.NONE);
        assertThat(data.entries()).hasSize(CalendarService.MAX_ENTRIES);
        assertThat(data.truncated()).isTrue();
    }

    @Test
    void teamKeyDatesAreKeptWithTheirNote() {
        TeamKeyDate d = calendar.addKeyDate(new CalendarService.KeyDateRequest("Newsletter", "last friday of the month", "Recap of the month", ""), MARC);
        assertThat(calendar.keyDates(java.time.LocalDate.of(2026, 3, 1), java.time.LocalDate.of(2026, 4, 1), Set.of()))
                .filteredOn(k -> k.kind() == KeyDate.Kind.TEAM).extracting(k -> k.date() + " " + k.note()).containsExactly("2026-03-27 Recap of the month");
        assertThat(catchThrowableOfType(() -> calendar.addKeyDate(new CalendarService.KeyDateRequest("X", "someday", null, null), MARC),
                InvalidInputException.class).first().rule()).isEqualTo("key-date-rule");
        calendar.removeKeyDate(d.id(), MARC);
        assertThat(calendar.teamKeyDates()).isEmpty();
    }
}
