package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.account.Network;
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
import okhttp3.FormBody;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The social inbox over real HTTP on the embedded database: mentions from the signed inbound webhook and from the
 * import job go through one pipeline into routed tickets of the built-in tracker's queues, one per conversation,
 * shown on the ticket's page as on the network, every text escaped.
 */
class InboxOverHttpTest {
    static final String SECRET = "inbound-secret-for-the-inbox-test";

    @TempDir
    static Path data;

    static TestServer server;
    static String sam;
    static long hook;
    static final PolledForum forum = new PolledForum();

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(io.socialdesk.server.db.DatabaseConfig.embedded(data), data,
                settings -> settings.withChannels(List.of(forum)).withInbox(Duration.ofHours(1), InboxSettings.DEFAULTS));
        server.addUser("sam", Role.SUPPORT_AGENT);
        sam = server.signIn("sam");
        hook = server.app.accounts().connect(null, Network.WEBHOOK, URI.create("https://forum.example/hooks/social"),
                new Connected("forum", "Shop forum", "Shop forum", Credentials.bearer(SECRET)), "sam", server.clock.instant()).id();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aWebhookMentionAndTheSameOnePolledMakeOneTicketAndAReplyIsACommentOnIt() {
        String mention = """
                {"id":"forum:100","text":"My <b>order</b> never came <script>alert('x')</script>","author":{"id":"u-1","handle":"@pat",
                 "name":"Pat <img src=x onerror=alert(1)>","followers":1204,"url":"https://forum.example/u/pat"},
                 "url":"https://forum.example/t/100","network":"Shop forum"}""";

        TestServer.Reply pushed = signed(mention);
        forum.serve(item("forum:100", null, "My <b>order</b> never came <script>alert('x')</script>"));
        server.app.inbox().imports().runOnce();
        TestServer.Reply reply = signed("""
                {"id":"forum:101","text":"Still nothing & no answer","author":{"id":"u-1","handle":"@pat"},"inReplyTo":"forum:100"}""");

        assertThat(pushed.status()).as(pushed.body()).isEqualTo(202);
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        List<BuiltInTracker.Item> tickets = ticketsAbout("My <b>order</b>");
        assertThat(tickets).hasSize(1);
        BuiltInTracker.Item ticket = tickets.get(0);
        assertThat(ticket.tracked().key()).startsWith("COMMUNITY-");
        assertThat(ticket.reporter()).as("the account's owner").isEqualTo("sam");

        TestServer.Reply page = server.get(ticket.tracked().url(), sam);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("My &lt;b&gt;order&lt;/b&gt; never came &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("Pat &lt;img src=x onerror=alert(1)&gt;")
                .contains("href=\"https://forum.example/u/pat\"", "href=\"https://forum.example/t/100\"", "1,204 followers")
                .contains("Still nothing &amp; no answer")
                .doesNotContain("<script>alert", "<img src=x");
        assertThat(page.body().split("class=\"sd-message\"", -1)).as("two messages, the polled copy is the same item").hasSize(3);

        TestServer.Reply queue = server.get("/items?queue=COMMUNITY", sam);
        assertThat(queue.body()).contains(ticket.tracked().key()).contains("data-queue=\"SUPPORT\"");
    }

    @Test
    void aResolvedTicketReopensWhenTheConversationGoesOnAndMuchLaterANewTicketFollowsIt() {
        signed("""
                {"id":"forum:200","text":"Where is my refund?","author":{"id":"u-2","handle":"@lee"}}""");
        BuiltInTracker.Item ticket = ticketsAbout("Where is my refund").get(0);

        TestServer.Reply resolved = form(ticket.tracked().url() + "/resolve");
        assertThat(resolved.status()).isEqualTo(303);
        assertThat(server.get(ticket.tracked().url(), sam).body()).contains("id=\"sd-ticket-reopen\"");

        signed("""
                {"id":"forum:201","text":"Not received yet","author":{"id":"u-2","handle":"@lee"},"inReplyTo":"forum:200"}""");
        assertThat(server.app.tracker().item(ticket.tracked().key()).orElseThrow().resolved()).as("reopened").isFalse();
        assertThat(server.get(ticket.tracked().url(), sam).body()).contains("Reopened by Social Desk: a new message in this conversation from @lee");

        form(ticket.tracked().url() + "/resolve");
        server.clock.advance(Duration.ofDays(10));
        signed("""
                {"id":"forum:202","text":"Hello again, new problem","author":{"id":"u-2","handle":"@lee"},"inReplyTo":"forum:201"}""");

        sam = server.signIn("sam"); // ten days on, the session has ended
        BuiltInTracker.Item next = ticketsAbout("Hello again").get(0);
        assertThat(next.tracked().key()).isNotEqualTo(ticket.tracked().key());
        assertThat(next.followsKey()).isEqualTo(ticket.tracked().key());
        assertThat(server.get(next.tracked().url(), sam).body()).contains("id=\"sd-ticket-follows\"");
        assertThat(server.app.tracker().item(ticket.tracked().key()).orElseThrow().resolved()).isTrue();
    }

    @Test
    void aPolledMegabyteTextIsCutWithANoteAndAnItemWithoutIdIsRefusedWhileTheRestIsImported() {
        String megabyte = "<i>" + "z".repeat(1024 * 1024) + "</i>";
        forum.serve(item("forum:300", null, megabyte), item(" ", null, "no id"), item("forum:301", null, "a normal one"));

        server.app.inbox().imports().runOnce();

        InboxItem stored = server.app.inbox().store().onTicket(ticketsAbout("a normal one").get(0).tracked().key(), 10).get(0);
        assertThat(stored.inbound().externalId()).isEqualTo("forum:301");
        BuiltInTracker.Item big = ticketsAbout("<i>zzz").get(0);
        InboxItem cut = server.app.inbox().store().onTicket(big.tracked().key(), 10).get(0);
        assertThat(cut.inbound().text()).hasSizeLessThan(70_000).endsWith("[cut: " + megabyte.length() + " characters in all]");
        assertThat(server.get(big.tracked().url(), sam).body()).contains("&lt;i&gt;zzz").contains("[cut: " + megabyte.length() + " characters in all]");
        assertThat(server.app.inbox().store().waiting(10)).isEmpty();
    }

    @Test
    void aBatchOfMentionsInOneSignedRequestIsOnePageAndSendingItAgainCreatesNothing() {
        String batch = """
                [{"id":"forum:500","text":"Batch thread one","author":{"id":"u-5","handle":"@lou"}},
                 {"id":"forum:501","text":"Batch thread two","author":{"id":"u-6"}},
                 {"id":"forum:502","text":"Batch reply to one","author":{"id":"u-7"},"inReplyTo":"forum:500"}]""";
        int before = server.app.tracker().list(ItemKind.MENTION, 500).size();

        TestServer.Reply first = signed(batch);
        TestServer.Reply again = signed(batch + "\n"); // the same mentions in another request (the same bytes within a second would be a replay)

        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(first.json().get("ids")).extracting(com.fasterxml.jackson.databind.JsonNode::asText)
                .containsExactly("forum:500", "forum:501", "forum:502");
        assertThat(first.json().get("id").isNull()).isTrue();
        assertThat(again.status()).as(again.body()).isEqualTo(202);
        assertThat(server.app.tracker().list(ItemKind.MENTION, 500)).hasSize(before + 2);
        BuiltInTracker.Item one = ticketsAbout("Batch thread one").get(0);
        assertThat(server.app.tracker().comments(one.tracked(), false, 10)).extracting(c -> c.text()).anyMatch(t -> t.contains("Batch reply to one"))
                .hasSize(1);
        assertThat(server.app.inbox().store().waiting(10)).isEmpty();

        TestServer.Reply broken = signed("[{\"id\":\"forum:503\",\"text\":\"x\",\"author\":{\"id\":\"u-8\"}},{\"text\":\"no id\",\"author\":{\"id\":\"u-8\"}}]");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("field").asText()).isEqualTo("[1].id");
        assertThat(server.app.tracker().list(ItemKind.MENTION, 500)).as("a batch with a problem is refused whole").hasSize(before + 2);
    }

    @Test
    void aWebhookBodyWithAnUnknownFieldOrWithoutIdIsRefusedNamingTheFieldAndOpensNothing() {
        int before = server.app.tracker().list(ItemKind.MENTION, 500).size();

        TestServer.Reply unknown = signed("""
                {"id":"forum:400","text":"hi","author":{"id":"u-4"},"mood":"angry"}""");
        TestServer.Reply noId = signed("""
                {"text":"hi","author":{"id":"u-4"}}""");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asText()).isEqualTo("mood");
        assertThat(unknown.json().get("rule").asText()).isEqualTo("unknown");
        assertThat(noId.status()).isEqualTo(400);
        assertThat(noId.json().get("field").asText()).isEqualTo("id");
        assertThat(noId.json().get("rule").asText()).isEqualTo("required");
        assertThat(server.app.tracker().list(ItemKind.MENTION, 500)).hasSize(before);
    }

    private static List<BuiltInTracker.Item> ticketsAbout(String text) {
        return server.app.tracker().list(ItemKind.MENTION, 500).stream()
                .filter(t -> t.summary().contains(text) || t.description().contains(text)).toList();
    }

    private static TestServer.Reply signed(String body) {
        return server.inbound(hook, SECRET, body);
    }

    private static TestServer.Reply form(String path) {
        return server.call(new Request.Builder().url(server.url(path)).header("Cookie", sam).header("Origin", server.url(""))
                .post(new FormBody.Builder().build()).build());
    }

    private static Inbound item(String id, String parent, String text) {
        return new Inbound(Network.WEBHOOK, Stream.MENTIONS, id, "mention on Shop forum", text, Instant.parse("2026-11-22T09:00:00Z"),
                new Inbound.Author("u-1", "@pat", "Pat <img src=x onerror=alert(1)>", 1204L, "https://forum.example/u/pat"),
                "https://forum.example/t/" + id.replace("forum:", ""), parent, null, null);
    }

    /** The forum as a network the job polls: each call answers what the test queued since the last one. */
    static final class PolledForum implements Channel {
        private final List<Inbound> queued = new CopyOnWriteArrayList<>();
        private final Network network;
        private final Stream stream;

        PolledForum() {
            this(Network.WEBHOOK, Stream.MENTIONS);
        }

        /** A network of another kind, polled the same way (a Facebook Page's comments, for the webhooks' reconciliation). */
        PolledForum(Network network, Stream stream) {
            this.network = network;
            this.stream = stream;
        }

        void serve(Inbound... items) {
            queued.addAll(List.of(items));
        }

        @Override
        public Network network() {
            return network;
        }

        @Override
        public Set<Stream> streams() {
            return Set.of(stream);
        }

        @Override
        public ImportBatch fetch(ChannelAccount account, Stream stream, String cursor) {
            List<Inbound> page = List.copyOf(queued);
            queued.removeAll(page);
            int at = cursor == null ? 0 : Integer.parseInt(cursor);
            return ImportBatch.of(page, Integer.toString(at + page.size()), false);
        }

        @Override
        public Connection connection() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Outcome publish(ChannelAccount account, Delivery delivery, Progress progress) {
            return new Outcome.Failed("not-supported", "This test forum does not publish.");
        }

        @Override
        public Outcome settle(ChannelAccount account, Delivery delivery) {
            return new Outcome.Unknown("This test forum does not publish.");
        }

        @Override
        public Outcome delete(ChannelAccount account, RemotePost post) {
            return new Outcome.Sent(post);
        }

        @Override
        public AccountHealth check(ChannelAccount account) {
            return AccountHealth.ok(Instant.now(), account.remoteId(), account.handle(), Set.of(), null);
        }

        @Override
        public Instant nextAllowedAt(ChannelAccount account) {
            return Instant.EPOCH;
        }
    }
}
