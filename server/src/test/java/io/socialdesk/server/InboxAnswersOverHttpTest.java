package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.audit.AuditEvent;
import io.socialdesk.core.audit.AuditKind;
import io.socialdesk.core.channel.AccountHealth;
import io.socialdesk.core.channel.Channel;
import io.socialdesk.core.channel.ChannelAccount;
import io.socialdesk.core.channel.Connected;
import io.socialdesk.core.channel.Connection;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.channel.Delivery;
import io.socialdesk.core.channel.ImportBatch;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.channel.Progress;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.InboxItem;
import io.socialdesk.core.inbox.InboxSettings;
import io.socialdesk.core.tracker.ItemKind;
import io.socialdesk.core.user.Role;
import io.socialdesk.server.tracker.BuiltInTracker;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.FormBody;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answering from the inbox's tickets over real HTTP on the embedded database: a reply written on the ticket (REST and
 * the page's form) goes out once through the publishing engine and is shown with its link; a Legal ticket's reply waits
 * for Legal; response times over REST and on their page; an admin forgets a person. Every text escaped.
 */
class InboxAnswersOverHttpTest {
    static final String REST = "/rest/socialdesk/1.0";
    static final String HOSTILE = "Pat <img src=x onerror=alert(1)>";

    @TempDir
    static Path data;

    static TestServer server;
    static String sam;
    static String laura;
    static String admin;
    static long account;
    static final Mastodon network = new Mastodon();
    static final AtomicInteger ids = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(io.socialdesk.server.db.DatabaseConfig.embedded(data), data,
                settings -> settings.withChannels(List.of(network)).withInbox(Duration.ofHours(1), InboxSettings.DEFAULTS));
        server.addUser("sam", Role.SUPPORT_AGENT);
        server.addUser("laura", Role.LEGAL);
        server.addUser("boss", Role.ADMIN);
        sam = server.signIn("sam");
        laura = server.signIn("laura");
        admin = server.signIn("boss");
        account = server.app.accounts().connect(null, Network.MASTODON, URI.create("https://social.example"),
                new Connected("109", "@acme", "Acme", Credentials.bearer("token-not-logged")), "sam", server.clock.instant()).id();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aReplyWrittenOverRestGoesOutOnceInTheThreadAndTheTicketShowsItWithItsLink() {
        BuiltInTracker.Item ticket = ticket("pat", HOSTILE, "My refund <b>never</b> came");
        assertThat(ticket.tracked().key()).startsWith("SUPPORT-");

        TestServer.Reply written = server.postJson(REST + "/inbox/tickets/" + ticket.tracked().key() + "/replies", sam,
                "{\"text\":\"Sorry <script>alert(1)</script>, on it\"}");
        assertThat(written.status()).as(written.body()).isEqualTo(201);
        assertThat(written.json().get("state").asText()).isEqualTo("QUEUED");
        sendOut();

        var replies = TestServer.ok(server.get(REST + "/inbox/tickets/" + ticket.tracked().key() + "/replies", sam));
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).get("state").asText()).isEqualTo("SENT");
        String link = replies.get(0).get("url").asText();
        assertThat(link).startsWith("https://social.example/@acme/");
        assertThat(network.published).filteredOn(d -> d.text().startsWith("Sorry")).singleElement()
                .satisfies(d -> assertThat(d.replyTo().id()).startsWith("https://social.example/@pat/"));
        TestServer.Reply page = server.get(ticket.tracked().url(), sam);
        assertThat(page.body()).contains("Sorry &lt;script&gt;alert(1)&lt;/script&gt;, on it").contains("href=\"" + link + "\"")
                .contains("Pat &lt;img src=x onerror=alert(1)&gt;").doesNotContain("<script>alert", "<img src=x");
        server.app.publishing().publisher().tick();
        assertThat(network.published).filteredOn(d -> d.text().startsWith("Sorry")).hasSize(1);
    }

    @Test
    void theTicketPagesFormSendsAReplyAndShowsARefusalNextToIt() {
        BuiltInTracker.Item ticket = ticket("kim", "Kim", "Where is my refund?");

        TestServer.Reply empty = form(ticket.tracked().url() + "/replies", sam, "text", "  ");
        TestServer.Reply direct = form(ticket.tracked().url() + "/replies", sam, "text", "hello", "direct", "true");
        TestServer.Reply sent = form(ticket.tracked().url() + "/replies", sam, "text", "We are looking into it");

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("id=\"sd-answer-problem\"").contains("A reply needs some text.");
        assertThat(direct.status()).isEqualTo(400);
        assertThat(direct.body()).contains("cannot send direct messages on Mastodon");
        assertThat(sent.status()).isEqualTo(303);
        assertThat(server.get(ticket.tracked().url(), sam).body()).contains("We are looking into it").contains("data-state=\"queued\"");
    }

    @Test
    void theTicketPageOffersADirectMessageAndItGoesOutAsOneToTheAuthor() {
        BuiltInTracker.Item ticket = ticket("dee", "Dee", "Can you check my account?");
        network.directMessages = true;
        try {
            String page = server.get(ticket.tracked().url(), sam).body();
            assertThat(page).contains("id=\"sd-reply-kind\"").contains("id=\"sd-reply-public\" checked")
                    .containsPattern("id=\"sd-reply-direct\"\\s*>").doesNotContain("id=\"sd-direct-note\"");

            TestServer.Reply sent = form(ticket.tracked().url() + "/replies", sam, "text", "We sent you the details", "direct", "true");
            assertThat(sent.status()).as(sent.body()).isEqualTo(303);
            sendOut();

            assertThat(network.published).filteredOn(d -> d.text().equals("We sent you the details")).singleElement().satisfies(d -> {
                assertThat(d.progress(Delivery.DIRECT_TO)).isEqualTo("acct-dee");
                assertThat(d.progress(Delivery.DIRECT_HANDLE)).isEqualTo("@dee");
            });
            var replies = TestServer.ok(server.get(REST + "/inbox/tickets/" + ticket.tracked().key() + "/replies", sam));
            assertThat(replies.get(0).get("direct").asBoolean()).isTrue();
            assertThat(replies.get(0).get("state").asText()).isEqualTo("SENT");
            assertThat(server.get(ticket.tracked().url(), sam).body()).contains("Direct message").contains("data-state=\"sent\"");
        } finally {
            network.directMessages = false;
        }
    }

    @Test
    void aLegalTicketsReplyWaitsForLegalsApprovalOnThePage() {
        BuiltInTracker.Item ticket = ticket("lee", "Lee", "My lawyer will contact you about this refund");
        assertThat(ticket.tracked().key()).startsWith("LEGAL-");

        TestServer.Reply written = server.postJson(REST + "/inbox/tickets/" + ticket.tracked().key() + "/replies", sam,
                "{\"text\":\"Please write to legal@acme.example\"}");
        assertThat(written.json().get("state").asText()).isEqualTo("HELD");
        assertThat(written.json().get("approver").asText()).isEqualTo("LEGAL");
        long id = written.json().get("id").asLong();
        server.app.publishing().publisher().tick();
        assertThat(network.published).noneSatisfy(d -> assertThat(d.text()).contains("legal@acme.example"));
        assertThat(server.get(ticket.tracked().url(), sam).body()).contains("Waiting for Legal&#39;s approval").doesNotContain("sd-reply-approve");
        assertThat(server.get(ticket.tracked().url(), laura).body()).contains("sd-reply-approve");

        TestServer.Reply refused = server.postJson(REST + "/inbox/replies/" + id + "/approve", sam, "{}");
        TestServer.Reply approved = form(ticket.tracked().url() + "/replies/" + id + "/approve", laura);
        sendOut();

        assertThat(refused.status()).isEqualTo(403);
        assertThat(approved.status()).isEqualTo(303);
        assertThat(network.published).filteredOn(d -> d.text().contains("legal@acme.example")).hasSize(1);
    }

    @Test
    void badRepliesAreRefusedNamingTheFieldAndTheRule() {
        BuiltInTracker.Item ticket = ticket("max", "Max", "refund please");

        TestServer.Reply tooLong = server.postJson(REST + "/inbox/tickets/" + ticket.tracked().key() + "/replies", sam,
                "{\"text\":\"" + "x".repeat(5001) + "\"}");
        TestServer.Reply direct = server.postJson(REST + "/inbox/tickets/" + ticket.tracked().key() + "/replies", sam,
                "{\"text\":\"hi\",\"direct\":true}");
        TestServer.Reply noTicket = server.postJson(REST + "/inbox/tickets/SUPPORT-99999/replies", sam, "{\"text\":\"hi\"}");
        TestServer.Reply anonymous = server.call(new Request.Builder().url(server.url(REST + "/inbox/tickets/" + ticket.tracked().key() + "/replies"))
                .get().build());

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("field").asText()).isEqualTo("text");
        assertThat(tooLong.json().get("rule").asText()).isEqualTo("max-length");
        assertThat(direct.json().get("rule").asText()).isEqualTo("direct-unsupported");
        assertThat(noTicket.status()).isEqualTo(404);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void responseTimesOverRestAndOnTheirPage() {
        BuiltInTracker.Item ticket = ticket("ana", "Ana", "refund for order 12");
        server.postJson(REST + "/inbox/tickets/" + ticket.tracked().key() + "/replies", sam, "{\"text\":\"Done\"}");
        sendOut();

        var report = TestServer.ok(server.get(REST + "/inbox/response-times", sam));
        TestServer.Reply bad = server.get(REST + "/inbox/response-times?from=yesterday", sam);
        TestServer.Reply page = server.get("/inbox/response-times", sam);

        assertThat(report.get("all").get("tickets").asInt()).isPositive();
        assertThat(report.get("all").get("answered").asInt()).isPositive();
        assertThat(report.get("departments").findValuesAsText("group")).contains("SUPPORT");
        assertThat(report.get("networks").findValuesAsText("group")).contains("Mastodon");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("from");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-group=\"SUPPORT\"").contains("data-group=\"Mastodon\"");
        assertThat(server.get("/items", sam).body()).contains("href=\"/inbox/response-times\"");
    }

    @Test
    void anAdminForgetsAPersonFromTheTicketPageAndOverRest() {
        BuiltInTracker.Item first = ticket("zoe", "Zoe <b>Z</b>", "refund, my phone is 0612345678");
        BuiltInTracker.Item second = ticket("zoe", "Zoe <b>Z</b>", "another refund, I live at 3 Rue Y");
        String author = server.app.inbox().store().onTicket(first.tracked().key(), 1).get(0).inbound().author().id();
        // Notes Social Desk writes name them: a reply to them, and the ticket reopened by their new message.
        assertThat(server.postJson(REST + "/inbox/tickets/" + first.tracked().key() + "/replies", sam, "{\"text\":\"Looking\"}").status())
                .isEqualTo(201);
        server.app.tracker().resolve(second.tracked(), "sam");
        String secondId = server.app.inbox().store().onTicket(second.tracked().key(), 1).get(0).inbound().externalId();
        String again1 = "https://social.example/@zoe/" + ids.incrementAndGet();
        server.app.inbox().imports().receive(account, List.of(new Inbound(Network.MASTODON, Stream.MENTIONS, again1, "reply", "@acme still waiting",
                server.clock.instant(), new Inbound.Author(author, "@zoe", "Zoe <b>Z</b>", 10L, "https://social.example/@zoe"), again1, secondId,
                null, "en")), InboxItem.WEBHOOK);
        assertThat(server.get(second.tracked().url(), admin).body()).contains("from @zoe on Mastodon");
        assertThat(server.app.tracker().comments(first.tracked(), false, 200)).anySatisfy(c -> assertThat(c.text()).startsWith("Reply to @zoe by"));
        assertThat(server.get(first.tracked().url(), admin).body()).contains("class=\"sd-forget-person\"");
        assertThat(server.get(first.tracked().url(), sam).body()).doesNotContain("sd-forget-person");

        TestServer.Reply refused = server.postJson(REST + "/inbox/forget", sam, "{\"network\":\"MASTODON\",\"author\":\"" + author + "\"}");
        TestServer.Reply unknownNetwork = server.postJson(REST + "/inbox/forget", admin, "{\"network\":\"MYSPACE\",\"author\":\"x\"}");
        TestServer.Reply done = form(first.tracked().url() + "/forget", admin, "network", "MASTODON", "author", author, "sure", "yes");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(unknownNetwork.status()).isEqualTo(400);
        assertThat(unknownNetwork.json().get("rule").asText()).isEqualTo("known-network");
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("id=\"sd-answer-done\"").contains("3 messages anonymised on 2 tickets");
        assertThat(server.get(second.tracked().url(), admin).body()).contains("from [forgotten] on Mastodon");
        assertThat(server.app.tracker().comments(first.tracked(), false, 200)).anySatisfy(c -> assertThat(c.text()).startsWith("Reply to [forgotten] by"))
                .noneSatisfy(c -> assertThat(c.text()).contains("@zoe"));
        for (BuiltInTracker.Item t : List.of(first, second)) {
            TestServer.Reply page = server.get(t.tracked().url(), admin);
            assertThat(page.body()).doesNotContain("0612345678", "3 Rue Y", "Zoe", "@zoe").contains("[Removed at the author&#39;s request]");
            assertThat(server.app.tracker().item(t.tracked().key()).orElseThrow().description()).doesNotContain("0612345678", "3 Rue Y", "zoe");
        }
        List<AuditEvent> audit = server.app.engine().trail().list(AuditEvent.NO_POST);
        assertThat(audit).filteredOn(e -> e.kind() == AuditKind.PERSON_FORGOTTEN).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("3 items").doesNotContain("zoe", "0612345678"));

        TestServer.Reply again = server.postJson(REST + "/inbox/forget", admin, "{\"network\":\"mastodon\",\"author\":\"@zoe\"}");
        assertThat(TestServer.ok(again).get("items").asInt()).isZero();
    }

    /** Ticks the engine (the server's own job ticks too, every 250 ms) until no reply is queued any more. */
    private static void sendOut() {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until) {
            server.app.publishing().publisher().tick();
            boolean queued = server.app.tracker().list(ItemKind.MENTION, 500).stream()
                    .flatMap(t -> server.app.answering().replies().forTicket(t.tracked().key()).stream())
                    .anyMatch(r -> r.state() == io.socialdesk.core.inbox.answer.ReplyState.QUEUED);
            if (!queued) return;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("A reply stayed queued for 10 seconds");
    }

    /** A mention from {@code handle} on the Mastodon account, filed as a ticket; answers the ticket. */
    private static BuiltInTracker.Item ticket(String handle, String name, String text) {
        String id = "https://social.example/@" + handle + "/" + ids.incrementAndGet();
        Inbound in = new Inbound(Network.MASTODON, Stream.MENTIONS, id, "mention", "@acme " + text, server.clock.instant(),
                new Inbound.Author("acct-" + handle, "@" + handle, name, 10L, "https://social.example/@" + handle), id, null, null, "en");
        server.app.inbox().imports().receive(account, List.of(in), InboxItem.WEBHOOK);
        return server.app.tracker().list(ItemKind.MENTION, 500).stream()
                .filter(t -> server.app.inbox().store().onTicket(t.tracked().key(), 10).stream().anyMatch(i -> i.inbound().externalId().equals(id)))
                .findFirst().orElseThrow();
    }

    private static TestServer.Reply form(String path, String cookie, String... fields) {
        FormBody.Builder body = new FormBody.Builder();
        for (int i = 0; i < fields.length; i += 2) body.add(fields[i], fields[i + 1]);
        return server.call(new Request.Builder().url(server.url(path)).header("Cookie", cookie).header("Origin", server.url(""))
                .post(body.build()).build());
    }

    /** Mastodon as the engine sees it: every reply is sent, at a fresh status; direct messages only when a test says so. */
    static final class Mastodon implements Channel {
        final List<Delivery> published = new CopyOnWriteArrayList<>();
        volatile boolean directMessages;

        @Override public boolean sendsDirectMessages() { return directMessages; }
        private final AtomicInteger statuses = new AtomicInteger();

        @Override public Network network() { return Network.MASTODON; }
        @Override public Set<Stream> streams() { return Set.of(); }
        @Override public ImportBatch fetch(ChannelAccount a, Stream s, String cursor) { return ImportBatch.of(List.of(), cursor, false); }
        @Override public Connection connection() { throw new UnsupportedOperationException(); }

        @Override
        public Outcome publish(ChannelAccount a, Delivery delivery, Progress progress) {
            published.add(delivery);
            int n = statuses.incrementAndGet();
            return new Outcome.Sent(RemotePost.of("https://social.example/users/acme/statuses/" + n, "https://social.example/@acme/" + n));
        }

        @Override public Outcome settle(ChannelAccount a, Delivery delivery) { return new Outcome.Unknown("cannot tell"); }
        @Override public Outcome delete(ChannelAccount a, RemotePost post) { return new Outcome.Sent(post); }
        @Override public AccountHealth check(ChannelAccount a) { return AccountHealth.ok(Instant.now(), a.remoteId(), a.handle(), Set.of(), null); }
        @Override public Instant nextAllowedAt(ChannelAccount a) { return Instant.EPOCH; }
    }
}
