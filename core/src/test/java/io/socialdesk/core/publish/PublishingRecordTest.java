package io.socialdesk.core.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.channel.RemotePost;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The post's publishing record as people read it on the item and in its history: every outcome, bounded for a large post. */
class PublishingRecordTest {
    static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");

    private static DeliveryRecord delivery(long account, int part, DeliveryState state, RemotePost remote, String cause) {
        return new DeliveryRecord(account * 10 + part, 7, account, part, "key-" + account + "-" + part, "hash", AT, state, 1, AT, null, remote,
                null, cause, "", state == DeliveryState.SENT ? AT : null, AT, 0);
    }

    private static String label(long account) {
        return "@acct" + account + " (Mastodon)";
    }

    @Test
    void aThreadOnTwoAccountsIsListedAccountByAccountPartByPartWithEachOutcome() {
        List<DeliveryRecord> all = List.of(
                delivery(2, 1, DeliveryState.CANCELLED, null, "earlier-part-failed"),
                delivery(1, 1, DeliveryState.SENT, new RemotePost("at://2", null, null), ""),
                delivery(1, 0, DeliveryState.SENT, RemotePost.of("1", "https://social.example/1"), ""),
                delivery(2, 0, DeliveryState.FAILED, null, "unauthorized"));

        assertThat(PublishingRecord.detail(all, PublishingRecordTest::label)).isEqualTo("2 of 4 parts sent: @acct1 (Mastodon): "
                + "https://social.example/1; @acct1 (Mastodon) (part 2): at://2; @acct2 (Mastodon): failed (unauthorized); "
                + "@acct2 (Mastodon) (part 2): cancelled (earlier-part-failed)");
        assertThat(PublishingRecord.comment(all, PublishingRecordTest::label)).contains(
                "Published on @acct1 (Mastodon): https://social.example/1\nPublished on @acct1 (Mastodon) (part 2): at://2");
    }

    @Test
    void nothingSentMeansNoComment() {
        List<DeliveryRecord> all = List.of(delivery(1, 0, DeliveryState.MISSED, null, "missed"));

        assertThat(PublishingRecord.comment(all, PublishingRecordTest::label)).isEmpty();
        assertThat(PublishingRecord.detail(all, PublishingRecordTest::label)).isEqualTo("0 of 1 parts sent: @acct1 (Mastodon): missed");
    }

    @Test
    void aPostOnManyAccountsListsTheFirstAndSaysHowManyMore() {
        List<DeliveryRecord> all = new ArrayList<>();
        for (long account = 1; account <= PublishingRecord.LISTED + 15; account++) {
            all.add(delivery(account, 0, DeliveryState.SENT, RemotePost.of("r" + account, "https://social.example/" + account), ""));
        }

        String detail = PublishingRecord.detail(all, PublishingRecordTest::label);
        assertThat(detail).startsWith("40 of 40 parts sent: @acct1 (Mastodon): https://social.example/1; ")
                .contains("https://social.example/25;").doesNotContain("social.example/26").endsWith("; and 15 more");
        String comment = PublishingRecord.comment(all, PublishingRecordTest::label).orElseThrow();
        assertThat(comment.lines()).hasSize(PublishingRecord.LISTED + 1).last()
                .isEqualTo("and 15 more sent; their links are in the publishing queue");
    }
}
