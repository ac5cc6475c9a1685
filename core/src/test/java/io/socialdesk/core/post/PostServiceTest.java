package io.socialdesk.core.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotAllowedException;
import io.socialdesk.core.tracker.IssueTracker;
import io.socialdesk.core.tracker.ItemKind;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PostServiceTest {
    private final PostStore store = mock(PostStore.class);
    private final IssueTracker tracker = mock(IssueTracker.class);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private final PostService service = new PostService(store, tracker, clock);
    private final User author = new User("ana", "Ana", Set.of(Role.MARKETING_AUTHOR), ZoneId.of("Europe/Paris"));

    @Test
    void aValidPostOpensATrackedItemAndIsStoredAsTheAuthorWroteIt() {
        TrackedItem item = new TrackedItem(7, "SD-7", "/items/SD-7");
        when(tracker.open(ItemKind.SOCIAL_POST, "Launch", author)).thenReturn(item);

        service.create(new NewPost("  Launch ", "Hello 👋🏽", "2026-12-01T09:00", "Europe/Paris"), author);

        verify(store).create(eq(item), eq("Launch"), eq("Hello 👋🏽"),
                eq(new PlannedTime(LocalDateTime.parse("2026-12-01T09:00"), ZoneId.of("Europe/Paris"))),
                eq(PostState.DRAFT), eq("ana"), eq(clock.instant()));
    }

    @Test
    void everyMissingFieldIsNamedWithItsRule() {
        assertThatThrownBy(() -> service.create(new NewPost(" ", null, "", null), author))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::rule)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("title", "required"),
                                org.assertj.core.groups.Tuple.tuple("text", "required"),
                                org.assertj.core.groups.Tuple.tuple("zone", "required"),
                                org.assertj.core.groups.Tuple.tuple("plannedAt", "required")));
        verifyNoInteractions(tracker, store);
    }

    @Test
    void anUnknownZoneAndAMalformedTimeAreRefused() {
        assertThatThrownBy(() -> service.create(new NewPost("t", "x", "tomorrow 9am", "Paris"), author))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::rule)
                        .containsExactly("iana-zone", "local-date-time"));
    }

    @Test
    void aTimeTheClocksSkipIsRefusedAndSaysWhy() {
        // 2027-03-28 02:30 does not exist in Paris: clocks go from 02:00 to 03:00.
        assertThatThrownBy(() -> service.create(new NewPost("t", "x", "2027-03-28T02:30", "Europe/Paris"), author))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.first().rule()).isEqualTo("nonexistent-local-time");
                    assertThat(e.first().message()).contains("Europe/Paris");
                });
    }

    @Test
    void aLoneSurrogateIsRefusedRatherThanStoredBroken() {
        assertThatThrownBy(() -> service.create(new NewPost("t", "bad \uD83D text", "2026-12-01T09:00", "UTC"), author))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.first()).extracting(FieldProblem::field, FieldProblem::rule)
                                .containsExactly("text", "malformed-unicode"));
    }

    @Test
    void aTitleOverTheLimitSaysHowLongItIs() {
        String title = "é".repeat(PostService.MAX_TITLE_LENGTH + 1);
        assertThatThrownBy(() -> service.create(new NewPost(title, "x", "2026-12-01T09:00", "UTC"), author))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.first().message()).contains("256 characters").contains("at most 255"));
    }

    @Test
    void aSupportAgentCannotCreatePosts() {
        User agent = new User("sam", "Sam", Set.of(Role.SUPPORT_AGENT), ZoneId.of("UTC"));
        assertThatThrownBy(() -> service.create(new NewPost("t", "x", "2026-12-01T09:00", "UTC"), agent))
                .isInstanceOf(NotAllowedException.class);
        verifyNoInteractions(tracker);
    }

    @Test
    void nineOClockInParisIsNineOClockOnBothSidesOfTheClockChange() {
        PlannedTime summer = new PlannedTime(LocalDateTime.parse("2026-10-24T09:00"), ZoneId.of("Europe/Paris"));
        PlannedTime winter = new PlannedTime(LocalDateTime.parse("2026-10-26T09:00"), ZoneId.of("Europe/Paris"));
        assertThat(summer.instant()).isEqualTo(Instant.parse("2026-10-24T07:00:00Z"));
        assertThat(winter.instant()).isEqualTo(Instant.parse("2026-10-26T08:00:00Z"));
    }

    @Test
    void inTheAutumnOverlapThePlannedTimeIsTheFirstOfTheTwo() {
        PlannedTime overlap = new PlannedTime(LocalDateTime.parse("2026-10-25T02:30"), ZoneId.of("Europe/Paris"));
        assertThat(overlap.isInGap()).isFalse();
        assertThat(overlap.instant()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    }
}
