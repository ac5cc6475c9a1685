package io.socialdesk.server.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.Network;
import io.socialdesk.channel.bluesky.BlueskyChannel;
import io.socialdesk.channel.http.AddressPolicy;
import io.socialdesk.channel.http.HttpCalls;
import io.socialdesk.channel.http.RateLimits;
import io.socialdesk.core.channel.Connected;
import io.socialdesk.core.inbox.InboxItem;
import io.socialdesk.core.tracker.ItemKind;
import io.socialdesk.server.publish.PublishingSeed;
import io.socialdesk.server.tracker.BuiltInTracker;
import io.socialdesk.testing.BlueskyPeer;
import io.socialdesk.testing.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The social inbox end to end against Bluesky's own reference servers ({@code peers/bluesky}) and the real server
 * process: a customer mentions the brand and a ticket appears in the support queue within one poll; the agent's reply
 * from the ticket appears in the thread on the network; the customer's answer to it is a comment on the same ticket; then the customer writes a burst of threads while the
 * server is SIGKILLed again and again in the middle of its imports, and after a last start every message is stored
 * once, on one ticket per thread: nothing doubled, nothing lost. Skipped loudly outside CI without the peer; fails in
 * CI ({@link BlueskyPeer.Required}).
 */
@ExtendWith(BlueskyPeer.Required.class)
class InboxFromBlueskyIT {
    static final Path JAR = Path.of(System.getProperty("socialdesk.jar", "target/socialdesk.jar"));
    static final Path LOGS = Path.of("target", "inbox-bluesky-logs");
    static final String READY = "is running at (http://\\S+)";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration POLL = Duration.ofSeconds(1);
    static final int KILLS = Integer.getInteger("inbox.kills", 8);

    final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).callTimeout(Duration.ofSeconds(10)).build();
    static final long SEED = Long.getLong("inbox.seed", System.nanoTime());
    final Random random = new Random(SEED);

    @TempDir
    Path work;
    Path data;

    @Test
    void mentionsBecomeOneTicketPerThreadWithinOnePollAndSurviveSigkillsDuringImport(BlueskyPeer bluesky) throws Exception {
        data = work.resolve("data");
        URI pds = URI.create(bluesky.pds());
        BlueskyPeer.Account brand = bluesky.createAccount("acme");
        BlueskyPeer.Account maria = bluesky.createAccount("maria");
        long accountId;
        try (PublishingSeed seed = PublishingSeed.open(data, Duration.ZERO)) {
            seed.people();
            // Connecting as the account page does: a login with an app password (this connector may call the peer's plain http).
            java.time.Clock clock = java.time.Clock.systemUTC();
            BlueskyChannel login = new BlueskyChannel(new HttpCalls(AddressPolicy.ANY), new RateLimits(clock), (id, fresh) -> { }, clock, pds);
            Connected connected = login.login(pds, brand.handle(), bluesky.appPassword(brand));
            Account account = seed.app().accounts().connect(null, Network.BLUESKY, pds, connected, "sam", seed.app().settings().clock().instant());
            accountId = account.id();
            // The first poll marks where the import starts: what was written before the account was connected is not imported.
            seed.app().inbox().imports().runOnce();
        }

        // 1. A mention becomes a ticket in the support queue within one poll.
        JsonNode first;
        JsonNode followUp;
        Duration appeared;
        try (ServerProcess server = server("first").readyWhen(READY).start()) {
            String url = server.readyMatch().group(1);
            String sam = signIn(url, "sam");
            first = post(bluesky, maria, "@" + brand.handle() + " my order arrived broken, I want a refund", brand, null);
            long posted = System.nanoTime();
            String queue = eventually("the ticket in the support queue", () -> page(url + "items?queue=SUPPORT", sam),
                    body -> body.contains("my order arrived broken"), Duration.ofSeconds(60));
            appeared = Duration.ofNanos(System.nanoTime() - posted);

            // 2. The agent answers from the ticket: the reply goes out once through the publishing outbox and shows in the thread.
            String ticketPath = ticketPath(queue, "my order arrived broken");
            String ticketKey = ticketPath.substring(ticketPath.lastIndexOf('/') + 1);
            Response written = http.newCall(new Request.Builder().url(url + "rest/socialdesk/1.0/inbox/tickets/" + ticketKey + "/replies")
                    .header("Cookie", sam).header("Origin", url.substring(0, url.length() - 1))
                    .post(okhttp3.RequestBody.create("{\"text\":\"Sorry about that, Maria: a new one is on its way.\"}",
                            okhttp3.MediaType.get("application/json"))).build()).execute();
            assertThat(written.code()).as(written.body().string()).isEqualTo(201);
            JsonNode sent = eventually("the reply sent", () -> json(page(url + "rest/socialdesk/1.0/inbox/tickets/" + ticketKey + "/replies", sam)),
                    replies -> replies.size() == 1 && "SENT".equals(replies.get(0).path("state").asText()), Duration.ofSeconds(60)).get(0);
            assertThat(sent.path("url").asText()).startsWith("https://bsky.app/profile/" + brand.handle() + "/post/");
            JsonNode thread = eventually("our reply in the thread on the AppView", () -> bluesky.query("app.bsky.feed.getPostThread",
                    maria.accessJwt(), Map.of("uri", first.path("uri").asText())).path("thread").path("replies"), replies -> replies.size() == 1,
                    Duration.ofSeconds(30));
            JsonNode ours = thread.get(0).path("post");
            assertThat(ours.path("author").path("did").asText()).isEqualTo(brand.did());
            assertThat(ours.path("record").path("text").asText()).isEqualTo("Sorry about that, Maria: a new one is on its way.");

            // 3. Her answer to our reply is a comment on the same ticket; our reply itself is never imported.
            followUp = post(bluesky, maria, "@" + brand.handle() + " still nothing, three days later", brand, first, ours);
            String ticketUrl = url + ticketPath;
            String ticket = eventually("the second message on the same ticket", () -> page(ticketUrl, sam),
                    body -> body.contains("still nothing, three days later"), Duration.ofSeconds(60));
            assertThat(ticket.split("class=\"sd-message\"", -1)).as("her two messages, not our reply").hasSize(3);
            server.process().destroy();
            server.waitFor(Duration.ofSeconds(30));
        }
        System.out.println("InboxFromBlueskyIT: mention to ticket in " + appeared.toMillis() + " ms (poll every " + POLL.toMillis() + " ms)");

        // 4. Threads keep coming while the server is killed during its imports: each round, a new thread (a question and two
        // follow-ups) is written just before the server starts, so the kill falls while it is being imported.
        Map<String, List<String>> threads = new LinkedHashMap<>();
        threads.put(first.path("uri").asText(), new ArrayList<>(List.of(followUp.path("uri").asText())));
        for (int round = 1; round <= KILLS; round++) {
            JsonNode root = post(bluesky, maria, "@" + brand.handle() + " question " + round + ": my ski pass is broken, I want a refund", brand, null);
            List<String> replies = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                replies.add(post(bluesky, maria, "@" + brand.handle() + " question " + round + ", follow-up " + r, brand, root).path("uri").asText());
            }
            threads.put(root.path("uri").asText(), replies);
            boolean duringStart = random.nextInt(4) == 0;
            ServerProcess server = server("round-" + round).readyWhen(duringStart ? null : Pattern.compile(READY)).start();
            Thread.sleep(duringStart ? random.nextInt(3000) : random.nextInt(1500));
            server.process().destroyForcibly();
            server.waitFor(Duration.ofSeconds(20));
            server.close();
            Files.deleteIfExists(data.resolve("db").resolve("socialdesk.lck"));
        }
        int expected = threads.size() + threads.values().stream().mapToInt(List::size).sum();
        try (ServerProcess last = server("final").readyWhen(READY).start()) {
            String url = last.readyMatch().group(1);
            String sam = signIn(url, "sam");
            eventually("every question in the support queue", () -> page(url + "items?queue=SUPPORT", sam),
                    body -> body.contains("question " + KILLS + ": my ski pass is broken"), Duration.ofSeconds(60));
            Thread.sleep(4 * POLL.toMillis());
            last.process().destroy();
            last.waitFor(Duration.ofSeconds(30));
        }

        try (PublishingSeed seed = PublishingSeed.open(data, Duration.ZERO)) {
            BuiltInTracker tracker = seed.app().tracker();
            Map<String, Integer> stored = new HashMap<>();
            Map<String, String> ticketOf = new HashMap<>();
            int tickets = 0;
            for (BuiltInTracker.Item ticket : tracker.list(ItemKind.MENTION, 1000)) {
                List<InboxItem> items = seed.app().inbox().store().onTicket(ticket.tracked().key(), 1000);
                if (items.isEmpty() || items.get(0).accountId() != accountId) continue;
                tickets++;
                for (InboxItem item : items) {
                    stored.merge(item.inbound().externalId(), 1, Integer::sum);
                    ticketOf.put(item.inbound().externalId(), ticket.tracked().key());
                }
            }
            assertThat(stored.values()).as("every message stored once").allMatch(n -> n == 1);
            assertThat(stored).as("nothing lost").hasSize(expected);
            assertThat(tickets).as("one ticket per thread").isEqualTo(threads.size());
            threads.forEach((root, replies) -> replies.forEach(reply ->
                    assertThat(ticketOf.get(reply)).as("a reply on its thread's ticket").isEqualTo(ticketOf.get(root))));
            assertThat(seed.app().inbox().store().waiting(10)).as("nothing waiting to be filed").isEmpty();
            System.out.println("InboxFromBlueskyIT (seed " + SEED + "): " + KILLS + " SIGKILLs; " + stored.size() + " messages stored once each on " + tickets
                    + " tickets, one per thread");
        }
    }

    private ServerProcess.Builder server(String name) {
        return ServerProcess.jar(JAR)
                .jvmArgs("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto")
                .args("serve", "--port", "0", "--data", data.toString(), "--allow-private-addresses", "--allow-plain-http",
                        "--import-every", POLL.toMillis() + "ms")
                .log(LOGS.resolve(name + ".log")).timeout(Duration.ofSeconds(60));
    }

    /** A post by {@code author} mentioning {@code mentioned} (a facet, as the Bluesky app writes it), in {@code thread}'s thread when given. */
    static JsonNode post(BlueskyPeer bluesky, BlueskyPeer.Account author, String text, BlueskyPeer.Account mentioned, JsonNode thread) {
        return post(bluesky, author, text, mentioned, thread, thread);
    }

    /** As above, answering {@code parent} in {@code thread}'s thread. */
    static JsonNode post(BlueskyPeer bluesky, BlueskyPeer.Account author, String text, BlueskyPeer.Account mentioned, JsonNode thread, JsonNode parent) {
        ObjectNode record = JSON.createObjectNode().put("$type", "app.bsky.feed.post").put("text", text).put("createdAt", Instant.now().toString());
        String handle = "@" + mentioned.handle();
        int start = text.substring(0, text.indexOf(handle)).getBytes(StandardCharsets.UTF_8).length;
        ObjectNode facet = JSON.createObjectNode();
        facet.putObject("index").put("byteStart", start).put("byteEnd", start + handle.getBytes(StandardCharsets.UTF_8).length);
        facet.putArray("features").addObject().put("$type", "app.bsky.richtext.facet#mention").put("did", mentioned.did());
        ((ArrayNode) record.putArray("facets")).add(facet);
        if (thread != null) {
            ObjectNode root = JSON.createObjectNode().put("uri", thread.path("uri").asText()).put("cid", thread.path("cid").asText());
            ObjectNode answered = JSON.createObjectNode().put("uri", parent.path("uri").asText()).put("cid", parent.path("cid").asText());
            record.putObject("reply").<ObjectNode>set("root", root).set("parent", answered);
        }
        ObjectNode create = JSON.createObjectNode().put("repo", author.did()).put("collection", "app.bsky.feed.post");
        create.set("record", record);
        return bluesky.call("com.atproto.repo.createRecord", author.accessJwt(), create);
    }

    /** The path of the ticket whose row in a queue page mentions {@code text}. */
    static String ticketPath(String queuePage, String text) {
        int at = queuePage.indexOf(text);
        int href = queuePage.lastIndexOf("href=\"/items/", at);
        assertThat(href).as("a link to the ticket before its summary").isPositive();
        String path = queuePage.substring(href + "href=\"/".length(), queuePage.indexOf('"', href + "href=\"".length()));
        return path;
    }

    private String signIn(String url, String user) throws IOException {
        Request login = new Request.Builder().url(url + "login")
                .post(new FormBody.Builder().add("username", user).add("password", PublishingSeed.PASSWORD).build()).build();
        try (Response response = http.newCall(login).execute()) {
            assertThat(response.code()).isEqualTo(303);
            String setCookie = response.header("Set-Cookie");
            return setCookie.substring(0, setCookie.indexOf(';'));
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createArrayNode();
        }
    }

    private String page(String url, String cookie) {
        try (Response response = http.newCall(new Request.Builder().url(url).header("Cookie", cookie).build()).execute()) {
            return response.body().string();
        } catch (IOException e) {
            return "";
        }
    }

    static <T> T eventually(String what, Supplier<T> probe, Predicate<T> done, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                String shown = String.valueOf(last);
                throw new AssertionError("Not within " + patience.toSeconds() + " s: " + what + "; last seen: "
                        + shown.substring(Math.max(0, shown.length() - 3000)));
            }
            Thread.sleep(200);
            last = probe.get();
        }
        return last;
    }
}
