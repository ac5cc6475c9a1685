package io.socialdesk.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.notification.Notice;
import io.socialdesk.server.notification.InboxNotice;
import io.socialdesk.server.notification.NoticeInbox;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The server's in-app notices on the embedded HSQLDB and on a real PostgreSQL. */
class NoticeInboxTest extends OnBothDatabases {
    static final AtomicLong IDS = new AtomicLong(5000);
    static final Instant T0 = Instant.parse("2026-11-22T10:15:30.123Z");

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void eachRecipientSeesTheirOwnNoticesNewestFirstUntilMarkedRead(Database db) {
        NoticeInbox inbox = new NoticeInbox(db.ao());
        String marc = "marc" + IDS.incrementAndGet();
        String laura = "laura" + IDS.incrementAndGet();
        String longTitle = "Offre « -20 % » <script>alert(1)</script> 🎉 " + "x".repeat(3000);
        Notice asked = notice(Notice.Kind.REVIEW_REQUESTED, longTitle, "Prices: 19,99 €", T0);
        Notice commented = notice(Notice.Kind.COMMENTED, "Winter launch", "", T0.plusSeconds(60));
        inbox.deliver(List.of(marc, laura), asked);
        inbox.deliver(List.of(marc), commented);

        List<InboxNotice> forMarc = inbox.list(marc, 50);
        assertThat(forMarc).extracting(InboxNotice::kind).containsExactly(Notice.Kind.COMMENTED, Notice.Kind.REVIEW_REQUESTED);
        InboxNotice first = forMarc.get(1);
        assertThat(first.recipient()).isEqualTo(marc);
        assertThat(first.postId()).isEqualTo(42);
        assertThat(first.itemKey()).isEqualTo("SD-42");
        assertThat(first.itemUrl()).isEqualTo("/items/SD-42");
        assertThat(first.title()).isEqualTo(longTitle);
        assertThat(first.actorKey()).isEqualTo("alice");
        assertThat(first.detail()).isEqualTo("Prices: 19,99 €");
        assertThat(first.createdAt()).isEqualTo(T0);
        assertThat(first.read()).isFalse();
        assertThat(forMarc.get(0).detail()).isEmpty();
        assertThat(inbox.list(marc, 1)).extracting(InboxNotice::kind).containsExactly(Notice.Kind.COMMENTED);

        assertThat(inbox.unread(marc)).isEqualTo(2);
        assertThat(inbox.unread(laura)).isEqualTo(1);
        assertThat(inbox.markAllRead(marc, T0.plusSeconds(120))).isEqualTo(2);
        assertThat(inbox.unread(marc)).isZero();
        assertThat(inbox.list(marc, 50)).allMatch(InboxNotice::read);
        assertThat(inbox.unread(laura)).isEqualTo(1);
        assertThat(inbox.markAllRead(marc, T0.plusSeconds(180))).isZero();
        assertThat(inbox.list("nobody", 50)).isEmpty();
    }

    static Notice notice(Notice.Kind kind, String title, String detail, Instant at) {
        return new Notice(kind, 42, "SD-42", "/items/SD-42", title, "alice", List.of(), Set.of("marc"), detail, at);
    }
}
