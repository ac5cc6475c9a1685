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
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PostServiceTest {
    private final PostStore store = mock(PostStore.class);
    private final IssueTracker tracker = mock(IssueTracker.class);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private final io.socialdesk.core.audit.AuditTrail trail = mock(io.socialdesk.core.audit.AuditTrail.class);
    private final io.socialdesk.core.approval.ContentVersions versions = mock(io.socialdesk.core.approval.ContentVersions.class);
    private final io.socialdesk.core.approval.ReviewNotices notices = mock(io.socialdesk.core.approval.ReviewNotices.class);
    private final MediaStore media = mock(MediaStore.class);
    private final PostService service = new PostService(store, media, tracker, trail, versions, notices, clock);
    private final User author = new User("ana", "Ana", Set.of(Role.MARKETING_AUTHOR), ZoneId.of("Europe/Paris"));

    @Test
    void aValidPostOpensATrackedItemAndIsStoredAsTheAuthorWroteIt() {
        TrackedItem item = new TrackedItem(7, "SD-7", "/items/SD-7");
        when(tracker.open(ItemKind.SOCIAL_POST, "Launch", author)).thenReturn(item);
        when(store.create(any(), any(), any(), any(), any(), any(), any())).thenReturn(stored(1, PostState.DRAFT));
        when(versions.save(eq(5L), any())).thenReturn("h1");

        service.create(new NewPost("  Launch ", "Hello 👋🏽", "2026-12-01T09:00", "Europe/Paris"), author);

        verify(store).create(eq(item), eq("Launch"), eq(PostContent.ofText("Hello 👋🏽")),
                eq(new PlannedTime(LocalDateTime.parse("2026-12-01T09:00"), ZoneId.of("Europe/Paris"))),
                eq(PostState.DRAFT), eq("ana"), eq(clock.instant()));
        verify(trail).append(org.mockito.ArgumentMatchers.argThat(e -> e.kind() == io.socialdesk.core.audit.AuditKind.CREATED
                && e.actor().equals("ana") && e.contentHash().equals(java.util.Optional.of("h1"))));
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

    private Post stored(int version, PostState state) {
        return new Post(5, new TrackedItem(5, "SD-5", "/items/SD-5"), "Launch", PostContent.ofText("old"),
                new PlannedTime(LocalDateTime.parse("2026-12-01T09:00"), ZoneId.of("Europe/Paris")), state, "ana",
                clock.instant(), version, "marc", clock.instant());
    }

    private static PostEdit edit(Integer version, String text) {
        return new PostEdit(version, "Launch", text, "2026-12-01T09:00", "Europe/Paris",
                java.util.Map.of("x", "Short for X", "bluesky", " "), List.of(), null, List.of("#launch", "launch", "winter_26"),
                new Utm("social", "winter", ""), "Winter", "fr", List.of(3L, 3L, 4L));
    }

    @Test
    void anEditSavesEveryFieldNormalisedAgainstTheVersionTheEditorRead() {
        when(store.find(5)).thenReturn(java.util.Optional.of(stored(3, PostState.DRAFT)));
        when(store.update(eq(5L), eq(3), any(), any(), any(), any(), any(), any())).thenReturn(java.util.Optional.of(stored(4, PostState.DRAFT)));
        when(versions.save(eq(5L), any())).thenReturn("hash");

        service.edit(5, edit(3, "new text"), author);

        PostContent expected = new PostContent("new text", java.util.Map.of(io.socialdesk.core.account.Network.X, "Short for X"),
                List.of(), List.of(), java.util.Optional.empty(), List.of("launch", "winter_26"), new Utm("social", "winter", ""),
                "Winter", "fr", List.of(3L, 4L));
        verify(store).update(eq(5L), eq(3), eq("Launch"), eq(expected), any(), eq(PostState.DRAFT), eq("ana"), eq(clock.instant()));
    }

    @Test
    void aStaleEditIsAConflictThatShowsTheCurrentVersionAndWritesNothing() {
        when(store.find(5)).thenReturn(java.util.Optional.of(stored(4, PostState.DRAFT)));
        assertThatThrownBy(() -> service.edit(5, edit(3, "mine"), author))
                .isInstanceOfSatisfying(io.socialdesk.core.problem.ConflictException.class, e -> {
                    assertThat(e.rule()).isEqualTo("stale-version");
                    assertThat(e.getMessage()).contains("version 4", "marc");
                    assertThat(((Post) e.current()).version()).isEqualTo(4);
                });
        verify(store, org.mockito.Mockito.never()).update(org.mockito.ArgumentMatchers.anyLong(), org.mockito.ArgumentMatchers.anyInt(),
                any(), any(), any(), any(), any(), any());
    }

    @Test
    void editingAScheduledPostSendsItBackToReviewAndRecordsTheNewHash() {
        when(store.find(5)).thenReturn(java.util.Optional.of(stored(2, PostState.SCHEDULED)));
        when(store.update(eq(5L), eq(2), any(), any(), any(), eq(PostState.IN_REVIEW), any(), any()))
                .thenReturn(java.util.Optional.of(stored(3, PostState.IN_REVIEW)));
        when(versions.save(eq(5L), any())).thenReturn("h3");

        assertThat(service.edit(5, edit(2, "changed"), author).state()).isEqualTo(PostState.IN_REVIEW);

        verify(trail).append(org.mockito.ArgumentMatchers.argThat(e -> e.kind() == io.socialdesk.core.audit.AuditKind.EDITED
                && e.contentHash().equals(java.util.Optional.of("h3")) && e.toState().equals(java.util.Optional.of(PostState.IN_REVIEW))));
        verify(tracker).moved(any(), eq(PostState.SCHEDULED), eq(PostState.IN_REVIEW), eq("ana"));
    }

    @Test
    void aPersonWithoutAWritingRoleCannotEditAndNothingIsWritten() {
        when(store.find(5)).thenReturn(java.util.Optional.of(stored(2, PostState.DRAFT)));
        User agent = new User("sam", "Sam", Set.of(Role.SUPPORT_AGENT), ZoneId.of("UTC"));
        assertThatThrownBy(() -> service.edit(5, edit(2, "mine"), agent)).isInstanceOf(NotAllowedException.class)
                .hasMessageContaining("may not");
        verify(store, org.mockito.Mockito.never()).update(org.mockito.ArgumentMatchers.anyLong(), org.mockito.ArgumentMatchers.anyInt(),
                any(), any(), any(), any(), any(), any());
    }

    @Test
    void aPublishedPostCannotBeEdited() {
        when(store.find(5)).thenReturn(java.util.Optional.of(stored(2, PostState.PUBLISHED)));
        assertThatThrownBy(() -> service.edit(5, edit(2, "too late"), author))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first().rule()).isEqualTo("transition-not-allowed"));
    }

    @Test
    void badOptionalFieldsAreEachNamed() {
        NewPost bad = new NewPost("t", "x", "2026-12-01T09:00", "UTC", java.util.Map.of("myspace", "hi"),
                List.of("part one", " "), "and a comment", List.of("#no spaces"), null, null, "french", List.of(0L));
        assertThatThrownBy(() -> service.create(bad, author))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::rule)
                        .contains(
                                org.assertj.core.groups.Tuple.tuple("variants.myspace", "known-network"),
                                org.assertj.core.groups.Tuple.tuple("thread[1]", "required"),
                                org.assertj.core.groups.Tuple.tuple("firstComment", "thread-or-first-comment"),
                                org.assertj.core.groups.Tuple.tuple("hashtags[0]", "hashtag-format"),
                                org.assertj.core.groups.Tuple.tuple("language", "language-tag"),
                                org.assertj.core.groups.Tuple.tuple("accountIds[0]", "positive-integer")));
    }

    @Test
    void aPlannedTimeInThePastIsRefused() {
        assertThatThrownBy(() -> service.create(new NewPost("t", "x", "2026-11-01T09:00", "Europe/Paris"), author))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first().rule()).isEqualTo("in-the-past"));
    }
}
