package io.socialdesk.core.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.approval.TextDiff.Op;
import io.socialdesk.core.approval.TextDiff.Segment;
import io.socialdesk.core.post.Media;
import io.socialdesk.core.post.PostContent;
import io.socialdesk.core.post.Utm;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContentDiffTest {
    static String rebuildOld(List<Segment> d) {
        return d.stream().filter(s -> s.op() != Op.INSERT).map(Segment::text).reduce("", String::concat);
    }

    static String rebuildNew(List<Segment> d) {
        return d.stream().filter(s -> s.op() != Op.DELETE).map(Segment::text).reduce("", String::concat);
    }

    @Test
    void theReviewerSeesTheOneCharacterTheAuthorChanged() {
        List<Segment> d = TextDiff.chars("Only 19,99 € today", "Only 18,99 € today");
        assertThat(d).containsExactly(new Segment(Op.EQUAL, "Only 1", 0, 6, 0, 6), new Segment(Op.DELETE, "9", 6, 7, 6, 6),
                new Segment(Op.INSERT, "8", 7, 7, 6, 7), new Segment(Op.EQUAL, ",99 € today", 7, 18, 7, 18));
    }

    @Test
    void wordsDiffKeepsWholeWords() {
        List<Segment> d = TextDiff.words("Win a bike today", "Win a red bike tomorrow");
        assertThat(d).extracting(s -> s.op() + ":" + s.text())
                .containsExactly("EQUAL:Win a ", "INSERT:red ", "EQUAL:bike ", "DELETE:today", "INSERT:tomorrow");
        assertThat(rebuildOld(d)).isEqualTo("Win a bike today");
        assertThat(rebuildNew(d)).isEqualTo("Win a red bike tomorrow");
    }

    @Test
    void rangesCountUtf16UnitsAndNeverSplitAnEmoji() {
        String before = "Salut 👋 à tous";
        String after = "Salut 👍 à tous";
        List<Segment> d = TextDiff.chars(before, after);
        Segment deleted = d.stream().filter(s -> s.op() == Op.DELETE).findFirst().orElseThrow();
        assertThat(deleted.text()).isEqualTo("👋");
        assertThat(before.substring(deleted.oldStart(), deleted.oldEnd())).isEqualTo("👋");
        Segment inserted = d.stream().filter(s -> s.op() == Op.INSERT).findFirst().orElseThrow();
        assertThat(after.substring(inserted.newStart(), inserted.newEnd())).isEqualTo("👍");
    }

    @Test
    void everyRangeRebuildsBothTexts() {
        String[][] pairs = {{"", "abc"}, {"abc", ""}, {"kitten", "sitting"}, {"a b c", "c b a"}, {"same", "same"}, {"ééé", "eee"}};
        for (String[] p : pairs) {
            for (List<Segment> d : List.of(TextDiff.chars(p[0], p[1]), TextDiff.words(p[0], p[1]))) {
                assertThat(rebuildOld(d)).isEqualTo(p[0]);
                assertThat(rebuildNew(d)).isEqualTo(p[1]);
                for (Segment s : d) {
                    if (s.op() != Op.INSERT) assertThat(p[0].substring(s.oldStart(), s.oldEnd())).isEqualTo(s.text());
                    if (s.op() != Op.DELETE) assertThat(p[1].substring(s.newStart(), s.newEnd())).isEqualTo(s.text());
                }
            }
        }
    }

    @Test
    void aVeryLargeChangeIsOneDeletionAndOneInsertion() {
        String a = "x" + "a".repeat(3000) + "y";
        String b = "x" + "b".repeat(3000) + "y";
        assertThat(TextDiff.chars(a, b)).extracting(Segment::op).containsExactly(Op.EQUAL, Op.DELETE, Op.INSERT, Op.EQUAL);
    }

    @Test
    void contentDiffNamesEachChangedFieldPerNetwork() {
        PostContent approved = new PostContent("Hello", Map.of(Network.MASTODON, "Hello fediverse", Network.X, "Hi X"),
                List.of(new Media("aa", "image/png", 1, "A cat", "")), List.of("part 2"), Optional.empty(), List.of("#a"), Utm.NONE, "", "en",
                List.of(1L));
        PostContent current = new PostContent("Hello", Map.of(Network.MASTODON, "Hello, fediverse", Network.BLUESKY, "Hi sky"),
                List.of(new Media("aa", "image/png", 1, "A black cat", "")), List.of("part 2"), Optional.of("First!"), List.of("#a"),
                new Utm("social", "", ""), "", "en", List.of(1L, 2L));
        List<ContentDiff.FieldChange> changes = ContentDiff.between(approved, current);
        assertThat(changes).extracting(c -> c.field() + " " + c.change()).containsExactly("variant:MASTODON CHANGED", "variant:BLUESKY ADDED",
                "variant:X REMOVED", "firstComment ADDED", "media[0] CHANGED", "utm.medium ADDED", "accounts CHANGED");
        ContentDiff.FieldChange mastodon = changes.get(0);
        assertThat(mastodon.chars()).extracting(s -> s.op() + ":" + s.text()).containsExactly("EQUAL:Hello", "INSERT:,", "EQUAL: fediverse");
        assertThat(ContentDiff.between(approved, approved)).isEmpty();
    }
}
