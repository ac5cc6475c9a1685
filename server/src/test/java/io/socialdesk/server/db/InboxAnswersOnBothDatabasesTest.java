package io.socialdesk.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.approval.Department;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.Conversation;
import io.socialdesk.core.inbox.InboxItem;
import io.socialdesk.core.inbox.InboxKeys;
import io.socialdesk.core.inbox.Route;
import io.socialdesk.core.inbox.Routed;
import io.socialdesk.core.inbox.Triage;
import io.socialdesk.core.inbox.answer.InboxTickets;
import io.socialdesk.core.inbox.answer.Reply;
import io.socialdesk.core.inbox.answer.ReplyState;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.store.inbox.AoAuthorData;
import io.socialdesk.store.inbox.AoInboxStore;
import io.socialdesk.store.inbox.AoInboxTickets;
import io.socialdesk.store.inbox.AoReplyStore;
import io.socialdesk.store.inbox.ConversationEntity;
import io.socialdesk.store.inbox.InboxItemEntity;
import io.socialdesk.store.inbox.ReplyEntity;
import io.socialdesk.store.inbox.ReplyRevisionEntity;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The inbox's answering on HSQLDB and PostgreSQL: replies and their lock, the tickets response times read, a person's items found and anonymised. */
class InboxAnswersOnBothDatabasesTest extends OnBothDatabases {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final TrackedItem TICKET = new TrackedItem(7, "SUPPORT-7", "/items/SUPPORT-7");

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void aReplyReadsBackAsWrittenAndOfTwoWritersOfOneVersionOneWins(Database db) throws Exception {
        fresh(db);
        AoReplyStore store = new AoReplyStore(db.ao());
        String hostile = "<script>alert('x')</script> « merci » 🎉 " + "z".repeat(6_000);
        Reply added = store.add(reply(hostile, "did:plc:pat", ReplyState.HELD));

        assertThat(added.id()).isPositive();
        assertThat(store.find(added.id())).contains(added);
        assertThat(added.text()).isEqualTo(hostile);
        assertThat(added.approver()).isEqualTo(Department.LEGAL);
        assertThat(store.forTicket("SUPPORT-7")).containsExactly(added);

        Reply sent = store.replace(added, added.sent(RemotePost.of("at://acme/reply", "https://bsky.example/r"), NOW.plusSeconds(90))).orElseThrow();
        assertThat(sent.version()).isEqualTo(1);
        assertThat(store.find(added.id()).orElseThrow().remote().url()).isEqualTo("https://bsky.example/r");
        assertThat(store.replace(added, added.with(ReplyState.FAILED, "late", NOW))).as("stale").isEmpty();
        assertThat(store.firstSent(List.of("SUPPORT-7", "SUPPORT-8"))).containsOnlyKeys("SUPPORT-7").containsValue(NOW.plusSeconds(90));
        assertThat(store.toRecipient(Network.BLUESKY, "did:plc:pat")).extracting(Reply::id).containsExactly(added.id());
        assertThat(store.toRecipient(Network.X, "did:plc:pat")).isEmpty();

        // Threads writing the same version at once: exactly one wins.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CyclicBarrier start = new CyclicBarrier(4);
            List<Future<Optional<Reply>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String why = "writer " + t;
                Callable<Optional<Reply>> write = () -> {
                    start.await();
                    return store.replace(sent, sent.with(ReplyState.SENT, why, NOW));
                };
                results.add(pool.submit(write));
            }
            int won = 0;
            for (Future<Optional<Reply>> f : results) won += f.get().isPresent() ? 1 : 0;
            assertThat(won).isEqualTo(1);
            assertThat(store.find(added.id()).orElseThrow().version()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void ticketsAreCountedFromTheirFirstMessageAndAncestorsDoNotCount(Database db) throws Exception {
        AoInboxStore inbox = fresh(db);
        store(inbox, "conv-a", TICKET, post("at://a/1", "ann", NOW.minus(Duration.ofDays(3))), InboxItem.ANCESTOR);
        store(inbox, "conv-a", TICKET, post("at://a/2", "ann", NOW), InboxItem.POLL);
        store(inbox, "conv-a", TICKET, post("at://a/3", "ann", NOW.plusSeconds(600)), InboxItem.POLL);
        TrackedItem early = new TrackedItem(8, "LEGAL-8", "/items/LEGAL-8");
        store(inbox, "conv-b", early, post("at://b/1", "bob", NOW.minus(Duration.ofDays(2))), InboxItem.POLL);
        store(inbox, "conv-b", early, post("at://b/2", "bob", NOW.plusSeconds(60)), InboxItem.POLL);

        List<InboxTickets.Opened> opened = new AoInboxTickets(db.ao()).openedBetween(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)), 10);

        assertThat(opened).singleElement().satisfies(o -> {
            assertThat(o.ticket().key()).isEqualTo("SUPPORT-7");
            assertThat(o.department()).isEqualTo("SUPPORT");
            assertThat(o.network()).isEqualTo(Network.BLUESKY);
            assertThat(o.firstInboundAt()).isEqualTo(NOW);
        });
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void aPersonsItemsAreFoundByIdOrHandleAndAnonymised(Database db) throws Exception {
        AoInboxStore inbox = fresh(db);
        String longId = "did:plc:" + "p".repeat(400);
        InboxItem root = store(inbox, "conv-p", TICKET, new Inbound(Network.BLUESKY, Stream.MENTIONS, "at://p/1", "mention", "my address is 12 Rue X",
                NOW, new Inbound.Author(longId, "Pat.Example", "Pat <b>P</b>", 40L, "https://bsky.example/pat"), "https://bsky.example/p/1", null, null,
                "en"), InboxItem.POLL);
        store(inbox, "conv-k", TICKET, post("at://k/1", "kim", NOW), InboxItem.POLL);
        AoAuthorData authors = new AoAuthorData(db.ao());

        assertThat(authors.byAuthor(Network.BLUESKY, "@pat.example")).extracting(InboxItem::id).containsExactly(root.id());
        assertThat(authors.byAuthor(Network.BLUESKY, longId)).extracting(InboxItem::id).containsExactly(root.id());
        assertThat(authors.byAuthor(Network.X, "pat.example")).isEmpty();

        int conversations = authors.anonymise(List.of(root.id()), "forgotten:abc", "[removed]");

        assertThat(conversations).isEqualTo(1);
        InboxItem gone = inbox.onTicket("SUPPORT-7", 10).stream().filter(i -> i.id() == root.id()).findFirst().orElseThrow();
        assertThat(gone.key()).isEqualTo(root.key());
        assertThat(gone.inbound().text()).isEqualTo("[removed]");
        assertThat(gone.inbound().author().id()).isEqualTo("forgotten:abc");
        assertThat(gone.inbound().toString()).doesNotContain("Pat").doesNotContain("at://p/1").doesNotContain("bsky.example/pat");
        assertThat(inbox.conversation("conv-p").orElseThrow().rootId()).isNull();
        assertThat(inbox.conversation("conv-k").orElseThrow().rootId()).isEqualTo("at://k/1");
        assertThat(authors.byAuthor(Network.BLUESKY, "pat.example")).isEmpty();
        // Its key stays: the same item imported again is already seen.
        assertThat(inbox.add(List.of(root), List.of())).isEmpty();
    }

    private static Reply reply(String text, String recipient, ReplyState state) {
        return new Reply(0, TICKET, "conv-1", 3, Network.BLUESKY, "SUPPORT", false, text, "3:BLUESKY:abc", recipient, "pat.example",
                RemotePost.of("at://pat/1", "https://bsky.example/pat/1"), RemotePost.of("at://pat/1", null), "sam", state, Department.LEGAL, null,
                null, null, null, null, NOW, null, NOW, 0);
    }

    private static Inbound post(String id, String handle, Instant at) {
        return new Inbound(Network.BLUESKY, Stream.MENTIONS, id, "mention", "text of " + id, at, new Inbound.Author("did:" + handle, handle, handle,
                5L, null), null, null, null, null);
    }

    /** Stores the item in its conversation and files it on {@code ticket}. */
    private static InboxItem store(AoInboxStore inbox, String conversation, TrackedItem ticket, Inbound in, String source) {
        InboxItem item = new InboxItem(0, InboxKeys.item(3, in.network(), in.externalId()), 3, in, new Triage("en", 0, Triage.Urgency.NORMAL, 0),
                new Routed(Route.to(ticket.projectKey()), null, List.of()), conversation, source, NOW, null, null, null);
        Conversation c = new Conversation(0, conversation, 3, Network.BLUESKY, Stream.MENTIONS, in.externalId(), false, Route.to(ticket.projectKey()),
                1, null, null, NOW, NOW);
        InboxItem stored = inbox.add(List.of(item), List.of(c)).get(0);
        inbox.filed(List.of(stored.id()), ticket, NOW);
        return stored;
    }

    private static AoInboxStore fresh(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (Class<? extends net.java.ao.RawEntity<?>> table : List.of(InboxItemEntity.class, ConversationEntity.class, ReplyEntity.class,
                    ReplyRevisionEntity.class)) {
                s.executeUpdate("DELETE FROM \"" + db.tableName(table) + "\"");
            }
        }
        return new AoInboxStore(db.ao());
    }
}
