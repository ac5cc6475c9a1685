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
        for (long account = 1; account <= 40; account++) {
            for (int part = 0; part < 3; part++) {
                all.add(delivery(account, part, DeliveryState.SENT, RemotePost.of("r", "https://social.example/" + account + "/" + part), ""));
            }
        }

        String detail = PublishingRecord.detail(all, PublishingRecordTest::label);
        assertThat(detail).startsWith("120 of 120 parts sent: @acct1 (Mastodon): https://social.example/1/0; ")
                .contains("@acct9 (Mastodon): https://social.example/9/0;").doesNotContain("social.example/9/1").endsWith("; and 95 more");
        String comment = PublishingRecord.comment(all, PublishingRecordTest::label).orElseThrow();
        assertThat(comment.lines()).hasSize(PublishingRecord.LINKED + 1).first().isEqualTo("Published on @acct1 (Mastodon): https://social.example/1/0");
        assertThat(comment.lines()).last().isEqualTo("and 20 more parts sent");
        assertThat(comment).contains("Published on @acct34 (Mastodon): https://social.example/34/0").doesNotContain("@acct34 (Mastodon) (part 2)");
    }
}
