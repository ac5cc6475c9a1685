package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialdesk.core.account.Account;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.publish.DeliveryRecord;
import io.socialdesk.core.publish.DeliveryState;
import io.socialdesk.server.publish.PublishingSeed;
import io.socialdesk.testing.RecordingNetwork;
import io.socialdesk.testing.RecordingNetwork.Idempotency;
import io.socialdesk.testing.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publishing engine survives being killed: a real server process publishes due posts to two webhooks
 * on a {@link RecordingNetwork} (generic = idempotent by key; Slack format = not idempotent) while the
 * network delays, refuses, fails and drops some requests, and the process is SIGKILLed at random moments
 * ({@code crash.kills} times, default 50), restarted, and given new due posts now and then. After a last
 * start that drains everything, the database and the network agree: on the idempotent webhook every
 * delivery is Sent and exactly one post exists per delivery key and per text; on the other each delivery
 * is Sent with exactly one post, or Unconfirmed (a person checks; never two posts); nothing is pending or
 * lost. The figures go to {@code target/publishing-crash.txt} ({@code bench/crash.sh} runs 200+ kills).
 */
class PublishingCrashIT {
    static final Path JAR = Path.of(System.getProperty("socialdesk.jar", "target/socialdesk.jar"));
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern TOKEN = Pattern.compile("crash-post-(\\d+)");
    static final int KILLS = Integer.getInteger("crash.kills", 50);
    static final long SEED = Long.getLong("crash.seed", System.nanoTime());
    /** The servers' output, kept after the run (the temporary data folder is not). */
    static final Path LOGS = Path.of("target", "publishing-crash-logs");
    static final Path FIGURES = Path.of(System.getProperty("crash.figures", "target/publishing-crash.txt"));

    final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).callTimeout(Duration.ofSeconds(10)).build();
    final Random random = new Random(SEED);
    final Map<Integer, Post> posts = new LinkedHashMap<>();
    final List<Long> startMillis = new ArrayList<>();
    final List<Instant> killTimes = new ArrayList<>();

    @TempDir
    Path work;
    Path data;
    List<Long> accounts;
    Account generic;
    Account slack;

    @Test
    void everyDueDeliveryGoesOutOnceAcrossSigkills() throws Exception {
        long began = System.nanoTime();
        data = work.resolve("data");
        // 30 % of requests slowed by up to 0.8 s; 2 % each rate-limited, failed before or after creating, dropped before or after creating.
        try (RecordingNetwork network = RecordingNetwork.start(RecordingNetwork.Behaviour.random(SEED, 0.3, Duration.ofMillis(800),
                0.02, 0.02, 0.02, 0.02, 0.02))) {
            network.endpoint("/generic", Idempotency.BY_KEY, PublishingSeed.SECRET).endpoint("/slack", Idempotency.NONE, PublishingSeed.SECRET);
            try (PublishingSeed seed = PublishingSeed.open(data, Duration.ofMinutes(1))) {
                seed.people();
                generic = seed.webhook(network.url("/generic"), "generic");
                slack = seed.webhook(network.url("/slack"), "slack");
                accounts = List.of(generic.id(), slack.id());
                addDuePosts(seed, 12);
            }

            int kills = 0;
            int killedWhileStarting = 0;
            for (int round = 1; round <= KILLS; round++) {
                if (round % 5 == 0) {
                    try (PublishingSeed seed = PublishingSeed.open(data, Duration.ofMinutes(1))) {
                        addDuePosts(seed, 3);
                    }
                }
                boolean duringStart = random.nextInt(10) == 0;
                long startedAt = System.nanoTime();
                ServerProcess server = serverBuilder("round-" + round).readyWhen(duringStart ? null : Pattern.compile(READY)).start();
                if (duringStart) {
                    Thread.sleep(random.nextInt(3000));
                    killedWhileStarting++;
                } else {
                    startMillis.add((System.nanoTime() - startedAt) / 1_000_000);
                    Thread.sleep(random.nextInt(1501));
                }
                sigkill(server);
                kills++;
            }

            long drainStarted = System.nanoTime();
            String drained;
            try (ServerProcess last = serverBuilder("final").readyWhen(READY).start()) {
                String url = last.readyMatch().group(1);
                drained = awaitDrained(url, Duration.ofSeconds(90));
                last.process().destroy();
                last.waitFor(Duration.ofSeconds(30));
            }
            long drainMillis = (System.nanoTime() - drainStarted) / 1_000_000;

            Figures figures = check(network);
            assertThat(drained).as("posts still scheduled or publishing after the last start").isEmpty();
            long totalSeconds = (System.nanoTime() - began) / 1_000_000_000;
            String report = String.join("\n",
                    "PublishingCrashIT seed=" + SEED,
                    "kills: " + kills + " (" + killedWhileStarting + " while starting)",
                    "posts: " + posts.size() + ", deliveries: " + 2 * posts.size(),
                    "generic (idempotent): sent " + figures.genericSent + ", requests " + network.requests("/generic").size()
                            + ", repeats answered from the key " + figures.replays + ", duplicates 0",
                    "slack (not idempotent): sent " + figures.slackSent + ", unconfirmed " + figures.unconfirmed + " (of which the network has "
                            + figures.unconfirmedCreated + " post(s)), requests " + network.requests("/slack").size() + ", duplicates 0",
                    "faults injected: " + figures.faults,
                    "start to ready: avg " + startMillis.stream().mapToLong(Long::longValue).average().orElse(0) + " ms, max "
                            + startMillis.stream().mapToLong(Long::longValue).max().orElse(0) + " ms",
                    "final start and drain: " + drainMillis + " ms",
                    "total: " + totalSeconds + " s");
            Files.createDirectories(FIGURES.toAbsolutePath().getParent());
            Files.writeString(FIGURES, report + "\n");
            System.out.println(report);
        }
    }

    static final String READY = "is running at (http://\\S+)";

    private ServerProcess.Builder serverBuilder(String name) {
        // A lean start: C1 only and the serial collector make a 2-core machine start the server about twice as fast.
        return ServerProcess.jar(JAR)
                .jvmArgs("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto")
                .args("serve", "--port", "0", "--data", data.toString(), "--allow-private-addresses", "--allow-plain-http",
                        "--publish-every", "100ms", "--publish-lease", "5s", "--publish-backoff", "1s")
                .log(LOGS.resolve(name + ".log")).timeout(Duration.ofSeconds(60));
    }

    /** SIGKILL, then what an operator does after a crash: HSQLDB's lock file would make the next start wait ~10 s for its heartbeat to go stale. */
    private void sigkill(ServerProcess server) throws IOException {
        killTimes.add(Instant.now());
        server.process().destroyForcibly();
        server.waitFor(Duration.ofSeconds(20));
        server.close();
        Files.deleteIfExists(data.resolve("db").resolve("socialdesk.lck"));
    }

    private void addDuePosts(PublishingSeed seed, int n) {
        for (int i = 0; i < n; i++) {
            int number = posts.size() + 1;
            // Due a few seconds ago (real time): the seed's clock runs a minute behind, so scheduling accepts it.
            Instant at = Instant.now().minusSeconds(1 + random.nextInt(5));
            String text = "Winter sale, day " + number + " crash-post-" + number + " seed " + SEED;
            posts.put(number, seed.scheduled("Crash post " + number, text, at, accounts));
        }
    }

    /** Waits until no post is Scheduled or Publishing; answers what is still pending (empty when drained). */
    private String awaitDrained(String url, Duration timeout) throws Exception {
        String cookie = signIn(url);
        long deadline = System.nanoTime() + timeout.toNanos();
        String states = "";
        while (System.nanoTime() < deadline) {
            Request list = new Request.Builder().url(url + "rest/socialdesk/1.0/posts?limit=500").header("Cookie", cookie).build();
            try (Response response = http.newCall(list).execute()) {
                JsonNode all = JSON.readTree(response.body().string());
                List<String> pending = new ArrayList<>();
                for (JsonNode p : all) {
                    String state = p.get("state").asText();
                    if (state.equals("SCHEDULED") || state.equals("PUBLISHING")) pending.add(p.get("id").asText() + ":" + state);
                }
                if (all.size() == posts.size() && pending.isEmpty()) return "";
                states = all.size() + " posts, pending " + pending;
            }
            Thread.sleep(500);
        }
        return "not drained within " + timeout + ": " + states;
    }

    private String signIn(String url) throws IOException {
        Request login = new Request.Builder().url(url + "login")
                .post(new FormBody.Builder().add("username", "alice").add("password", PublishingSeed.PASSWORD).build()).build();
        try (Response response = http.newCall(login).execute()) {
            assertThat(response.code()).isEqualTo(303);
            String setCookie = response.header("Set-Cookie");
            return setCookie.substring(0, setCookie.indexOf(';'));
        }
    }

    record Figures(int genericSent, int slackSent, int unconfirmed, int unconfirmedCreated, int replays, Map<String, Long> faults) {
    }

    /** The database (opened here after the last stop) against what the network shows. */
    private Figures check(RecordingNetwork network) {
        Map<Integer, List<RecordingNetwork.Created>> genericByPost = byPost(network.created("/generic"));
        Map<Integer, List<RecordingNetwork.Created>> slackByPost = byPost(network.created("/slack"));
        assertThat(genericByPost.keySet()).as("posts the generic webhook shows that nobody planned").isSubsetOf(posts.keySet());
        assertThat(slackByPost.keySet()).as("posts the Slack webhook shows that nobody planned").isSubsetOf(posts.keySet());
        assertThat(network.requests()).allSatisfy(r -> assertThat(r.request().signatureValid()).as("signature of request " + r.request().seq()).isTrue());
        int genericSent = 0;
        int slackSent = 0;
        int unconfirmed = 0;
        int unconfirmedCreated = 0;
        List<String> problems = new ArrayList<>();
        try (PublishingSeed seed = PublishingSeed.open(data, Duration.ZERO)) {
            for (Map.Entry<Integer, Post> e : posts.entrySet()) {
                int number = e.getKey();
                List<DeliveryRecord> deliveries = seed.app().publishing().deliveries().forPost(e.getValue().id());
                if (deliveries.size() != 2) {
                    problems.add("post " + number + " has " + deliveries.size() + " deliveries, not 2: " + deliveries);
                    continue;
                }
                for (DeliveryRecord d : deliveries) {
                    String where = "post " + number + " on " + (d.accountId() == generic.id() ? "generic" : "slack") + " (" + d.state() + ", "
                            + d.cause() + ": " + d.reason() + ")";
                    if (d.accountId() == generic.id()) {
                        List<RecordingNetwork.Created> shown = genericByPost.getOrDefault(number, List.of());
                        List<RecordingNetwork.Created> byKey = network.createdByKey("/generic").getOrDefault(d.key(), List.of());
                        if (d.state() != DeliveryState.SENT) problems.add(where + ": not sent");
                        if (shown.size() != 1 || byKey.size() != 1) problems.add(where + ": the network shows " + shown.size() + " by text, "
                                + byKey.size() + " by key");
                        if (d.state() == DeliveryState.SENT) genericSent++;
                    } else {
                        List<RecordingNetwork.Created> shown = slackByPost.getOrDefault(number, List.of());
                        if (shown.size() > 1) problems.add(where + ": the network shows " + shown.size() + " posts (a duplicate); requests: "
                                + network.requests("/slack").stream().filter(r -> String.valueOf(r.request().content()).contains("crash-post-" + number + " "))
                                        .map(r -> r.request().seq() + "@" + r.request().at() + " " + r.plan() + " " + r.result()).toList()
                                + "; kills at " + killTimes);
                        if (d.state() == DeliveryState.SENT) {
                            slackSent++;
                            if (shown.size() != 1) problems.add(where + ": sent, but the network shows " + shown.size() + " posts");
                        } else if (d.state() == DeliveryState.UNCONFIRMED) {
                            unconfirmed++;
                            unconfirmedCreated += shown.size();
                        } else {
                            problems.add(where + ": neither sent nor unconfirmed");
                        }
                    }
                }
            }
        }
        assertThat(problems).as("deliveries the database and the network disagree on").isEmpty();
        Map<String, Long> faults = new LinkedHashMap<>();
        for (RecordingNetwork.Recorded r : network.requests()) faults.merge(r.plan().fault().name(), 1L, Long::sum);
        int replays = (int) network.requests("/generic").stream().filter(r -> r.result() == RecordingNetwork.Result.REPLAYED).count();
        return new Figures(genericSent, slackSent, unconfirmed, unconfirmedCreated, replays, faults);
    }

    private static Map<Integer, List<RecordingNetwork.Created>> byPost(List<RecordingNetwork.Created> created) {
        Map<Integer, List<RecordingNetwork.Created>> by = new LinkedHashMap<>();
        for (RecordingNetwork.Created c : created) {
            Matcher m = TOKEN.matcher(String.valueOf(c.content()));
            by.computeIfAbsent(m.find() ? Integer.parseInt(m.group(1)) : -1, k -> new ArrayList<>()).add(c);
        }
        return by;
    }
}
