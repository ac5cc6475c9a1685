package io.socialdesk.core.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.post.Media;
import io.socialdesk.core.post.PostContent;
import io.socialdesk.core.post.Utm;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ContentHashPropertiesTest {
    @Provide
    Arbitrary<PostContent> contents() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(12);
        Arbitrary<Map<Network, String>> variants = Arbitraries.maps(Arbitraries.of(Network.class), text).ofMaxSize(3);
        Arbitrary<Media> media = Combinators.combine(Arbitraries.strings().withChars("0123456789abcdef").ofLength(4),
                Arbitraries.of("image/png", "video/mp4"), text).as((h, t, alt) -> new Media(h, t, 10, alt, "f"));
        Arbitrary<List<String>> lists = text.list().ofMaxSize(3);
        Arbitrary<Utm> utm = Combinators.combine(text, text, text).as(Utm::new);
        Arbitrary<Optional<String>> first = text.optional();
        Arbitrary<List<Long>> accounts = Arbitraries.longs().between(1, 50).list().uniqueElements().ofMaxSize(3);
        return Combinators.combine(text, variants, media.list().ofMaxSize(2), lists, first, lists, utm, text)
                .as((t, v, m, th, fc, h, u, lang) -> new PostContent(t, v, m, th, fc, h, u, "", lang, List.of()))
                .flatMap(c -> accounts.map(a -> new PostContent(c.text(), c.variants(), c.media(), c.thread(), c.firstComment(),
                        c.hashtags(), c.utm(), c.campaign(), c.language(), a)));
    }

    @Property
    void equalContentHasEqualHash(@ForAll("contents") PostContent c) {
        PostContent copy = new PostContent(c.text(), new HashMap<>(c.variants()), new ArrayList<>(c.media()), new ArrayList<>(c.thread()),
                c.firstComment(), new ArrayList<>(c.hashtags()), c.utm(), c.campaign(), c.language(), new ArrayList<>(c.accountIds()));
        assertThat(ContentHash.of(copy)).isEqualTo(ContentHash.of(c)).matches("[0-9a-f]{64}");
    }

    @Property
    void aSnapshotGivesBackTheWholeContent(@ForAll("contents") PostContent c) {
        PostContent tagged = new PostContent(c.text(), c.variants(), c.media(), c.thread(), c.firstComment(), c.hashtags(), c.utm(),
                "campaign " + c.text(), c.language(), c.accountIds());
        assertThat(ContentSnapshot.decode(ContentSnapshot.encode(tagged))).isEqualTo(tagged);
    }

    @Property
    void anySingleChangeChangesTheHash(@ForAll("contents") PostContent c, @ForAll("changes") Change change) {
        PostContent changed = change.apply(c);
        if (changed.equals(c)) return;
        assertThat(ContentHash.of(changed)).as(change.name).isNotEqualTo(ContentHash.of(c));
    }

    @Property
    void differentContentsNeverEncodeAlike(@ForAll("contents") PostContent a, @ForAll("contents") PostContent b) {
        if (sameHashedParts(a, b)) return;
        assertThat(ContentHash.canonical(a)).isNotEqualTo(ContentHash.canonical(b));
    }

    private static boolean sameHashedParts(PostContent a, PostContent b) {
        return a.text().equals(b.text()) && a.variants().equals(b.variants()) && a.thread().equals(b.thread())
                && a.firstComment().equals(b.firstComment()) && a.hashtags().equals(b.hashtags()) && a.utm().equals(b.utm())
                && a.language().equals(b.language()) && a.accountIds().stream().sorted().toList().equals(b.accountIds().stream().sorted().toList())
                && a.media().stream().map(m -> m.sha256() + "|" + m.mimeType() + "|" + m.altText()).toList()
                        .equals(b.media().stream().map(m -> m.sha256() + "|" + m.mimeType() + "|" + m.altText()).toList());
    }

    record Change(String name, java.util.function.UnaryOperator<PostContent> op) {
        PostContent apply(PostContent c) {
            return op.apply(c);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Provide
    Arbitrary<Change> changes() {
        Arbitrary<String> s = Arbitraries.strings().ofMinLength(1).ofMaxLength(3);
        return Arbitraries.oneOf(
                s.map(x -> new Change("text+" + x, c -> with(c, b -> b.text = c.text() + x))),
                Combinators.combine(Arbitraries.of(Network.class), s).as((n, x) -> new Change("variant " + n + "+" + x, c -> with(c, b -> {
                    Map<Network, String> v = new EnumMap<>(Network.class);
                    v.putAll(c.variants());
                    v.merge(n, x, String::concat);
                    b.variants = v;
                }))),
                s.map(x -> new Change("thread part", c -> with(c, b -> b.thread = append(c.thread(), x)))),
                s.map(x -> new Change("first comment", c -> with(c, b -> b.firstComment = Optional.of(c.firstComment().orElse("") + x)))),
                Arbitraries.just(new Change("no first comment vs empty", c -> with(c, b -> b.firstComment =
                        c.firstComment().isPresent() ? Optional.empty() : Optional.of("")))),
                s.map(x -> new Change("hashtag", c -> with(c, b -> b.hashtags = append(c.hashtags(), x)))),
                s.map(x -> new Change("utm medium", c -> with(c, b -> b.utm = new Utm(c.utm().medium() + x, c.utm().campaign(), c.utm().content())))),
                s.map(x -> new Change("utm campaign", c -> with(c, b -> b.utm = new Utm(c.utm().medium(), c.utm().campaign() + x, c.utm().content())))),
                s.map(x -> new Change("utm content", c -> with(c, b -> b.utm = new Utm(c.utm().medium(), c.utm().campaign(), c.utm().content() + x)))),
                s.map(x -> new Change("language", c -> with(c, b -> b.language = c.language() + x))),
                Arbitraries.longs().between(51, 99).map(x -> new Change("account", c -> with(c, b -> {
                    List<Long> a = new ArrayList<>(c.accountIds());
                    a.add(x);
                    b.accounts = a;
                }))),
                s.map(x -> new Change("media added", c -> with(c, b -> {
                    List<Media> m = new ArrayList<>(c.media());
                    m.add(new Media("ff" + x, "image/png", 1, "", ""));
                    b.media = m;
                }))),
                s.map(x -> new Change("alt text", c -> with(c, b -> {
                    if (c.media().isEmpty()) return;
                    List<Media> m = new ArrayList<>(c.media());
                    Media old = m.get(0);
                    m.set(0, new Media(old.sha256(), old.mimeType(), old.bytes(), old.altText() + x, old.fileName()));
                    b.media = m;
                }))),
                Arbitraries.just(new Change("media checksum", c -> with(c, b -> {
                    if (c.media().isEmpty()) return;
                    List<Media> m = new ArrayList<>(c.media());
                    Media old = m.get(0);
                    m.set(0, new Media(old.sha256() + "0", old.mimeType(), old.bytes(), old.altText(), old.fileName()));
                    b.media = m;
                }))));
    }

    private static List<String> append(List<String> list, String x) {
        List<String> out = new ArrayList<>(list);
        out.add(x);
        return out;
    }

    static final class Builder {
        String text;
        Map<Network, String> variants;
        List<Media> media;
        List<String> thread;
        Optional<String> firstComment;
        List<String> hashtags;
        Utm utm;
        String language;
        List<Long> accounts;
    }

    private static PostContent with(PostContent c, java.util.function.Consumer<Builder> edit) {
        Builder b = new Builder();
        b.text = c.text();
        b.variants = c.variants();
        b.media = c.media();
        b.thread = c.thread();
        b.firstComment = c.firstComment();
        b.hashtags = c.hashtags();
        b.utm = c.utm();
        b.language = c.language();
        b.accounts = c.accountIds();
        edit.accept(b);
        return new PostContent(b.text, b.variants, b.media, b.thread, b.firstComment, b.hashtags, b.utm, c.campaign(), b.language, b.accounts);
    }

    private static PostContent threadOf(String... parts) {
        return new PostContent("t", Map.of(), List.of(), List.of(parts), Optional.empty(), List.of(), Utm.NONE, "", "", List.of());
    }

    @Example
    void fieldBoundariesAreUnambiguous() {
        assertThat(ContentHash.of(threadOf("ab", "c"))).isNotEqualTo(ContentHash.of(threadOf("a", "bc")));
        assertThat(ContentHash.of(threadOf("ab"))).isNotEqualTo(ContentHash.of(threadOf("a", "b")));
        PostContent textAb = new PostContent("ab", Map.of(), List.of(), List.of(), Optional.of("c"), List.of(), Utm.NONE, "", "", List.of());
        PostContent textA = new PostContent("a", Map.of(), List.of(), List.of(), Optional.of("bc"), List.of(), Utm.NONE, "", "", List.of());
        assertThat(ContentHash.of(textAb)).isNotEqualTo(ContentHash.of(textA));
        PostContent hashtagInText = new PostContent("x", Map.of(), List.of(), List.of("#a"), Optional.empty(), List.of(), Utm.NONE, "", "", List.of());
        PostContent hashtag = new PostContent("x", Map.of(), List.of(), List.of(), Optional.empty(), List.of("#a"), Utm.NONE, "", "", List.of());
        assertThat(ContentHash.of(hashtagInText)).isNotEqualTo(ContentHash.of(hashtag));
    }

    @Example
    void theCampaignLabelFileNamesAndAccountOrderDoNotCount() {
        PostContent a = new PostContent("t", Map.of(), List.of(new Media("AB", "image/png", 1, "alt", "one.png")), List.of(), Optional.empty(),
                List.of(), Utm.NONE, "spring", "fr", List.of(1L, 2L));
        PostContent b = new PostContent("t", Map.of(), List.of(new Media("ab", "image/png", 1, "alt", "two.png")), List.of(), Optional.empty(),
                List.of(), Utm.NONE, "autumn", "fr", List.of(2L, 1L));
        assertThat(ContentHash.of(a)).isEqualTo(ContentHash.of(b));
    }

    @Example
    void malformedTextIsNotConfusedWithItsReplacement() {
        assertThat(ContentHash.of(PostContent.ofText("\uD800"))).isNotEqualTo(ContentHash.of(PostContent.ofText("?")))
                .isNotEqualTo(ContentHash.of(PostContent.ofText("\uFFFD")));
    }

    @Example
    void aKnownContentHasAKnownHash() {
        // Pinned so that a change to the encoding (which would void every stored approval) is a deliberate one.
        assertThat(ContentHash.of(PostContent.ofText("Bonjour"))).isEqualTo(ContentHash.of(PostContent.ofText("Bonjour")))
                .isEqualTo(PINNED);
    }

    // Computed independently (Python: struct.pack(">I", n) and UTF-16BE, as docs/workflow.md describes).
    static final String PINNED = "8a6f7d303a29d12f0eae8fbd4fc7a82820d0604dd862acce284c128d376e6d57";
}
