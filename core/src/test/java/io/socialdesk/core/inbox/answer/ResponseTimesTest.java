package io.socialdesk.core.inbox.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.tracker.TrackedItem;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResponseTimesTest {

    @Test
    void firstResponseAndResolutionPerDepartmentAndNetwork() {
        AnswerDesk desk = new AnswerDesk(Network.BLUESKY);
        desk.receive(desk.message("at://a/1", "ann", Stream.MENTIONS, null, "@acme broken"));
        desk.clock.advance(Duration.ofMinutes(5));
        desk.receive(desk.message("at://b/1", "bob", Stream.MENTIONS, null, "@acme also broken"));
        desk.receive(desk.message("at://c/1", "cat", Stream.MENTIONS, null, "@acme my lawyer"));
        TrackedItem ann = desk.ticketOf("at://a/1");
        TrackedItem bob = desk.ticketOf("at://b/1");

        // Ann is answered 30 minutes after she wrote and resolved after 2 hours; Bob 1 hour after, not resolved; Cat never.
        desk.clock.set(AnswerDesk.START.plus(Duration.ofMinutes(30)));
        desk.answering.write(ann.key(), "On it", false, null, AnswerDesk.SAM);
        desk.tick();
        desk.clock.set(AnswerDesk.START.plus(Duration.ofMinutes(65)));
        desk.answering.write(bob.key(), "On it too", false, null, AnswerDesk.SAM);
        desk.tick();
        // A second reply does not change the first response.
        desk.clock.set(AnswerDesk.START.plus(Duration.ofMinutes(90)));
        desk.answering.write(ann.key(), "Fixed", false, null, AnswerDesk.SAM);
        desk.tick();
        desk.tickets.resolve(ann.key(), AnswerDesk.START.plus(Duration.ofHours(2)));
        desk.clock.set(AnswerDesk.START.plus(Duration.ofHours(3)));

        ResponseTimes.Report report = desk.times.report(null, null);

        assertThat(report.all().tickets()).isEqualTo(3);
        assertThat(report.all().answered()).isEqualTo(2);
        assertThat(report.all().medianFirstResponse()).isEqualTo(Duration.ofMinutes(45));
        assertThat(report.all().meanFirstResponse()).isEqualTo(Duration.ofMinutes(45));
        assertThat(report.all().resolved()).isEqualTo(1);
        assertThat(report.all().medianResolution()).isEqualTo(Duration.ofHours(2));
        assertThat(report.byDepartment()).extracting(ResponseTimes.Figures::group).containsExactly("LEGAL", "SUPPORT");
        ResponseTimes.Figures legal = report.byDepartment().get(0);
        assertThat(legal.tickets()).isEqualTo(1);
        assertThat(legal.answered()).isZero();
        assertThat(legal.medianFirstResponse()).isNull();
        ResponseTimes.Figures support = report.byDepartment().get(1);
        assertThat(support.tickets()).isEqualTo(2);
        assertThat(support.medianFirstResponse()).isEqualTo(Duration.ofMinutes(45));
        assertThat(report.byNetwork()).extracting(ResponseTimes.Figures::group).containsExactly("Bluesky");
        assertThat(ResponseTimes.words(Duration.ofMinutes(45))).isEqualTo("45 min");
        assertThat(ResponseTimes.words(Duration.ofMinutes(125))).isEqualTo("2 h 05 min");
    }

    @Test
    void onlyTicketsWhoseFirstMessageCameInThePeriodCount() {
        AnswerDesk desk = new AnswerDesk(Network.BLUESKY);
        desk.receive(desk.message("at://a/1", "ann", Stream.MENTIONS, null, "@acme early"));
        desk.clock.advance(Duration.ofDays(2));
        desk.receive(desk.message("at://b/1", "bob", Stream.MENTIONS, null, "@acme later"));

        Instant from = AnswerDesk.START.plus(Duration.ofDays(1));
        ResponseTimes.Report report = desk.times.report(from, from.plus(Duration.ofDays(2)));

        assertThat(report.all().tickets()).isEqualTo(1);
        assertThat(report.from()).isEqualTo(from);
    }

    @Test
    void aPeriodMustMakeSense() {
        AnswerDesk desk = new AnswerDesk(Network.BLUESKY);
        assertThatThrownBy(() -> desk.times.report(AnswerDesk.START, AnswerDesk.START.minusSeconds(1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first().rule()).isEqualTo("before-to"));
        assertThatThrownBy(() -> desk.times.report(AnswerDesk.START.minus(Duration.ofDays(400)), AnswerDesk.START))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first().rule()).isEqualTo("max-period"));
    }
}
