package io.socialdesk.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.Conversation;
import io.socialdesk.core.inbox.InboxItem;
import io.socialdesk.core.inbox.InboxKeys;
import io.socialdesk.core.inbox.Route;
import io.socialdesk.core.inbox.Routed;
import io.socialdesk.core.inbox.Triage;
import io.socialdesk.core.publish.DeliveryRecord;
import io.socialdesk.core.publish.NewDelivery;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.server.publish.SqlDeliveryWrites;
import io.socialdesk.store.inbox.AoImportCursors;
import io.socialdesk.store.inbox.AoInboxStore;
import io.socialdesk.store.inbox.AoOwnPosts;
import io.socialdesk.store.inbox.ConversationEntity;
import io.socialdesk.store.inbox.ImportCursorEntity;
import io.socialdesk.store.inbox.InboxItemEntity;
import io.socialdesk.store.publish.AoDeliveryStore;
import io.socialdesk.store.publish.DeliveryEntity;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The inbox's store (shared AO code) on HSQLDB and PostgreSQL: an item is one row however often and however
 * concurrently it is added, it reads back as it was stored, and the filing steps (ticket recorded, items filed,
 * chunks, the next generation) keep their promises.
 */
class InboxStoreOnBothDatabasesTest extends OnBothDatabases {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void anItemAddedTwiceIsOneRowAndReadsBackAsItWasStored(Database db) throws SQLException {
        AoInboxStore store = fresh(db);
        String hostile = "<script>alert('x')</script> « ça marche pas » 🎉 " + "y".repeat(70_000);
        Inbound inbound = new Inbound(Network.BLUESKY, Stream.MENTIONS, "at://did:plc:maria/app.bsky.feed.post/" + "z".repeat(300), "reply", hostile,
                NOW.minusSeconds(60), new Inbound.Author("did:plc:maria", "<b>maria</b>", "Maria \"López\"", null, "https://bsky.example/maria"),
                "https://bsky.example/post/1", "at://parent", "at://root", "fr");
        Routed routed = new Routed(new Route("SUPPORT", "Bug", "Get help", "App, web", "High", List.of("refund", "a,b&c=d"), "sam"), "refunds",
                List.of("keyword \"refund\"", "language fr"));
        InboxItem item = item(inbound, new Triage("fr", -0.62, Triage.Urgency.HIGH, 0.1), routed, "conv-1");
        Conversation conversation = conversation("conv-1", false, NOW);

        List<InboxItem> first = store.add(List.of(item), List.of(conversation));
        List<InboxItem> again = store.add(List.of(item), List.of(conversation));

        assertThat(first).hasSize(1);
        assertThat(again).as("already seen").isEmpty();
        assertThat(rows(db, InboxItemEntity.class)).isEqualTo(1);
        assertThat(rows(db, ConversationEntity.class)).isEqualTo(1);
        InboxItem stored = store.waiting(10).get(0);
        assertThat(stored).isEqualTo(first.get(0));
        assertThat(stored.inbound()).isEqualTo(inbound);
        assertThat(stored.routed()).isEqualTo(routed);
        assertThat(store.conversationsOf(List.of(item.key(), "unknown"))).containsExactly(java.util.Map.entry(item.key(), "conv-1"));
        assertThat(store.conversation("conv-1")).get().satisfies(c -> {
            assertThat(c.route()).isEqualTo(conversation.route());
            assertThat(c.generation()).isEqualTo(1);
            assertThat(c.ticket()).isNull();
        });
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void threadsAddingTheSamePageAtOnceStoreEachItemOnceAndEachIsAnsweredToOneOfThem(Database db) throws Exception {
        AoInboxStore store = fresh(db);
        int threads = 5;
        for (int round = 0; round < 3; round++) {
            List<InboxItem> page = new ArrayList<>();
            List<Conversation> conversations = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = "at://r" + round + "/" + i;
                page.add(item(post(id), neutral(), community(), "c" + round + "-" + i % 7));
                if (i < 7) conversations.add(conversation("c" + round + "-" + i, false, NOW));
            }
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<List<InboxItem>>> answers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                // The same page retried by several nodes, a webhook pushing one of its items, and one adder in the reverse order
                // (whose deadlock with the others PostgreSQL breaks by cancelling one; it runs again).
                List<InboxItem> mine = t == 0 ? List.of(page.get(round * 3)) : new ArrayList<>(page);
                if (t == 1) java.util.Collections.reverse(mine);
                answers.add(pool.submit(() -> {
                    start.await();
                    return store.add(mine, conversations);
                }));
            }
            List<String> answered = new ArrayList<>();
            for (Future<List<InboxItem>> answer : answers) answer.get(60, TimeUnit.SECONDS).forEach(i -> answered.add(i.key()));
            pool.shutdown();
            assertThat(answered).as("each item is new to exactly one adder").hasSize(40).doesNotHaveDuplicates();
        }
        assertThat(rows(db, InboxItemEntity.class)).isEqualTo(120);
        assertThat(rows(db, ConversationEntity.class)).isEqualTo(21);
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void filingRecordsTheTicketFilesItemsAndMovesToTheNextGenerationOnce(Database db) throws SQLException {
        AoInboxStore store = fresh(db);
        List<InboxItem> added = store.add(List.of(item(post("a"), neutral(), community(), "conv"), item(post("b"), neutral(), community(), "conv"),
                item(post("c"), neutral(), community(), "other")), List.of(conversation("conv", false, NOW), conversation("other", false, NOW)));
        TrackedItem ticket = new TrackedItem(7, "SUPPORT-7", "/items/SUPPORT-7");

        assertThat(store.waitingIn(List.of("conv"), 10)).extracting(InboxItem::key).containsExactly(added.get(0).key(), added.get(1).key());
        store.chunked(List.of(added.get(0).id(), added.get(1).id()), "chunk-1");
        store.chunked(List.of(added.get(0).id()), "chunk-2");
        store.ticketOpened("conv", 1, ticket, List.of(added.get(0).id()), NOW);
        store.ticketOpened("conv", 2, new TrackedItem(8, "SUPPORT-8", "/items/SUPPORT-8"), List.of(), NOW);

        Conversation conv = store.conversation("conv").orElseThrow();
        assertThat(conv.ticket()).as("a ticket for another generation is not recorded").isEqualTo(ticket);
        assertThat(store.waitingIn(List.of("conv"), 10)).singleElement().satisfies(i -> assertThat(i.chunkKey()).isEqualTo("chunk-1"));
        store.filed(List.of(added.get(1).id()), ticket, NOW.plusSeconds(1));
        assertThat(store.waiting(10)).extracting(InboxItem::key).containsExactly(added.get(2).key());
        assertThat(store.onTicket("SUPPORT-7", 10)).extracting(InboxItem::key).containsExactly(added.get(0).key(), added.get(1).key())
                .hasSize(2);
        assertThat(store.onTicket("SUPPORT-7", 10).get(0).chunkKey()).as("a chunk is set once").isEqualTo("chunk-1");

        Conversation next = store.nextGeneration("conv", 1, NOW.plusSeconds(2)).orElseThrow();
        Conversation stale = store.nextGeneration("conv", 1, NOW.plusSeconds(3)).orElseThrow();
        assertThat(next.generation()).isEqualTo(2);
        assertThat(next.ticket()).isNull();
        assertThat(next.previous()).isEqualTo(ticket);
        assertThat(next.ticketKey()).isEqualTo("conv#2");
        assertThat(stale).as("a second move from the same generation changes nothing").isEqualTo(next);
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void theFloodCountCountsConversationsOpenedInTheWindowButNotDigests(Database db) throws SQLException {
        AoInboxStore store = fresh(db);
        store.add(List.of(), List.of(conversation("old", false, NOW.minus(Duration.ofHours(2))), conversation("new1", false, NOW),
                conversation("new2", false, NOW.plusSeconds(10)), conversation("digest", true, NOW)));

        assertThat(store.conversationsOpenedSince(1, Stream.MENTIONS, NOW.minusSeconds(1))).isEqualTo(2);
        assertThat(store.conversationsOpenedSince(1, Stream.DIRECT_MESSAGES, NOW.minusSeconds(1))).isZero();
        assertThat(store.conversationsOpenedSince(2, Stream.MENTIONS, NOW.minusSeconds(1))).isZero();
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void cursorsMoveAndOurOwnPostsAreFoundByTheirRemoteIds(Database db) throws SQLException {
        fresh(db);
        AoImportCursors cursors = new AoImportCursors(db.ao());
        assertThat(cursors.cursor(1, Stream.MENTIONS)).isEmpty();
        cursors.save(1, Stream.MENTIONS, "page-1", NOW);
        cursors.save(1, Stream.MENTIONS, "page-2", NOW.plusSeconds(1));
        cursors.save(1, Stream.DIRECT_MESSAGES, "dm-1", NOW);
        assertThat(cursors.cursor(1, Stream.MENTIONS)).contains("page-2");
        assertThat(cursors.cursor(1, Stream.DIRECT_MESSAGES)).contains("dm-1");
        assertThat(rows(db, ImportCursorEntity.class)).isEqualTo(2);

        AoDeliveryStore deliveries = new AoDeliveryStore(db.ao(), new SqlDeliveryWrites(db));
        DeliveryRecord planned = deliveries.plan(List.of(new NewDelivery(1, 3, 0, "inbox-own", "hash", NOW)), NOW).get(0);
        DeliveryRecord claimed = deliveries.replace(planned, planned.claimedBy("node", NOW.plusSeconds(60), NOW)).orElseThrow();
        deliveries.replace(claimed, claimed.sent(RemotePost.of("at://did:plc:acme/app.bsky.feed.post/launch", "https://bsky.example/launch"), NOW));

        assertThat(new AoOwnPosts(db.ao()).ours(List.of("at://did:plc:acme/app.bsky.feed.post/launch", "at://someone/else")))
                .containsExactly("at://did:plc:acme/app.bsky.feed.post/launch");
    }

    private static InboxItem item(Inbound inbound, Triage triage, Routed routed, String conversation) {
        return new InboxItem(0, InboxKeys.item(1, inbound.network(), inbound.externalId()), 1, inbound, triage, routed, conversation,
                InboxItem.POLL, NOW, null, null, null);
    }

    private static Conversation conversation(String key, boolean digest, Instant openedAt) {
        return new Conversation(0, key, 1, Network.BLUESKY, Stream.MENTIONS, digest ? null : "at://root/" + key, digest,
                new Route("SUPPORT", null, null, null, "High", List.of("social"), null), 1, null, null, openedAt, NOW);
    }

    private static Inbound post(String id) {
        return new Inbound(Network.BLUESKY, Stream.MENTIONS, id, "mention", "text of " + id, NOW, new Inbound.Author("did:" + id, null, null, 5L,
                null), null, null, null, null);
    }

    private static Triage neutral() {
        return new Triage("und", 0, Triage.Urgency.NORMAL, 0);
    }

    private static Routed community() {
        return new Routed(Route.to("COMMUNITY"), null, List.of());
    }

    private static AoInboxStore fresh(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (Class<? extends net.java.ao.RawEntity<?>> table : List.of(InboxItemEntity.class, ConversationEntity.class, ImportCursorEntity.class,
                    DeliveryEntity.class)) {
                s.executeUpdate("DELETE FROM \"" + db.tableName(table) + "\"");
            }
        }
        return new AoInboxStore(db.ao());
    }

    private static int rows(Database db, Class<? extends net.java.ao.RawEntity<?>> table) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                var r = s.executeQuery("SELECT COUNT(*) FROM \"" + db.tableName(table) + "\"")) {
            r.next();
            return r.getInt(1);
        }
    }
}
