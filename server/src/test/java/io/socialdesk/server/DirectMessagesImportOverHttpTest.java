package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.channel.bluesky.BlueskyChannel;
import io.socialdesk.channel.http.AddressPolicy;
import io.socialdesk.channel.http.HttpCalls;
import io.socialdesk.channel.http.RateLimits;
import io.socialdesk.channel.x.XChannel;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Connected;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.InboxItem;
import io.socialdesk.core.inbox.InboxSettings;
import io.socialdesk.core.tracker.ItemKind;
import io.socialdesk.core.user.Role;
import io.socialdesk.server.tracker.BuiltInTracker;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Direct messages imported from X and Bluesky by the server's import job, through the real connectors against a
 * local HTTP server answering in each network's published shapes (X's {@code GET /2/dm_events}; Bluesky's
 * {@code chat.bsky.convo.getLog} and {@code getConvo}, which the local Bluesky peer cannot serve: it runs no chat
 * service). What an agent sees: a customer's message is a ticket in the queue its words route it to, their next message a
 * comment on that ticket, and the message the brand sent in between is not imported.
 */
class DirectMessagesImportOverHttpTest {
    static final String X_ID = "1000";
    static final String BRAND_DID = "did:plc:brand";
    static final String CUSTOMER_DID = "did:plc:customer";

    @TempDir
    static Path data;

    static TestServer server;
    static HttpServer network;
    /** What each endpoint answers now, by path. */
    static final Map<String, String> answers = new ConcurrentHashMap<>();
    static long xAccount;
    static long blueskyAccount;

    @BeforeAll
    static void start() throws Exception {
        network = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        network.createContext("/", exchange -> {
            String body = answers.get(exchange.getRequestURI().getRawPath());
            byte[] bytes = (body == null ? "{\"error\":\"NotFound\",\"message\":\"not here\"}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        network.start();
        URI base = URI.create("http://127.0.0.1:" + network.getAddress().getPort() + "/");
        HttpCalls http = new HttpCalls(AddressPolicy.ANY, Duration.ofSeconds(5), Duration.ofSeconds(5));
        answers.put("/2/users/" + X_ID + "/mentions", "{\"meta\":{\"result_count\":0}}");
        answers.put("/xrpc/app.bsky.notification.listNotifications", "{\"notifications\":[]}");
        // Every stream of both accounts is polled at each run: each answers from the start.
        answers.put("/2/dm_events", dmEvents(event("1858000000000000100", "2001", "old conversation", "2026-11-20T09:00:00.000Z")));
        answers.put("/xrpc/chat.bsky.convo.getLog", "{\"cursor\":\"5000\",\"logs\":[]}");
        answers.put("/xrpc/chat.bsky.convo.getConvo", "{\"convo\":{\"id\":\"convo-9\",\"rev\":\"5003\",\"members\":[{\"did\":\""
                + BRAND_DID + "\",\"handle\":\"shop.test\"},{\"did\":\"" + CUSTOMER_DID + "\",\"handle\":\"pat.test\",\"displayName\":\"Pat\"}],"
                + "\"muted\":false,\"unreadCount\":1}}");
        server = new TestServer(io.socialdesk.server.db.DatabaseConfig.embedded(data), data, settings -> {
            XChannel x = new XChannel(http, new RateLimits(settings.clock()), (id, fresh) -> { }, settings.clock(), base,
                    URI.create("https://x.com/i/oauth2/authorize"));
            BlueskyChannel bluesky = new BlueskyChannel(http, new RateLimits(settings.clock()), (id, fresh) -> { }, settings.clock(), base);
            return settings.withChannels(List.of(x, bluesky)).withInbox(Duration.ofHours(1), InboxSettings.DEFAULTS);
        });
        server.addUser("sam", Role.SUPPORT_AGENT);
        Set<String> scopes = Set.of("tweet.read", "tweet.write", "users.read", "media.write", "offline.access", "dm.read", "dm.write");
        xAccount = server.app.accounts().connect(null, Network.X, null, new Connected(X_ID, "@shop", "Shop", new Credentials("x-access",
                "x-refresh", server.clock.instant().plus(Duration.ofDays(30)), scopes, Map.of())), "sam", server.clock.instant()).id();
        blueskyAccount = server.app.accounts().connect(null, Network.BLUESKY, base, new Connected(BRAND_DID, "shop.test", "Shop",
                new Credentials("bsky-access", "bsky-refresh", null, Set.of(), Map.of("did", BRAND_DID))), "sam", server.clock.instant()).id();
        // The first run only marks where each stream starts: old messages are not history to import.
        server.app.inbox().imports().runOnce();
        assertThat(ticketsAbout("old conversation")).isEmpty();
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) server.close();
        network.stop(0);
    }

    @Test
    void anXCustomersMessageIsASupportTicketTheirNextOneACommentAndOurReplyIsNotImported() {
        answers.put("/2/dm_events", dmEvents(
                event("1858000000000000120", "2001", "Hello, my parcel never arrived and I want a refund", "2026-11-22T09:55:00.000Z")));
        server.app.inbox().imports().runOnce();

        List<BuiltInTracker.Item> tickets = ticketsAbout("I want a refund");
        assertThat(tickets).hasSize(1);
        BuiltInTracker.Item ticket = tickets.get(0);
        assertThat(ticket.queue()).isEqualTo("SUPPORT");
        assertThat(ticket.summary()).contains("@alice");

        answers.put("/2/dm_events", dmEvents(
                event("1858000000000000140", "2001", "Thanks, order 42", "2026-11-22T09:59:00.000Z"),
                event("1858000000000000130", X_ID, "Sorry to hear that! What is your order number?", "2026-11-22T09:57:00.000Z"),
                event("1858000000000000120", "2001", "Hello, my parcel never arrived and I want a refund", "2026-11-22T09:55:00.000Z")));
        server.app.inbox().imports().runOnce();

        List<InboxItem> conversation = server.app.inbox().store().onTicket(ticket.tracked().key(), 10);
        assertThat(conversation).extracting(i -> i.inbound().externalId()).containsExactly("1858000000000000120", "1858000000000000140");
        assertThat(conversation).allMatch(i -> i.inbound().stream() == Stream.DIRECT_MESSAGES);
        assertThat(server.app.tracker().comments(ticket.tracked(), false, 50)).anyMatch(c -> c.text().contains("Thanks, order 42"))
                .noneMatch(c -> c.text().contains("What is your order number?"));
        assertThat(ticketsAbout("What is your order number?")).as("our own message is never imported").isEmpty();
    }

    @Test
    void aBlueskyCustomersMessageIsATicketTheirNextOneAComment() {
        // The first run (in start) learnt the chat log's cursor, 5000: nothing before it is imported.

        answers.put("/xrpc/chat.bsky.convo.getLog", "{\"cursor\":\"5001\",\"logs\":[" + created("5001", "m-1", CUSTOMER_DID,
                "Do you have a price list for schools?") + "]}");
        server.app.inbox().imports().runOnce();
        List<BuiltInTracker.Item> tickets = ticketsAbout("price list for schools");
        assertThat(tickets).hasSize(1);
        assertThat(tickets.get(0).queue()).isEqualTo("SALES");
        assertThat(tickets.get(0).summary()).contains("pat.test");

        answers.put("/xrpc/chat.bsky.convo.getLog", "{\"cursor\":\"5003\",\"logs\":[" + created("5001", "m-1", CUSTOMER_DID,
                "Do you have a price list for schools?") + "," + created("5002", "m-2", BRAND_DID, "Yes, here it is") + ","
                + created("5003", "m-3", CUSTOMER_DID, "Great, thank you") + "]}");
        server.app.inbox().imports().runOnce();

        assertThat(server.app.inbox().store().onTicket(tickets.get(0).tracked().key(), 10)).extracting(i -> i.inbound().externalId())
                .containsExactly("m-1", "m-3");
        assertThat(ticketsAbout("Yes, here it is")).isEmpty();
    }

    static String event(String id, String sender, String text, String at) {
        String conversation = X_ID + "-2001";
        return "{\"id\":\"" + id + "\",\"event_type\":\"MessageCreate\",\"text\":\"" + text + "\",\"sender_id\":\"" + sender
                + "\",\"dm_conversation_id\":\"" + conversation + "\",\"created_at\":\"" + at + "\"}";
    }

    static String dmEvents(String... events) {
        return "{\"data\":[" + String.join(",", events) + "],\"includes\":{\"users\":[{\"id\":\"2001\",\"username\":\"alice\",\"name\":\"Alice\"},"
                + "{\"id\":\"" + X_ID + "\",\"username\":\"shop\",\"name\":\"Shop\"}]},\"meta\":{\"result_count\":" + events.length + "}}";
    }

    static String created(String rev, String id, String sender, String text) {
        return "{\"$type\":\"chat.bsky.convo.defs#logCreateMessage\",\"rev\":\"" + rev + "\",\"convoId\":\"convo-9\",\"message\":{\"$type\":"
                + "\"chat.bsky.convo.defs#messageView\",\"id\":\"" + id + "\",\"rev\":\"" + rev + "\",\"text\":\"" + text
                + "\",\"sender\":{\"did\":\"" + sender + "\"},\"sentAt\":\"" + Instant.parse("2026-11-22T09:50:00Z").plusSeconds(Long.parseLong(rev) - 5000) + "\"}}";
    }

    private static List<BuiltInTracker.Item> ticketsAbout(String text) {
        return server.app.tracker().list(ItemKind.MENTION, 500).stream()
                .filter(t -> t.summary().contains(text) || t.description().contains(text)).toList();
    }
}
