package io.socialdesk.core.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.post.PostState;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The delivery state machine and the post's state rolled up from its deliveries, as tables. */
class DeliveryStateTest {
    private static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");

    /** Every state and the states it may become; any other move is refused. */
    @ParameterizedTest(name = "{0} may become {1}")
    @CsvSource(delimiter = '|', textBlock = """
            WAITING     | DUE FAILED MISSED CANCELLED
            DUE         | DUE IN_FLIGHT CANCELLED
            IN_FLIGHT   | IN_FLIGHT DUE RETRYING SENT FAILED UNCONFIRMED MISSED CANCELLED
            RETRYING    | RETRYING IN_FLIGHT FAILED CANCELLED
            SENT        |
            FAILED      | DUE WAITING
            UNCONFIRMED | SENT DUE WAITING FAILED
            MISSED      | DUE WAITING
            CANCELLED   | DUE WAITING
            """)
    void eachStateMayBecomeExactlyTheseStates(DeliveryState from, String allowed) {
        Set<DeliveryState> expected = allowed == null ? EnumSet.noneOf(DeliveryState.class)
                : Arrays.stream(allowed.trim().split("\\s+")).map(DeliveryState::valueOf).collect(Collectors.toCollection(
                        () -> EnumSet.noneOf(DeliveryState.class)));
        Set<DeliveryState> actual = Arrays.stream(DeliveryState.values()).filter(from::mayBecome)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DeliveryState.class)));
        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(DeliveryState.class)
    void onlyWhatIsClaimedOrInFlightCanBeSentAndOnlyPendingStatesKeepTheEngineBusy(DeliveryState state) {
        assertThat(state.mayBecome(DeliveryState.SENT)).isEqualTo(state == DeliveryState.IN_FLIGHT || state == DeliveryState.UNCONFIRMED);
        assertThat(state.isPending()).isEqualTo(EnumSet.of(DeliveryState.WAITING, DeliveryState.DUE, DeliveryState.IN_FLIGHT,
                DeliveryState.RETRYING).contains(state));
    }

    @Test
    void aRecordRefusesAMoveTheStateMachineDoesNotAllow() {
        DeliveryRecord due = record(DeliveryState.DUE);
        assertThatThrownBy(() -> due.sent(RemotePost.of("1", null), AT)).isInstanceOf(IllegalStateException.class)
                .hasMessage("A delivery cannot go from DUE to SENT");
        DeliveryRecord sent = record(DeliveryState.SENT);
        assertThatThrownBy(() -> sent.claimedBy("node", AT, AT)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sent.dueAt(AT, true, AT)).as("a sent delivery is never sent again").isInstanceOf(IllegalStateException.class);
        DeliveryRecord claimed = due.claimedBy("node", AT.plusSeconds(120), AT);
        assertThat(claimed.attempts()).isEqualTo(1);
        assertThat(claimed.claimedBy("other", AT.plusSeconds(240), AT.plusSeconds(120)).attempts()).as("a take-over is not an attempt")
                .isEqualTo(1);
        assertThat(claimed.withProgress(DeliveryRecord.SENDING, "1", AT).retryAt(AT, "busy", AT).mayHaveBeenSent())
                .as("a retry starts without the sending mark").isFalse();
    }

    /** A post's deliveries (one letter per delivery) and the post's state. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SENT SENT                  | PUBLISHED
            SENT DUE                   | PUBLISHING
            SENT WAITING               | PUBLISHING
            FAILED RETRYING            | PUBLISHING
            FAILED IN_FLIGHT           | PUBLISHING
            SENT UNCONFIRMED           | UNCONFIRMED
            FAILED UNCONFIRMED         | UNCONFIRMED
            SENT FAILED                | PARTIAL
            SENT MISSED                | PARTIAL
            SENT CANCELLED             | PARTIAL
            MISSED MISSED              | MISSED
            CANCELLED CANCELLED        | CANCELLED
            FAILED FAILED              | FAILED
            FAILED MISSED              | FAILED
            MISSED CANCELLED           | FAILED
            FAILED CANCELLED           | FAILED
            SENT                       | PUBLISHED
            """)
    void aPostsStateRollsUpFromItsDeliveries(String states, PostState expected) {
        List<DeliveryRecord> deliveries = Arrays.stream(states.trim().split("\\s+")).map(DeliveryState::valueOf).map(DeliveryStateTest::record)
                .toList();
        assertThat(PostRollup.of(deliveries)).isEqualTo(expected);
        assertThat(PostRollup.actionTo(expected).isPresent()).isEqualTo(expected != PostState.PUBLISHING);
    }

    @Test
    void aPostWithNoDeliveriesIsStillPublishing() {
        assertThat(PostRollup.of(List.of())).isEqualTo(PostState.PUBLISHING);
    }

    private static DeliveryRecord record(DeliveryState state) {
        return new DeliveryRecord(1, 1, 1, 0, "sd-1-1-0-abc", "abc", AT, state, 0, AT, null,
                state == DeliveryState.SENT ? RemotePost.of("1", null) : null, Map.of(), "", "", null, AT, 1);
    }
}
