package io.socialdesk.core.inbox;

import static io.socialdesk.core.inbox.InboxDesk.mention;
import static io.socialdesk.core.inbox.InboxDesk.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.memory.MemoryTickets;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.tracker.Ticket;
import io.socialdesk.core.tracker.TicketStatus;
import io.socialdesk.core.tracker.TicketTracker;
import io.socialdesk.core.tracker.TrackedItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class InboxImportTest {
    private final InboxDesk desk = new InboxDesk();

    @Test
    void aMentionBecomesOneRoutedTicketShowingItAsOnTheNetworkAndTheCursorMoves() {
        desk.bluesky.page(mention("at://maria/1", "My order never arrived"));

        InboxImport.Imported done = desk.inbox().importFrom(desk.account, Stream.MENTIONS);

        assertThat(done.stored()).isEqualTo(1);
        assertThat(done.filed()).isEqualTo(1);
        assertThat(desk.tickets.all()).hasSize(1);
        MemoryTickets.Held ticket = desk.tickets.all().get(0);
        assertThat(ticket.item.key()).startsWith("COMMUNITY-");
        assertThat(ticket.ticket.summary()).isEqualTo("Mention on Bluesky from maria.example: My order never arrived");
        assertThat(ticket.ticket.reporter().key()).as("the account's owner reports it").isEqualTo("marc");
        assertThat(ticket.ticket.description()).contains("Maria López (maria.example) · 1,204 followers", "https://bsky.example/profile/maria.example",
                "My order never arrived", "https://bsky.example/post/at://maria/1", "Mention on Bluesky · 2026-11-22 10:00 UTC",
                "routed to COMMUNITY by default");
        assertThat(desk.items()).singleElement().satisfies(item -> {
            assertThat(item.ticket()).isEqualTo(ticket.item);
            assertThat(item.inbound().author().followers()).isEqualTo(1204L);
            assertThat(item.routed().route().project()).isEqualTo("COMMUNITY");
            assertThat(item.source()).isEqualTo(InboxItem.POLL);
        });
        assertThat(desk.stores.inbox.cursor(desk.account.id(), Stream.MENTIONS)).contains("1");
    }

    @Test
    void repliesToAKnownItemAreCommentsOnItsTicketInEveryLaterPage() {
        desk.bluesky.page(mention("at://maria/1", "Refund please"))
                .page(reply("at://maria/2", "at://maria/1", "at://maria/1", "Still waiting"))
                .page(reply("at://sam/3", "at://maria/2", "at://maria/1", "Same here"));
        InboxImport inbox = desk.inbox();

        for (int i = 0; i < 3; i++) inbox.importFrom(desk.account, Stream.MENTIONS);

        assertThat(desk.tickets.all()).hasSize(1);
        assertThat(desk.tickets.all().get(0).comments.values()).hasSize(2).anySatisfy(c -> assertThat(c).contains("Still waiting"))
                .anySatisfy(c -> assertThat(c).contains("Same here"));
        assertThat(desk.items()).allSatisfy(item -> assertThat(item.waiting()).isFalse());
    }

    @Test
    void aReplyWhoseParentIsUnknownOpensATicketNamingTheThreadAndTheRootArrivingLaterJoinsIt() {
        desk.bluesky.page(reply("at://sam/3", "at://maria/2", "at://maria/1", "Same problem"))
                .page(mention("at://maria/1", "Refund please"), reply("at://maria/2", "at://maria/1", "at://maria/1", "Still waiting"));
        InboxImport inbox = desk.inbox();

        inbox.importFrom(desk.account, Stream.MENTIONS);
        inbox.importFrom(desk.account, Stream.MENTIONS);

        assertThat(desk.tickets.all()).hasSize(1);
        MemoryTickets.Held ticket = desk.tickets.all().get(0);
        assertThat(ticket.ticket.description()).contains("In reply to at://maria/2, in the thread started by at://maria/1");
        assertThat(ticket.comments.values()).hasSize(2);
        assertThat(desk.items()).extracting(InboxItem::conversationKey).containsOnly(InboxKeys.conversation(desk.account.id(), Network.BLUESKY,
                "at://maria/1"));
    }

    @Test
    void aReplyWhoseParentIsUnknownBringsItsAncestorsWhereTheNetworkCanTell() {
        Inbound root = mention("at://maria/1", "Refund please");
        Inbound middle = reply("at://maria/2", "at://maria/1", null, "Anyone?");
        desk.bluesky.knowing(root, middle).page(reply("at://sam/3", "at://maria/2", null, "Same here"));

        InboxImport.Imported done = desk.inbox().importFrom(desk.account, Stream.MENTIONS);

        assertThat(done.stored()).as("the reply and its two ancestors").isEqualTo(3);
        assertThat(desk.tickets.all()).singleElement().satisfies(t -> {
            assertThat(t.ticket.summary()).contains("Refund please");
            assertThat(t.comments.values()).hasSize(2);
        });
        assertThat(desk.items()).extracting(InboxItem::source).containsExactly(InboxItem.ANCESTOR, InboxItem.ANCESTOR, InboxItem.POLL);
    }

    @Test
    void ourOwnPostsAreNeverImportedAndEachReplyToOneIsItsOwnConversation() {
        desk.ours.add("at://acme/launch");
        desk.bluesky.page(reply("at://acme/launch", null, null, "Our launch post"),
                reply("at://maria/1", "at://acme/launch", "at://acme/launch", "Love it"),
                reply("at://sam/2", "at://acme/launch", "at://acme/launch", "Broken for me"),
                reply("at://maria/3", "at://maria/1", "at://acme/launch", "Really"));

        InboxImport.Imported done = desk.inbox().importFrom(desk.account, Stream.MENTIONS);

        assertThat(done.ours()).isEqualTo(1);
        assertThat(done.stored()).isEqualTo(3);
        assertThat(desk.tickets.all()).hasSize(2);
        assertThat(desk.tickets.all()).filteredOn(t -> t.ticket.summary().contains("Love it")).singleElement()
                .satisfies(t -> assertThat(t.comments.values()).singleElement().asString().contains("Really"));
    }

    @Test
    void theSameItemFromTheWebhookAndFromAPollIsOneItemAndOneTicket() {
        Inbound item = mention("forum:4711", "Is the sale on?");
        desk.bluesky.page(item, item).page(item);
        InboxImport inbox = desk.inbox();

        InboxImport.Imported pushed = inbox.receive(desk.account.id(), List.of(item), InboxItem.WEBHOOK);
        InboxImport.Imported polled = inbox.importFrom(desk.account, Stream.MENTIONS);
        InboxImport.Imported again = inbox.importFrom(desk.account, Stream.MENTIONS);

        assertThat(pushed.stored()).isEqualTo(1);
        assertThat(polled.stored()).isZero();
        assertThat(polled.duplicates()).isEqualTo(2);
        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(desk.items()).hasSize(1);
        assertThat(desk.tickets.all()).hasSize(1);
    }

    @Test
    void aResolvedTicketReopensForAMessageWithinTheWindowAndLaterANewTicketFollowsIt() {
        desk.settings = InboxSettings.DEFAULTS.withReopenWithin(Duration.ofDays(7));
        InboxImport inbox = desk.inbox();
        inbox.receive(desk.account.id(), List.of(mention("at://maria/1", "Refund please")), InboxItem.WEBHOOK);
        String first = desk.tickets.all().get(0).item.key();
        desk.tickets.resolve(first, InboxDesk.START.plus(Duration.ofHours(1)));

        inbox.receive(desk.account.id(), List.of(at(reply("at://maria/2", "at://maria/1", "at://maria/1", "Not refunded yet"), Duration.ofDays(2))),
                InboxItem.WEBHOOK);

        assertThat(desk.tickets.all()).hasSize(1);
        assertThat(desk.tickets.held(first).status().resolved()).isFalse();
        assertThat(desk.tickets.held(first).reopenings).singleElement().asString().contains("maria.example");

        desk.tickets.resolve(first, InboxDesk.START.plus(Duration.ofDays(3)));
        inbox.receive(desk.account.id(), List.of(at(reply("at://maria/3", "at://maria/2", "at://maria/1", "Hello again"), Duration.ofDays(30))),
                InboxItem.WEBHOOK);

        assertThat(desk.tickets.all()).hasSize(2);
        MemoryTickets.Held second = desk.tickets.all().get(1);
        assertThat(second.follows).containsExactly(first);
        assertThat(second.ticket.description()).contains("It follows " + first, "Hello again");
        assertThat(desk.tickets.held(first).status().resolved()).as("the old one stays resolved").isTrue();
        Conversation conversation = desk.stores.inbox.conversationList().get(0);
        assertThat(conversation.generation()).isEqualTo(2);
        assertThat(conversation.previous().key()).isEqualTo(first);
    }

    @Test
    void aFloodBeyondTheThresholdGathersIntoOneDigestTicketAndDropsNothing() {
        desk.settings = InboxSettings.DEFAULTS.withFlood(3, Duration.ofHours(1));
        List<Inbound> storm = new ArrayList<>();
        for (int i = 1; i <= 10; i++) storm.add(mention("at://fan/" + i, "Repost " + i));
        desk.bluesky.page(storm).page(reply("at://fan/99", "at://fan/9", "at://fan/9", "A reply to a flooded one"));
        InboxImport inbox = desk.inbox();

        inbox.importFrom(desk.account, Stream.MENTIONS);
        inbox.importFrom(desk.account, Stream.MENTIONS);

        assertThat(desk.tickets.all()).hasSize(4);
        MemoryTickets.Held digest = desk.tickets.all().get(3);
        assertThat(digest.ticket.summary()).isEqualTo("Flood of new conversations on Bluesky (mentions), 2026-11-22 10:00 UTC to 2026-11-22 11:00 UTC");
        assertThat(digest.ticket.route().labels()).contains(InboxImport.FLOOD_LABEL);
        assertThat(digest.ticket.description()).contains("More than 3 new conversations", "Repost 4", "Repost 10");
        assertThat(digest.comments.values()).singleElement().asString().contains("A reply to a flooded one");
        assertThat(desk.items()).hasSize(11).allSatisfy(item -> assertThat(item.waiting()).isFalse());
    }

    @Test
    void aCrashBetweenOpeningATicketAndRecordingItLeavesOneTicketAfterTheRestart() {
        AtomicBoolean crashed = new AtomicBoolean();
        TicketTracker crashingOnce = new Delegating(desk.tickets) {
            @Override
            public TrackedItem open(Ticket ticket) {
                TrackedItem opened = super.open(ticket);
                if (crashed.compareAndSet(false, true)) throw new IllegalStateException("the node died after Jira created the issue");
                return opened;
            }
        };
        desk.bluesky.page(mention("at://maria/1", "Refund please"));
        desk.inbox(crashingOnce).importFrom(desk.account, Stream.MENTIONS);
        assertThat(desk.items()).singleElement().satisfies(item -> assertThat(item.waiting()).isTrue());

        desk.inbox().runOnce();

        assertThat(desk.tickets.all()).hasSize(1);
        assertThat(desk.items()).singleElement().satisfies(item -> assertThat(item.ticket()).isEqualTo(desk.tickets.all().get(0).item));
    }

    @Test
    void theCursorStaysWhenThePageCannotBeStoredAndTheNextRunImportsItAgain() {
        desk.bluesky.page(mention("at://maria/1", "Refund please"));
        InboxStore failing = new StoreFailingOnAdd(desk.stores.inbox);
        InboxImport broken = new InboxImport(failing, desk.stores.inbox, OwnPosts.NONE, item -> new Triage("en", 0, Triage.Urgency.NORMAL, 0),
                (a, i, t) -> new Routed(Route.to("COMMUNITY"), null, List.of()), desk.tickets, desk.stores.accounts,
                n -> Optional.of(desk.bluesky), null, InboxSettings.DEFAULTS, desk.clock);

        assertThatThrownBy(() -> broken.importFrom(desk.account, Stream.MENTIONS)).hasMessageContaining("database down");
        assertThat(desk.stores.inbox.cursor(desk.account.id(), Stream.MENTIONS)).isEmpty();

        desk.inbox().runOnce();
        assertThat(desk.items()).hasSize(1);
        assertThat(desk.tickets.all()).hasSize(1);
        assertThat(desk.bluesky.cursorsAsked).containsExactly("null", "null");
    }

    @Test
    void pagesAreStoredOneAfterTheOtherWhileTheNextIsFetchedAndTheCursorFollowsEachCommit() {
        desk.bluesky.page(mention("at://maria/1", "one")).page(mention("at://sam/2", "two")).page(mention("at://lou/3", "three"));

        InboxImport.Imported done = desk.inbox().importPages(desk.account, Stream.MENTIONS, 10);

        assertThat(done.received()).isEqualTo(3);
        assertThat(done.stored()).isEqualTo(3);
        assertThat(done.more()).isFalse();
        assertThat(desk.tickets.all()).hasSize(3);
        assertThat(desk.bluesky.cursorsAsked).containsExactly("null", "1", "2");
        assertThat(desk.stores.inbox.cursor(desk.account.id(), Stream.MENTIONS)).contains("3");
    }

    @Test
    void aPageThatCannotBeStoredDropsThePageFetchedAheadAndTheCursorStaysAfterTheLastStoredPage() {
        desk.bluesky.page(mention("at://maria/1", "one")).page(mention("at://sam/2", "two")).page(mention("at://lou/3", "three"));
        InboxStore failing = new StoreFailingOnAdd(desk.stores.inbox, 1);
        InboxImport broken = new InboxImport(failing, desk.stores.inbox, OwnPosts.NONE, item -> new Triage("en", 0, Triage.Urgency.NORMAL, 0),
                (a, i, t) -> new Routed(Route.to("COMMUNITY"), null, List.of()), desk.tickets, desk.stores.accounts,
                n -> Optional.of(desk.bluesky), null, InboxSettings.DEFAULTS, desk.clock);

        assertThatThrownBy(() -> broken.importPages(desk.account, Stream.MENTIONS, 10)).hasMessageContaining("database down");
        assertThat(desk.items()).hasSize(1);
        assertThat(desk.stores.inbox.cursor(desk.account.id(), Stream.MENTIONS)).contains("1");

        desk.inbox().runOnce();
        assertThat(desk.items()).extracting(i -> i.inbound().externalId()).containsExactlyInAnyOrder("at://maria/1", "at://sam/2", "at://lou/3");
        assertThat(desk.tickets.all()).hasSize(3);
    }

    @Test
    void whileTheTrackerIsDownItemsWaitAndTheNextRunFilesThem() {
        AtomicBoolean down = new AtomicBoolean(true);
        TicketTracker flaky = new Delegating(desk.tickets) {
            @Override
            public Optional<TrackedItem> find(String key) {
                if (down.get()) throw new IllegalStateException("Jira is restarting");
                return super.find(key);
            }
        };
        InboxImport inbox = desk.inbox(flaky);
        InboxImport.Imported done = inbox.receive(desk.account.id(), List.of(mention("at://maria/1", "a"), mention("at://sam/2", "b")),
                InboxItem.WEBHOOK);
        assertThat(done.stored()).isEqualTo(2);
        assertThat(done.filed()).isZero();

        down.set(false);
        assertThat(inbox.fileWaiting()).isEqualTo(2);
        assertThat(desk.tickets.all()).hasSize(2);
    }

    @Test
    void aFailedFetchKeepsTheCursorAndWaitsAsTheNetworkAsked() {
        desk.bluesky.page(mention("at://maria/1", "a")).failing("rate limited", InboxDesk.START.plus(Duration.ofMinutes(15)));
        InboxImport inbox = desk.inbox();

        InboxImport.Imported failed = inbox.importFrom(desk.account, Stream.MENTIONS);
        desk.bluesky.working();
        InboxImport.Imported held = inbox.importFrom(desk.account, Stream.MENTIONS);
        desk.clock.advance(Duration.ofMinutes(16));
        InboxImport.Imported later = inbox.importFrom(desk.account, Stream.MENTIONS);

        assertThat(failed.failure()).isEqualTo("rate limited");
        assertThat(held.failure()).contains("waiting until 2026-11-22T10:15:00Z");
        assertThat(later.stored()).isEqualTo(1);
        assertThat(desk.bluesky.cursorsAsked).containsExactly("null", "null");
    }

    @Test
    void aConnectorWhoseRateLimitsAnswerNowByTheirOwnClockIsNotHeldBack() {
        // The connectors' RateLimits answer "now" when nothing holds, read a moment after the import read its own clock.
        desk.bluesky.page(mention("at://maria/1", "My order never arrived")).allowedAt(() -> {
            desk.clock.advance(Duration.ofNanos(1_000));
            return desk.clock.instant();
        });

        InboxImport.Imported imported = desk.inbox().importFrom(desk.account, Stream.MENTIONS);

        assertThat(imported.failure()).isNull();
        assertThat(imported.stored()).isEqualTo(1);
    }

    @Test
    void hostileItemsAreBoundedOrRefusedWithTheFieldAndRule() {
        InboxImport inbox = desk.inbox();
        String huge = "x".repeat(1024 * 1024);
        Inbound big = new Inbound(Network.BLUESKY, Stream.MENTIONS, "at://big/1", "mention", "<script>alert(1)</script>" + huge + "\u0000", null,
                new Inbound.Author("did:plc:big", "<b>bad</b>\n\u0007handle", "Name ".repeat(100), -5L, "javascript:alert(1)"), "ftp://x/y", null, null,
                "en; DROP");
        Inbound noId = mention(" ", "no id");

        InboxImport.Imported done = inbox.receive(desk.account.id(), List.of(big, noId), InboxItem.WEBHOOK);

        assertThat(done.stored()).isEqualTo(1);
        assertThat(done.refused()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("externalId");
            assertThat(p.rule()).isEqualTo("required");
        });
        Inbound kept = desk.items().get(0).inbound();
        assertThat(kept.text()).startsWith("<script>alert(1)</script>xxx").endsWith(" … [cut: " + (huge.length() + 26) + " characters in all]")
                .hasSize(InboundBounds.MAX_TEXT + (" … [cut: " + (huge.length() + 26) + " characters in all]").length());
        assertThat(kept.author().handle()).isEqualTo("<b>bad</b> handle");
        assertThat(kept.author().displayName()).hasSize(InboundBounds.MAX_NAME);
        assertThat(kept.author().followers()).isNull();
        assertThat(kept.author().profileUrl()).isNull();
        assertThat(kept.url()).isNull();
        assertThat(kept.language()).isNull();
        assertThat(kept.createdAt()).isEqualTo(InboxDesk.START);
        assertThat(desk.tickets.all().get(0).ticket.description().length()).isLessThan(ConversationText.MAX_MESSAGE + 2000);
        assertThatThrownBy(() -> inbox.intake().accept(desk.account.id(), noId)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("externalId");
    }

    @Test
    void textsWithBrokenCharactersAreStoredWithReplacements() {
        String broken = "ok \uD800 then \uDC00 and a pair \uD83D\uDE00 and NUL \u0000";

        assertThat(InboundBounds.text(broken)).isEqualTo("ok \uFFFD then \uFFFD and a pair \uD83D\uDE00 and NUL \uFFFD");
    }

    private static Inbound at(Inbound item, Duration after) {
        return new Inbound(item.network(), item.stream(), item.externalId(), item.kind(), item.text(), InboxDesk.START.plus(after), item.author(),
                item.url(), item.parentId(), item.rootId(), item.language());
    }

    /** A tracker that passes every call on; tests override the call they break. */
    static class Delegating implements TicketTracker {
        private final TicketTracker inner;

        Delegating(TicketTracker inner) {
            this.inner = inner;
        }

        @Override
        public Optional<TrackedItem> find(String externalKey) {
            return inner.find(externalKey);
        }

        @Override
        public TrackedItem open(Ticket ticket) {
            return inner.open(ticket);
        }

        @Override
        public void comment(TrackedItem ticket, String key, String text) {
            inner.comment(ticket, key, text);
        }

        @Override
        public TicketStatus status(TrackedItem ticket) {
            return inner.status(ticket);
        }

        @Override
        public void reopen(TrackedItem ticket, String why) {
            inner.reopen(ticket, why);
        }

        @Override
        public void link(TrackedItem ticket, TrackedItem earlier) {
            inner.link(ticket, earlier);
        }
    }

    /** A store whose transactions fail (the database is down) while it still answers reads. */
    private static final class StoreFailingOnAdd implements InboxStore {
        private final InboxStore inner;
        /** Pages stored before the database goes down. */
        private final java.util.concurrent.atomic.AtomicInteger working;

        StoreFailingOnAdd(InboxStore inner) {
            this(inner, 0);
        }

        StoreFailingOnAdd(InboxStore inner, int pagesBeforeFailing) {
            this.inner = inner;
            this.working = new java.util.concurrent.atomic.AtomicInteger(pagesBeforeFailing);
        }

        @Override
        public java.util.Map<String, String> conversationsOf(java.util.Collection<String> itemKeys) {
            return inner.conversationsOf(itemKeys);
        }

        @Override
        public java.util.Map<String, Conversation> conversations(java.util.Collection<String> keys) {
            return inner.conversations(keys);
        }

        @Override
        public List<InboxItem> add(List<InboxItem> items, List<Conversation> conversations) {
            if (working.getAndDecrement() > 0) return inner.add(items, conversations);
            throw new IllegalStateException("database down");
        }

        @Override
        public int conversationsOpenedSince(long accountId, Stream stream, java.time.Instant since) {
            return inner.conversationsOpenedSince(accountId, stream, since);
        }

        @Override
        public List<InboxItem> waiting(int limit) {
            return inner.waiting(limit);
        }

        @Override
        public List<InboxItem> waitingIn(java.util.Collection<String> keys, int limit) {
            return inner.waitingIn(keys, limit);
        }

        @Override
        public void ticketOpened(String key, int generation, TrackedItem ticket, java.util.Collection<Long> ids, java.time.Instant at) {
            throw new IllegalStateException("database down");
        }

        @Override
        public void filed(java.util.Collection<Long> ids, TrackedItem ticket, java.time.Instant at) {
            throw new IllegalStateException("database down");
        }

        @Override
        public void chunked(java.util.Collection<Long> ids, String chunkKey) {
            throw new IllegalStateException("database down");
        }

        @Override
        public Optional<Conversation> nextGeneration(String key, int generation, java.time.Instant at) {
            throw new IllegalStateException("database down");
        }

        @Override
        public <T> T exclusively(String key, java.util.function.Supplier<T> work) {
            return inner.exclusively(key, work);
        }

        @Override
        public List<InboxItem> onTicket(String ticketKey, int limit) {
            return inner.onTicket(ticketKey, limit);
        }
    }
}
