package io.socialdesk.channel.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.post.Media;
import io.socialdesk.core.post.PostContent;
import io.socialdesk.core.post.Utm;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each network's rules, one by one, as an author meets them. */
class NetworkRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final PostValidator VALIDATOR = new PostValidator(RulesTable.standard(),
            Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));
    private static final ValidationOptions DEFAULTS = ValidationOptions.DEFAULTS;
    private static final String FAMILY = "👨‍👩‍👧‍👧";

    private static Verdict text(Network network, String text) {
        return VALIDATOR.validateText(network, text, DEFAULTS);
    }

    private static PostContent post(String text, List<Media> media) {
        return new PostContent(text, Map.of(), media, List.of(), Optional.empty(), List.of(), Utm.NONE, "", "", List.of());
    }

    private static Media image(String type, long bytes, String alt) {
        return new Media("a".repeat(64), type, bytes, alt, "photo");
    }

    private static Media video() {
        return new Media("b".repeat(64), "video/mp4", 1_000_000, "", "clip.mp4");
    }

    // ---------------------------------------------------------------- X

    @Test
    void xCountsUrlsAs23AndEmojiAs2() {
        Verdict v = text(Network.X, "Read https://example.com/a/very/long/path/that/goes/on/and/on " + FAMILY);
        assertThat(v.measures()).containsEntry("weightedLength", 5 + 23 + 1 + 2);
        assertThat(v.valid()).isTrue();
        assertThat(v.limit()).isEqualTo(280);
    }

    @Test
    void xNamesTheRangeBeyond280() {
        Verdict v = text(Network.X, "x".repeat(285));
        assertThat(v.valid()).isFalse();
        assertThat(v.violations()).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo("max-weighted-length");
            assertThat(e.network()).isEqualTo(Network.X);
            assertThat(e.field()).isEqualTo("text");
            assertThat(e.start()).isEqualTo(280);
            assertThat(e.end()).isEqualTo(285);
        });
    }

    @Test
    void xCjkWeighsTwo() {
        assertThat(text(Network.X, "日本語".repeat(46)).measures()).containsEntry("weightedLength", 276);
        assertThat(text(Network.X, "日本語".repeat(47)).valid()).isFalse();
    }

    @Test
    void xTakesFourImagesOrOneVideo() {
        Media png = image("image/png", 1000, "");
        assertThat(VALIDATOR.validate(post("hi", List.of(png, png, png, png)), Network.X, DEFAULTS, TODAY).valid()).isTrue();
        assertThat(VALIDATOR.validate(post("hi", List.of(png, png, png, png, png)), Network.X, DEFAULTS, TODAY).violations())
                .extracting(Violation::rule).containsExactly("max-images");
        assertThat(VALIDATOR.validate(post("hi", List.of(png, video())), Network.X, DEFAULTS, TODAY).violations())
                .extracting(Violation::rule).containsExactly("no-mixed-media");
        assertThat(VALIDATOR.validate(post("hi", List.of(video(), video())), Network.X, DEFAULTS, TODAY).violations())
                .extracting(Violation::rule).containsExactly("max-videos");
    }

    @Test
    void xNeedsTextOnlyWithoutMedia() {
        assertThat(VALIDATOR.validate(post("", List.of()), Network.X, DEFAULTS, TODAY).violations())
                .extracting(Violation::rule).containsExactly("text-required");
        assertThat(VALIDATOR.validate(post("", List.of(image("image/png", 10, ""))), Network.X, DEFAULTS, TODAY).valid()).isTrue();
    }

    // ---------------------------------------------------------------- Bluesky

    @Test
    void blueskyCountsGraphemesAndBytes() {
        Verdict v = text(Network.BLUESKY, FAMILY + "🔥 good!✅");
        assertThat(v.measures()).containsExactly(Map.entry("graphemes", 9), Map.entry("bytes", 38));
        assertThat(v.limit()).isEqualTo(300);
    }

    @Test
    void blueskyRefuses301GraphemesFromThe301st() {
        Verdict v = text(Network.BLUESKY, "é".repeat(301));
        assertThat(v.violations()).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo("max-graphemes");
            assertThat(e.start()).isEqualTo(300);
            assertThat(e.end()).isEqualTo(301);
        });
    }

    @Test
    void blueskyRefusesTooManyBytesEvenUnder300Graphemes() {
        // 121 families: 121 graphemes, 3025 bytes.
        Verdict v = text(Network.BLUESKY, FAMILY.repeat(121));
        assertThat(v.measures()).containsEntry("graphemes", 121).containsEntry("bytes", 3025);
        assertThat(v.violations()).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo("max-bytes");
            assertThat(e.start()).isEqualTo(120 * FAMILY.length());
        });
        assertThat(text(Network.BLUESKY, FAMILY.repeat(120)).valid()).isTrue();
    }

    @Test
    void blueskyImagesNeedAltTextAndAtMost2MB() {
        PostContent content = post("look", List.of(image("image/png", 2_000_000, "a cat"), image("image/jpeg", 2_000_001, "a dog"), image("image/webp", 10, " ")));
        assertThat(VALIDATOR.validate(content, Network.BLUESKY, DEFAULTS, TODAY).violations())
                .extracting(Violation::rule, Violation::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("max-image-bytes", "media[1]"), org.assertj.core.groups.Tuple.tuple("alt-text-required", "media[2]"));
    }

    // ---------------------------------------------------------------- Mastodon

    @Test
    void mastodonCountsUrls23AndRemoteMentionsByLocalPart() {
        Verdict v = text(Network.MASTODON, "Hi @alice@example.social see https://example.com/" + "x".repeat(100));
        assertThat(v.measures()).containsEntry("length", 3 + 6 + 5 + 23);
    }

    @Test
    void mastodonUsesTheInstanceLimit() {
        String text = "a".repeat(600);
        assertThat(text(Network.MASTODON, text).valid()).isFalse();
        Verdict big = VALIDATOR.validateText(Network.MASTODON, text, DEFAULTS.withInstanceLimit(1000));
        assertThat(big.valid()).isTrue();
        assertThat(big.limit()).isEqualTo(1000);
        Verdict v = VALIDATOR.validateText(Network.MASTODON, "a".repeat(490) + " https://example.com", DEFAULTS.withInstanceLimit(500).withUrlReservation(5));
        assertThat(v.measures()).containsEntry("length", 496);
        Verdict over = text(Network.MASTODON, "a".repeat(480) + " https://example.com/x");
        assertThat(over.violations()).singleElement().satisfies(e -> assertThat(e.start()).isEqualTo(481));
    }

    @Test
    void mastodonCountsGraphemes() {
        assertThat(text(Network.MASTODON, FAMILY + "é").measures()).containsEntry("length", 2);
    }

    // ---------------------------------------------------------------- LinkedIn

    @Test
    void linkedInAllows3000AndEscapesLittleText() {
        assertThat(text(Network.LINKEDIN, "a".repeat(3000)).valid()).isTrue();
        assertThat(text(Network.LINKEDIN, "a".repeat(3001)).violations()).extracting(Violation::rule).containsExactly("max-length");
        assertThat(LinkedInText.escape("Hi @team (new) #launch *now* _x_ ~y~ [a] {b} <c> | \\"))
                .isEqualTo("Hi \\@team \\(new\\) \\#launch \\*now\\* \\_x\\_ \\~y\\~ \\[a\\] \\{b\\} \\<c\\> \\| \\\\");
        assertThat(LinkedInText.escape("plain, text. 100%!")).isEqualTo("plain, text. 100%!");
    }

    @Test
    void linkedInAlwaysNeedsText() {
        assertThat(VALIDATOR.validate(post("  ", List.of(image("image/png", 10, ""))), Network.LINKEDIN, DEFAULTS, TODAY).violations())
                .extracting(Violation::rule).containsExactly("text-required");
    }

    // ---------------------------------------------------------------- Threads

    @Test
    void threadsCountsEmojiAsUtf8Bytes() {
        assertThat(text(Network.THREADS, "hi " + FAMILY + "😀").measures()).containsEntry("length", 3 + 25 + 4);
        assertThat(text(Network.THREADS, "é".repeat(500)).valid()).isTrue();
        Verdict v = text(Network.THREADS, "a".repeat(490) + FAMILY);
        assertThat(v.violations()).singleElement().satisfies(e -> assertThat(e.start()).isEqualTo(490));
    }

    // ---------------------------------------------------------------- Instagram

    @Test
    void instagramNeedsMediaAndJpegAndCapsHashtags() {
        assertThat(VALIDATOR.validate(post("caption", List.of()), Network.INSTAGRAM, DEFAULTS, TODAY).violations())
                .extracting(Violation::rule).containsExactly("media-required");
        assertThat(VALIDATOR.validate(post("", List.of(image("image/jpeg", 10, ""))), Network.INSTAGRAM, DEFAULTS, TODAY).valid()).isTrue();
        assertThat(VALIDATOR.validate(post("x", List.of(image("image/png", 10, ""))), Network.INSTAGRAM, DEFAULTS, TODAY).violations())
                .extracting(Violation::rule).containsExactly("media-type");

        String six = "#a #b #c #d #e #f";
        Verdict capped = VALIDATOR.validate(post(six, List.of(image("image/jpeg", 10, ""))), Network.INSTAGRAM, DEFAULTS, TODAY);
        assertThat(capped.violations()).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo("max-hashtags");
            assertThat(e.start()).isEqualTo(15);
            assertThat(e.end()).isEqualTo(17);
        });
        assertThat(VALIDATOR.validate(post(six, List.of(image("image/jpeg", 10, ""))), Network.INSTAGRAM, DEFAULTS.withHashtagCap(30), TODAY).valid()).isTrue();
        assertThat(text(Network.INSTAGRAM, "a".repeat(2201)).violations()).extracting(Violation::rule).containsExactly("max-length");
    }

    // ---------------------------------------------------------------- Facebook, webhook

    @Test
    void facebookPageAllows63206() {
        assertThat(text(Network.FACEBOOK, "a".repeat(63206)).valid()).isTrue();
        assertThat(text(Network.FACEBOOK, "a".repeat(63207)).valid()).isFalse();
    }

    @Test
    void webhookHasASaneCap() {
        assertThat(text(Network.WEBHOOK, "a".repeat(40000)).valid()).isTrue();
        assertThat(text(Network.WEBHOOK, "a".repeat(40001)).valid()).isFalse();
        assertThat(text(Network.WEBHOOK, "").violations()).extracting(Violation::rule).containsExactly("text-required");
    }

    // ---------------------------------------------------------------- the post as a whole

    @Test
    void variantsThreadPartsAndTheFirstCommentAreEachCheckedAndNamed() {
        PostContent content = new PostContent("master", Map.of(Network.BLUESKY, "é".repeat(301)), List.of(),
                List.of("fine", ""), Optional.of("x".repeat(301)), List.of(), Utm.NONE, "", "", List.of());
        Map<Network, Verdict> verdicts = VALIDATOR.validate(content, Set.of(Network.BLUESKY, Network.X), DEFAULTS, TODAY);
        assertThat(verdicts.get(Network.BLUESKY).violations()).extracting(Violation::field, Violation::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("variants.BLUESKY", "max-graphemes"),
                org.assertj.core.groups.Tuple.tuple("thread[1]", "text-required"),
                org.assertj.core.groups.Tuple.tuple("firstComment", "max-graphemes"));
        assertThat(verdicts.get(Network.X).violations()).extracting(Violation::field, Violation::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("thread[1]", "text-required"),
                org.assertj.core.groups.Tuple.tuple("firstComment", "max-weighted-length"));
    }

    @Test
    void mediaOfAnotherKindIsRefused() {
        PostContent content = post("doc", List.of(new Media("c".repeat(64), "application/pdf", 10, "", "a.pdf")));
        assertThat(VALIDATOR.validate(content, Network.MASTODON, DEFAULTS, TODAY).violations())
                .singleElement().satisfies(e -> {
                    assertThat(e.rule()).isEqualTo("media-type");
                    assertThat(e.field()).isEqualTo("media[0]");
                    assertThat(e.message()).contains("application/pdf");
                });
    }

    // ---------------------------------------------------------------- the table

    @Test
    void aRuleChangeTakesEffectFromItsDate() {
        LocalDate change = LocalDate.of(2027, 3, 1);
        NetworkRules shorter = new NetworkRules(Network.LINKEDIN, change, new LengthMeasure("LinkedIn", 2000), TextRequirement.ALWAYS,
                RulesTable.standard().forNetwork(Network.LINKEDIN, TODAY).media(), 0, "test: LinkedIn shortens posts");
        RulesTable table = RulesTable.standard().with(shorter);
        PostValidator validator = new PostValidator(table, Clock.systemUTC());
        PostContent content = post("a".repeat(2500), List.of());

        Verdict before = validator.validate(content, Network.LINKEDIN, DEFAULTS, change.minusDays(1));
        Verdict on = validator.validate(content, Network.LINKEDIN, DEFAULTS, change);
        assertThat(before.valid()).isTrue();
        assertThat(before.limit()).isEqualTo(3000);
        assertThat(on.valid()).isFalse();
        assertThat(on.limit()).isEqualTo(2000);
        assertThat(on.rulesFrom()).isEqualTo(change);
        assertThat(table.forNetwork(Network.LINKEDIN, change.plusYears(5))).isSameAs(shorter);
    }

    @Test
    void theTableHasOneRowPerNetworkAndRefusesTwoRowsOnOneDate() {
        RulesTable table = RulesTable.standard();
        for (Network n : Network.values()) assertThat(table.forNetwork(n, TODAY).network()).isEqualTo(n);
        NetworkRules x = table.forNetwork(Network.X, TODAY);
        assertThatThrownBy(() -> table.with(x)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two rows for X");
        assertThatThrownBy(() -> table.forNetwork(Network.X, LocalDate.of(2010, 1, 1))).hasMessageContaining("No rules for X");
    }

    @Test
    void theTableStatesXsLimitAsTwitterTextHasIt() {
        assertThat(XTextMeasure.MAX_WEIGHTED_LENGTH).isEqualTo(280);
    }
}
