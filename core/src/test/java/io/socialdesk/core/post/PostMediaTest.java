package io.socialdesk.core.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.socialdesk.core.approval.ContentVersions;
import io.socialdesk.core.approval.ReviewNotices;
import io.socialdesk.core.audit.AuditTrail;
import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.tracker.IssueTracker;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** How a post refers to uploaded files: each resolved by its checksum, images described, four images or one video. */
class PostMediaTest {
    private static final String PNG = "a".repeat(64);
    private static final String JPEG = "b".repeat(64);
    private static final String MP4 = "c".repeat(64);
    private static final String MOV = "d".repeat(64);

    private final PostStore store = mock(PostStore.class);
    private final MediaStore media = mock(MediaStore.class);
    private final IssueTracker tracker = mock(IssueTracker.class);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private final ContentVersions versions = mock(ContentVersions.class);
    private final PostService service = new PostService(store, media, tracker, mock(AuditTrail.class), versions, mock(ReviewNotices.class),
            clock);
    private final User author = new User("ana", "Ana", Set.of(Role.MARKETING_AUTHOR), ZoneId.of("Europe/Paris"));

    @BeforeEach
    void uploads() {
        when(media.find(anyString())).thenReturn(Optional.empty());
        when(media.find(PNG)).thenReturn(Optional.of(new Media(PNG, "image/png", 1200, "", "cat.png")));
        when(media.find(JPEG)).thenReturn(Optional.of(new Media(JPEG, "image/jpeg", 3400, "", "dog.jpg")));
        when(media.find(MP4)).thenReturn(Optional.of(new Media(MP4, "video/mp4", 90_000, "", "clip.mp4")));
        when(media.find(MOV)).thenReturn(Optional.of(new Media(MOV, "video/quicktime", 80_000, "", "clip.mov")));
        when(versions.save(any(Long.class), any())).thenReturn("hash");
        when(tracker.open(any(), anyString(), any())).thenReturn(new TrackedItem(5, "SD-5", "/items/SD-5"));
        when(store.create(any(), any(), any(), any(), any(), any(), any())).thenAnswer(call -> new Post(5, call.getArgument(0),
                call.getArgument(1), call.getArgument(2), call.getArgument(3), call.getArgument(4), "ana", clock.instant(), 1, "ana",
                clock.instant()));
    }

    private static NewPost post(MediaRef... refs) {
        return new NewPost("Launch", "Look", "2026-12-01T09:00", "Europe/Paris", null, null, null, null, null, null, null, null,
                Arrays.asList(refs));
    }

    private List<FieldProblem> problems(NewPost post) {
        try {
            service.create(post, author);
        } catch (InvalidInputException e) {
            return e.problems();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void eachReferenceBecomesTheStoredFileWithTheAltTextOfThisPostInOrder() {
        service.create(post(new MediaRef(JPEG, " A dog on a sofa "), new MediaRef(PNG.toUpperCase(), "A cat")), author);

        ArgumentCaptor<PostContent> content = ArgumentCaptor.forClass(PostContent.class);
        verify(store).create(any(), eq("Launch"), content.capture(), any(), any(), any(), any());
        assertThat(content.getValue().media()).containsExactly(
                new Media(JPEG, "image/jpeg", 3400, "A dog on a sofa", "dog.jpg"),
                new Media(PNG, "image/png", 1200, "A cat", "cat.png"));
    }

    @Test
    void anUnknownOrMalformedChecksumIsNamedByItsPosition() {
        assertThat(problems(post(new MediaRef(PNG, "A cat"), new MediaRef("e".repeat(64), "x"), new MediaRef("../../etc/passwd", "x"),
                new MediaRef(null, "x"))))
                .extracting(FieldProblem::field, FieldProblem::rule)
                .containsExactly(tuple("media[1].sha256", "known-media"), tuple("media[2].sha256", "known-media"),
                        tuple("media[3].sha256", "known-media"));
        verifyNoInteractions(tracker);
    }

    @Test
    void imagesNeedAltTextButAVideoMayGoWithout() {
        assertThat(problems(post(new MediaRef(PNG, "  "), new MediaRef(JPEG, null))))
                .extracting(FieldProblem::field, FieldProblem::rule)
                .containsExactly(tuple("media[0].altText", "alt-text-required"), tuple("media[1].altText", "alt-text-required"));

        service.create(post(new MediaRef(MP4, null)), author);
    }

    @Test
    void altTextHasAtMostAThousandCharacters() {
        assertThat(problems(post(new MediaRef(PNG, "é".repeat(PostService.MAX_ALT_TEXT + 1)))))
                .extracting(FieldProblem::field, FieldProblem::rule).containsExactly(tuple("media[0].altText", "max-length"));
        service.create(post(new MediaRef(PNG, "é".repeat(PostService.MAX_ALT_TEXT))), author);
    }

    @Test
    void fourImagesAtMostOrOneVideo() {
        service.create(post(new MediaRef(PNG, "1"), new MediaRef(JPEG, "2"), new MediaRef(PNG, "3"), new MediaRef(JPEG, "4")), author);

        assertThat(problems(post(new MediaRef(PNG, "1"), new MediaRef(JPEG, "2"), new MediaRef(PNG, "3"), new MediaRef(JPEG, "4"),
                new MediaRef(PNG, "5"))))
                .extracting(FieldProblem::field, FieldProblem::rule).containsExactly(tuple("media", "media-count"));
        assertThat(problems(post(new MediaRef(MP4, ""), new MediaRef(MOV, ""))))
                .extracting(FieldProblem::field, FieldProblem::rule).containsExactly(tuple("media", "media-count"));
    }

    @Test
    void videoAndImagesDoNotMix() {
        assertThat(problems(post(new MediaRef(PNG, "A cat"), new MediaRef(MP4, ""))))
                .extracting(FieldProblem::field, FieldProblem::rule).containsExactly(tuple("media", "media-mix"));
    }

    @Test
    void aPostWithoutMediaIsTextOnlyAndAsksTheStoreNothing() {
        service.create(new NewPost("Launch", "Look", "2026-12-01T09:00", "Europe/Paris"), author);

        ArgumentCaptor<PostContent> content = ArgumentCaptor.forClass(PostContent.class);
        verify(store).create(any(), any(), content.capture(), any(), any(), any(), any());
        assertThat(content.getValue()).isEqualTo(PostContent.ofText("Look"));
        verify(media, org.mockito.Mockito.never()).find(anyString());
    }
}
