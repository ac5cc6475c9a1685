package io.socialdesk.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.calendar.Blackout;
import io.socialdesk.core.calendar.CalendarBlackouts;
import io.socialdesk.core.calendar.KeyDateRule;
import io.socialdesk.core.calendar.PostingSchedule;
import io.socialdesk.core.calendar.PostingSlot;
import io.socialdesk.core.calendar.TeamKeyDate;
import io.socialdesk.store.calendar.AoBlackoutStore;
import io.socialdesk.store.calendar.AoKeyDateStore;
import io.socialdesk.store.calendar.AoPostingScheduleStore;
import io.socialdesk.store.calendar.BlackoutEntity;
import io.socialdesk.store.calendar.KeyDateEntity;
import io.socialdesk.store.calendar.PostingSlotsEntity;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.java.ao.Query;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The editorial calendar's stores on the embedded HSQLDB and on PostgreSQL: round trips, overlap reads, stale saves, a race. */
class CalendarStoresOnBothDatabasesTest extends OnBothDatabases {
    private static final Instant AT = Instant.parse("2026-03-02T08:00:00Z");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static void empty(Database db) {
        db.ao().delete(db.ao().find(KeyDateEntity.class, Query.select()));
        db.ao().delete(db.ao().find(BlackoutEntity.class, Query.select()));
        db.ao().delete(db.ao().find(PostingSlotsEntity.class, Query.select()));
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void teamKeyDatesKeepTheirRuleAndNote(Database db) {
        empty(db);
        AoKeyDateStore store = new AoKeyDateStore(db.ao());
        TeamKeyDate d = store.create("MKT", "Newsletter <b>", KeyDateRule.parse("last friday of the month").orElseThrow(),
                "Récap du mois, l'équipe", "marc", AT);
        TeamKeyDate e = store.create("", "CM day", KeyDateRule.parse("fourth monday of january").orElseThrow(), "", "marc", AT);

        assertThat(store.list()).containsExactly(d, e);
        assertThat(store.find(d.id())).contains(d);
        assertThat(store.delete(d.id())).isTrue();
        assertThat(store.delete(d.id())).isFalse();
        assertThat(store.list()).containsExactly(e);
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void blackoutsAreReadByOverlapAndEditedOnTheirVersion(Database db) {
        empty(db);
        AoBlackoutStore store = new AoBlackoutStore(db.ao());
        Blackout quiet = store.create(new Blackout(0, "", "Quiet period", Blackout.Kind.BLACKOUT, Instant.parse("2026-03-15T23:00:00Z"),
                Instant.parse("2026-03-18T23:00:00Z"), PARIS, Set.of(), "Results on the 19th", "marc", AT, 0));
        Blackout embargo = store.create(new Blackout(0, "MKT", "Launch embargo", Blackout.Kind.EMBARGO, Instant.parse("2026-03-20T08:00:00Z"),
                Instant.parse("2026-03-20T09:00:00Z"), ZoneId.of("America/New_York"), Set.of(3L, 12L), "", "marc", AT, 0));

        assertThat(quiet.version()).isEqualTo(1);
        assertThat(store.find(embargo.id())).hasValueSatisfying(b -> {
            assertThat(b.accountIds()).containsExactlyInAnyOrder(3L, 12L);
            assertThat(b.zone()).isEqualTo(ZoneId.of("America/New_York"));
            assertThat(b.kind()).isEqualTo(Blackout.Kind.EMBARGO);
            assertThat(b.projectKey()).isEqualTo("MKT");
        });
        assertThat(store.overlapping(Instant.parse("2026-03-18T22:00:00Z"), Instant.parse("2026-03-20T08:30:00Z")))
                .extracting(Blackout::name).containsExactly("Quiet period", "Launch embargo");
        assertThat(store.overlapping(Instant.parse("2026-03-18T23:00:00Z"), Instant.parse("2026-03-20T08:00:00Z"))).as("ends and starts are exclusive")
                .isEmpty();
        CalendarBlackouts port = new CalendarBlackouts(store);
        assertThat(port.blocking("MKT", 12, Instant.parse("2026-03-20T08:10:00Z"))).hasValueSatisfying(s -> assertThat(s).contains("Launch embargo"));
        assertThat(port.blocking("MKT", 4, Instant.parse("2026-03-20T08:10:00Z"))).isEmpty();
        assertThat(port.blocking("SALES", 12, Instant.parse("2026-03-20T08:10:00Z"))).isEmpty();
        // The publishing engine's round reads the periods of its lease once, and gets the same answers from them.
        var round = port.during(Instant.parse("2026-03-20T07:59:00Z"), Instant.parse("2026-03-20T08:30:00Z"));
        assertThat(round.blocking("MKT", 12, Instant.parse("2026-03-20T08:10:00Z"))).hasValueSatisfying(s -> assertThat(s).contains("Launch embargo"));
        assertThat(round.blocking("MKT", 12, Instant.parse("2026-03-20T07:59:30Z"))).as("before the embargo starts").isEmpty();
        assertThat(round.blocking("MKT", 4, Instant.parse("2026-03-20T08:10:00Z"))).isEmpty();
        assertThat(round.blocking("MKT", 12, Instant.parse("2026-03-20T08:45:00Z"))).as("after the window: asked as before")
                .hasValueSatisfying(s -> assertThat(s).contains("Launch embargo"));

        Blackout renamed = new Blackout(quiet.id(), "", "Quiet period (extended)", quiet.kind(), quiet.start(), quiet.end().plus(Duration.ofDays(1)),
                PARIS, Set.of(), quiet.reason(), quiet.createdBy(), quiet.createdAt(), 2);
        assertThat(store.update(renamed, 1)).hasValueSatisfying(b -> assertThat(b.version()).isEqualTo(2));
        assertThat(store.update(renamed, 1)).as("stale").isEmpty();
        assertThat(store.list(10)).extracting(Blackout::name).containsExactly("Quiet period (extended)", "Launch embargo");
        assertThat(store.delete(quiet.id())).isTrue();
        assertThat(store.list(10)).hasSize(1);
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void aScheduleIsOneRowPerAccountAndOnlyOneOfTwoConcurrentFirstSavesWins(Database db) throws Exception {
        empty(db);
        AoPostingScheduleStore store = new AoPostingScheduleStore(db.ao());
        PostingSchedule s = new PostingSchedule(5, PARIS, List.of(new PostingSlot(DayOfWeek.THURSDAY, LocalTime.of(17, 30)),
                new PostingSlot(DayOfWeek.MONDAY, LocalTime.of(9, 0))), Duration.ofMinutes(90), 4, 1);
        assertThat(store.save(s, 0)).hasValueSatisfying(saved -> {
            assertThat(saved.slots()).extracting(PostingSlot::text).containsExactly("MONDAY 09:00", "THURSDAY 17:30");
            assertThat(saved.version()).isEqualTo(1);
        });
        assertThat(store.save(s, 0)).as("a second first save").isEmpty();
        assertThat(store.save(new PostingSchedule(5, ZoneId.of("UTC"), List.of(), Duration.ZERO, 0, 2), 1)).hasValueSatisfying(saved ->
                assertThat(saved.zone()).isEqualTo(ZoneId.of("UTC")));
        assertThat(store.find(5).orElseThrow().version()).isEqualTo(2);

        int racers = 4;
        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Optional<PostingSchedule>>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                int minutes = i * 10;
                Callable<Optional<PostingSchedule>> save = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return store.save(new PostingSchedule(9, PARIS, List.of(), Duration.ofMinutes(minutes), 0, 1), 0);
                };
                results.add(pool.submit(save));
            }
            int won = 0;
            for (Future<Optional<PostingSchedule>> f : results) if (f.get(30, TimeUnit.SECONDS).isPresent()) won++;
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.list()).extracting(PostingSchedule::accountId).containsExactly(5L, 9L);
    }
}
