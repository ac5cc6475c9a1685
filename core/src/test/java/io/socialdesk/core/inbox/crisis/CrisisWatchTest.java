package io.socialdesk.core.inbox.crisis;

import io.socialdesk.core.memory.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.Triage;
import io.socialdesk.core.inbox.Triage.Sentiment;
import io.socialdesk.core.inbox.crisis.CrisisDetector.Verdict;
import io.socialdesk.core.notification.Notice;
import io.socialdesk.core.tracker.TrackedItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CrisisWatchTest {
    static final String ACCOUNT = "acme-bluesky";
    static final Instant SPIKE = CrisisDetectorTest.MONDAY.plus(Duration.ofDays(2)).plus(Duration.ofHours(10));

    final TestClock clock = new TestClock(CrisisDetectorTest.MONDAY);
    final RecordingDesk desk = new RecordingDesk();
    final List<Notice> notices = new ArrayList<>();
    final CrisisStates states = CrisisStates.inMemory();
    final CrisisWatch watch = new CrisisWatch(CrisisSettings.DEFAULTS.withAlert(Set.of("laura")), states, desk, notices::add, clock);
    int ids;


    static final class RecordingDesk implements CrisisDesk {
        final List<String> opened = new ArrayList<>();
        final List<Mention> linked = new ArrayList<>();
        final List<Crisis> calmed = new ArrayList<>();
        int grows;
        int failuresLeft;

        @Override
        public TrackedItem open(Crisis crisis, List<Mention> mentions) {
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new IllegalStateException("tracker unavailable");
            }
            String key = "CRISIS-" + (opened.size() + 1);
            opened.add(key);
            linked.addAll(mentions);
            return new TrackedItem(opened.size(), key, "/browse/" + key);
        }

        @Override
        public void grow(TrackedItem ticket, Crisis crisis, List<Mention> mentions) {
            assertThat(ticket.key()).isEqualTo(opened.get(opened.size() - 1));
            grows++;
            linked.addAll(mentions);
        }

        @Override
        public void calm(TrackedItem ticket, Crisis crisis) {
            calmed.add(crisis);
        }
    }

    Verdict mention(Instant at, Sentiment mood) {
        clock.set(at);
        return watch.observe(ACCOUNT, new Mention("at://m/" + ++ids, "https://bsky.app/m/" + ids, at, "SUP-" + ids), mood);
    }

    /** Two ordinary days: two negatives a window, and three times as many others. */
    void ordinaryDays() {
        for (Instant at : CrisisDetectorTest.poisson(11, 2 * CrisisDetectorTest.WINDOWS_A_DAY, w -> 2)) mention(at, Sentiment.NEGATIVE);
        for (Instant at : CrisisDetectorTest.poisson(12, 2 * CrisisDetectorTest.WINDOWS_A_DAY, w -> 6)) {
            if (at.isAfter(clock.now())) mention(at, Sentiment.POSITIVE);
        }
    }

    List<Verdict> spike(Instant start, int negatives) {
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < negatives; i++) verdicts.add(mention(start.plusSeconds(20L * i), Sentiment.NEGATIVE));
        return verdicts;
    }

    @Test
    void aSpikeOpensOneTicketLinkedToAllItsMentionsAndAlertsOnce() {
        ordinaryDays();
        assertThat(desk.opened).isEmpty();
        List<Verdict> verdicts = spike(SPIKE, 80);

        assertThat(verdicts).containsOnlyOnce(Verdict.STARTED);
        assertThat(desk.opened).containsExactly("CRISIS-1");
        assertThat(desk.linked).as("every negative of the spike, the first ones included, linked once").hasSize(80)
                .extracting(Mention::ticketKey).doesNotHaveDuplicates();
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Notice.Kind.CRISIS);
            assertThat(n.itemKey()).isEqualTo("CRISIS-1");
            assertThat(n.userKeys()).containsExactly("laura");
            assertThat(n.title()).contains(ACCOUNT).contains("negative mentions");
        });
        assertThat(watch.state(ACCOUNT).negatives()).isEqualTo(80);
    }

    @Test
    void theSpikeEndsAfterCalmWindowsAndTheNextSpikeOpensANewTicket() {
        ordinaryDays();
        spike(SPIKE, 40);
        clock.set(SPIKE.plus(Duration.ofMinutes(70)));
        watch.tick();
        assertThat(desk.calmed).singleElement().satisfies(c -> assertThat(c.negatives()).isEqualTo(40));
        assertThat(watch.state(ACCOUNT).ticket()).isNull();
        watch.tick();
        assertThat(desk.calmed).as("said once").hasSize(1);

        spike(SPIKE.plus(Duration.ofHours(3)), 40);
        assertThat(desk.opened).containsExactly("CRISIS-1", "CRISIS-2");
        assertThat(notices).hasSize(2);
    }

    @Test
    void aFewNegativesOnAQuietAccountOpenNothing() {
        ordinaryDays();
        spike(SPIKE, 5);
        assertThat(desk.opened).isEmpty();
        assertThat(notices).isEmpty();
    }

    @Test
    void positivesAndOldMentionsAreNotCounted() {
        ordinaryDays();
        clock.set(SPIKE);
        for (int i = 0; i < 100; i++) watch.observe(ACCOUNT, new Mention("p" + i, null, SPIKE, null), Sentiment.POSITIVE);
        // An import catching up: yesterday's negatives arrive now.
        for (int i = 0; i < 100; i++) watch.observe(ACCOUNT, new Mention("old" + i, null, SPIKE.minus(Duration.ofDays(1)), null), Sentiment.NEGATIVE);
        assertThat(desk.opened).isEmpty();
        assertThat(watch.state(ACCOUNT).baseline().count()).isLessThan(10);
    }

    @Test
    void whenTheTrackerFailsTheImportGoesOnAndTheTicketOpensOnceLaterWithTheMentionsKept() {
        ordinaryDays();
        desk.failuresLeft = 3;
        List<Verdict> verdicts = spike(SPIKE, 30);
        assertThat(verdicts).containsOnlyOnce(Verdict.STARTED);
        assertThat(desk.opened).containsExactly("CRISIS-1");
        assertThat(desk.linked).hasSize(30);
        assertThat(notices).hasSize(1);
    }

    @Test
    void aRestartWithTheStoredStateGoesOnWithTheSameTicket() {
        ordinaryDays();
        spike(SPIKE, 20);
        CrisisWatch restarted = new CrisisWatch(CrisisSettings.DEFAULTS, states, desk, notices::add, clock);
        for (int i = 0; i < 20; i++) {
            Instant at = SPIKE.plusSeconds(400 + 20L * i);
            clock.set(at);
            assertThat(restarted.observe(ACCOUNT, new Mention("r" + i, null, at, null), Sentiment.NEGATIVE)).isEqualTo(Verdict.GROWING);
        }
        assertThat(desk.opened).containsExactly("CRISIS-1");
    }

    @Test
    void beyondTheLinkLimitTheCountStillGrows() {
        CrisisWatch small = new CrisisWatch(new CrisisSettings(Duration.ofMinutes(15), 0.1, 5, 10, 2, 8, 2, 25, Set.of()), states, desk,
                notices::add, clock);
        for (Instant at : CrisisDetectorTest.poisson(11, 2 * CrisisDetectorTest.WINDOWS_A_DAY, w -> 1)) {
            clock.set(at);
            small.observe(ACCOUNT, new Mention("u" + at, null, at, null), Sentiment.NEGATIVE);
        }
        for (int i = 0; i < 200; i++) {
            Instant at = SPIKE.plusSeconds(5L * i);
            clock.set(at);
            small.observe(ACCOUNT, new Mention("s" + i, null, at, null), Sentiment.NEGATIVE);
        }
        assertThat(desk.opened).hasSize(1);
        assertThat(desk.linked).hasSize(25);
        assertThat(desk.grows).isGreaterThan(10);
        assertThat(small.state(ACCOUNT).negatives()).isEqualTo(200);
    }

    @Test
    void theInboundOverloadCountsTheItemByItsMood() {
        ordinaryDays();
        clock.set(SPIKE);
        Inbound item = new Inbound(Network.BLUESKY, Stream.MENTIONS, "at://x", null, "awful", SPIKE, new Inbound.Author("a", "a", null, 1L, null),
                "https://bsky.app/x", null, null, null);
        watch.observe(ACCOUNT, item, new Triage("en", -0.7, Triage.Urgency.NORMAL, 0), "SUP-1");
        assertThat(watch.state(ACCOUNT).baseline().count()).as("first negative of the window").isEqualTo(1);
        watch.observe(ACCOUNT, item, new Triage("en", 0.7, Triage.Urgency.LOW, 0), "SUP-1");
        watch.observe(ACCOUNT, item, new Triage("en", 0.0, Triage.Urgency.LOW, 0), "SUP-1");
        assertThat(watch.state(ACCOUNT).baseline().count()).isEqualTo(1);
        watch.observe(ACCOUNT, item, new Triage("fr", -0.2, Triage.Urgency.NORMAL, 0), "SUP-1");
        assertThat(watch.state(ACCOUNT).baseline().count()).isEqualTo(2);
    }
}
