package io.socialdesk.bench;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.approval.Action;
import io.socialdesk.core.approval.ReviewService;
import io.socialdesk.core.channel.Connected;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.post.NewPost;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.publish.DeliveryRecord;
import io.socialdesk.core.publish.DeliveryState;
import io.socialdesk.core.publish.PublishingSettings;
import io.socialdesk.core.user.User;
import io.socialdesk.server.SocialDeskApp;
import io.socialdesk.server.auth.ServerUsers;
import io.socialdesk.server.db.DatabaseConfig;
import io.socialdesk.server.demo.DemoWorkspace;
import io.socialdesk.testing.RecordingNetwork;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import io.socialdesk.channel.webhook.WebhookSignature;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Publishing throughput and lateness: the real engine ({@link SocialDeskApp} in this JVM, embedded HSQLDB
 * in a temporary folder) sends {@code posts x accounts} deliveries to generic webhooks on a local
 * {@link RecordingNetwork} that answers at once. Three measurements:
 *
 * <ol>
 *   <li><b>baseline</b>: the same requests (body, headers and signature as the generic webhook sends them) by a plain OkHttp loop,
 *   {@code workers} at a time;</li>
 *   <li><b>drain</b>: every post due at the same moment; ticks back to back until every delivery is Sent: deliveries/s;</li>
 *   <li><b>lateness</b>: due times spread uniformly over one minute, the tick at the server's default interval: sent - due, p50/p99/max.</li>
 * </ol>
 *
 * The drains and the warm baselines each start once the JIT is quiet, and the warm baseline runs as often as the
 * engine drains, the fastest counting: on 2 cores the one C2 thread takes minutes to compile the hot code of both.
 * Heap after GC and the heap's peak are reported; {@code --profile} samples the publisher threads' stacks during the drain
 * (which Social Desk method, and whether the thread was in the database or in HTTP).
 *
 * <pre>{@code java -cp bench/target/benchmarks.jar io.socialdesk.bench.PublishingThroughput --posts 2500 --accounts 4 --workers 8 --per-account 2 --profile}</pre>
 */
public final class PublishingThroughput {
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    static final String SECRET = "bench-signing-secret-0123456789abcdef";

    /** The system clock moved by an offset that the benchmark sets: seeding happens "before", sending "at" the due times. */
    static final class ShiftedClock extends Clock {
        final AtomicLong offsetMillis = new AtomicLong();

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return Instant.now().plusMillis(offsetMillis.get()); }

        /** Moves the clock so that now is {@code at}. */
        void set(Instant at) {
            offsetMillis.set(Duration.between(Instant.now(), at).toMillis());
        }
    }

    int posts = 2500;
    int accounts = 4;
    int workers = 8;
    int perAccount = 2;
    boolean profile;
    boolean lateness = true;
    boolean drain = true;
    /**
     * Posts of each warm-up drain, so that the engine is measured warm, as the warm baselines are; by default as many
     * as the measured drain: with a fifth of it (500 of 2,500 posts) the engine's own paths were still being compiled
     * during the drain (CPU a delivery 0.604 ms against 0.472 ms with an equal warm-up, measured back to back).
     */
    Integer warmupPosts;
    /**
     * How many warm-up drains, of {@link #warmupPosts} posts each, run before the measured one (all seeded before the
     * first): the engine's CPU a delivery still falls after the seventh (docs/benchmarks.md, sixth pass).
     */
    int warmupDrains = 8;
    /**
     * Whether each drain and each warm baseline waits until the JIT is quiet ({@link #awaitQuietJit}): on 2 cores
     * the one C2 thread is still working through a queue of compiles after several drains, and compiling then takes a
     * core's share from the measured work, which a server that has run for minutes no longer pays.
     */
    boolean settleJit = true;
    /** How long the recording network takes to answer each request (0: at once, the "fast responses"). */
    int networkDelayMillis;
    /** When set, HSQLDB's write delay (ms) instead of the server's "on disk at commit": what durability costs. */
    Integer writeDelayMillis;
    Path out;
    /** async-profiler's library, to profile the measured drain and the warm baseline ({@link #asyncProfiler}). */
    String asyncProfilerLibrary;
    /** Where the profiles go: this path for the drain, with ".baseline" added for the warm baseline (collapsed stacks). */
    Path profileOut = Path.of("publishing-throughput.collapsed");

    public static void main(String[] args) throws Exception {
        PublishingThroughput b = new PublishingThroughput();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--posts" -> b.posts = Integer.parseInt(args[++i]);
                case "--accounts" -> b.accounts = Integer.parseInt(args[++i]);
                case "--workers" -> b.workers = Integer.parseInt(args[++i]);
                case "--per-account" -> b.perAccount = Integer.parseInt(args[++i]);
                case "--profile" -> b.profile = true;
                case "--no-lateness" -> b.lateness = false;
                case "--no-drain" -> b.drain = false;
                case "--warmup-posts" -> b.warmupPosts = Integer.parseInt(args[++i]);
                case "--warmup-drains" -> b.warmupDrains = Integer.parseInt(args[++i]);
                case "--hsqldb-write-delay-ms" -> b.writeDelayMillis = Integer.parseInt(args[++i]);
                case "--no-jit-settle" -> b.settleJit = false;
                case "--network-delay-ms" -> b.networkDelayMillis = Integer.parseInt(args[++i]);
                case "--out" -> b.out = Path.of(args[++i]);
                case "--async-profiler" -> b.asyncProfilerLibrary = args[++i];
                case "--profile-out" -> b.profileOut = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--posts N --accounts N --workers N --per-account N --profile --no-lateness --no-drain --warmup-posts N --hsqldb-write-delay-ms N --out FILE --warmup-drains N --async-profiler LIB --profile-out FILE --no-jit-settle --network-delay-ms N)");
            }
        }
        b.run();
    }

    final List<String> report = new ArrayList<>();

    void say(String line) {
        System.out.println(line);
        report.add(line);
    }

    void run() throws Exception {
        int deliveries = posts * accounts;
        say("PublishingThroughput: " + posts + " posts x " + accounts + " accounts = " + deliveries + " deliveries; workers " + workers
                + ", per account " + perAccount + "; " + Runtime.getRuntime().availableProcessors() + " cores, JDK " + System.getProperty("java.version")
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        if (networkDelayMillis > 0) say("  the network answers each request after " + networkDelayMillis + " ms");
        try (RecordingNetwork network = RecordingNetwork.start(networkDelayMillis == 0 ? RecordingNetwork.Behaviour.fast()
                : RecordingNetwork.Behaviour.answeringAfter(Duration.ofMillis(networkDelayMillis)))) {
            for (int a = 0; a < accounts; a++) network.endpoint("/hook-" + a, RecordingNetwork.Idempotency.BY_KEY);
            baseline(network, deliveries, "first");
            if (drain) {
                drain(network);
                // The first baseline ran in a cold JVM; the warm ones run as many times as the engine drained, each after the
                // JIT is quiet as the drains did, and the fastest counts.
                double rate = baselineRate, cpu = baselineCpu;
                for (int r = 1; r <= warmupDrains + 1; r++) {
                    baseline(network, deliveries, "warm " + r);
                    rate = Math.max(rate, baselineRate);
                    cpu = Math.min(cpu, baselineCpu);
                }
                say(String.format("  drain against the fastest baseline (%.0f requests/s; CPU %.3f ms a request): engine/baseline = %.2f; CPU %.2f x",
                        rate, cpu, drainRate / rate, drainCpu / cpu));
            }
            if (lateness) lateness(network);
        }
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, String.join("\n", report) + "\n");
        }
        System.exit(0);
    }

    // ------------------------------------------------------------------------------------------ baseline

    void baseline(RecordingNetwork network, int n, String which) throws Exception {
        OkHttpClient http = client(workers);
        long round = (long) ++baselineRuns << 40; // fresh keys each run: every request creates a post
        // The seeded posts' text; keys as long as the deliveries' ("sd-" post, account, part, 16 hex digits of the content hash).
        String text = "Bench post number 1234 of the publishing benchmark #bench";
        ConcurrentLinkedQueue<Integer> todo = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < n; i++) todo.add(i);
        // Warm up the client and the network (the engine's run warms up too, on its first deliveries).
        for (int i = 0; i < 200; i++) post(http, network.url("/hook-0").toString(), String.format("sd-%d-1-0-warm%012x", i, i), text);
        boolean warm = !which.equals("first");
        if (warm) {
            awaitQuietJit();
            asyncProfiler("start,event=ctimer,interval=100us,threads");
        }
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        long jitStart = jitMillis();
        CountDownLatch done = new CountDownLatch(workers);
        for (int w = 0; w < workers; w++) {
            new Thread(() -> {
                Integer i;
                while ((i = todo.poll()) != null) {
                    try {
                        post(http, network.url("/hook-" + (i % accounts)).toString(), String.format("sd-%d-%d-0-%016x", i / accounts, i % accounts, i + round), text);
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                }
                done.countDown();
            }, "baseline-" + w).start();
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        baselineCpu = (processCpuNanos() - cpuStart) / 1e6 / n;
        if (warm) asyncProfiler("stop,collapsed,file=" + profileOut + ".baseline");
        say(String.format("baseline, %s (plain OkHttp, %d threads): %d requests in %.2f s = %.0f requests/s; CPU %.3f ms a request; JIT compiling %d ms",
                which, workers, n, seconds, n / seconds, baselineCpu, jitMillis() - jitStart));
        baselineRate = n / seconds;
    }

    double baselineRate;
    int baselineRuns;
    /** The drain's deliveries a second and CPU a delivery. */
    double drainRate, drainCpu;
    /** CPU time of the whole process (both ends of each request: the recording network runs in this JVM) per request: the load average barely moves it. */
    double baselineCpu;

    /** The JIT's compile time so far (its threads' elapsed time, summed): compiling competes with the measured work for the cores. */
    static long jitMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    /**
     * Waits (at most two minutes) until the JIT has compiled nothing for two seconds, and says how long that took: the
     * measurement then sees the code as a server that has been running for a while runs it, with no compile queue.
     */
    void awaitQuietJit() throws InterruptedException {
        if (!settleJit) return;
        long start = System.nanoTime();
        long startJit = jitMillis();
        long last = startJit;
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < 2_000_000_000L && System.nanoTime() - start < 120_000_000_000L) {
            Thread.sleep(100);
            long now = jitMillis();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            }
        }
        say(String.format("  waited %.1f s for the JIT to be quiet (2 s without a compile); it compiled %d ms meanwhile",
                (System.nanoTime() - start) / 1e9, jitMillis() - startJit));
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static OkHttpClient client(int concurrency) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(concurrency);
        dispatcher.setMaxRequestsPerHost(concurrency);
        return new OkHttpClient.Builder().dispatcher(dispatcher).connectionPool(new ConnectionPool(concurrency, 5, TimeUnit.MINUTES))
                .retryOnConnectionFailure(false).followRedirects(false).build();
    }

    /**
     * One request as the engine's generic webhook sends it: the same body (its fields in its order), the same four
     * headers, signed the same way ({@link WebhookSignature}, the timestamp of the moment it is sent), so that both
     * ends of the connection do the same work for the baseline as for a delivery.
     */
    static void post(OkHttpClient http, String url, String key, String text) throws IOException {
        int hook = url.lastIndexOf('-');
        String body = "{\"id\":\"" + key + "\",\"key\":\"" + key + "\",\"text\":\"" + text + "\",\"language\":\"en\",\"media\":[],"
                + "\"account\":{\"id\":" + url.substring(hook + 1) + ",\"handle\":\"hook" + url.substring(hook) + "\"},\"inReplyTo\":null,"
                + "\"publishedAt\":\"" + Instant.now() + "\"}";
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond();
        Request request = new Request.Builder().url(url)
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(SECRET, timestamp, bytes))
                .header(RecordingNetwork.IDEMPOTENCY_HEADER, key)
                .header("User-Agent", "SocialDesk-Webhook/1")
                .post(RequestBody.create(bytes, JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() != 200) throw new IOException("answered " + response.code());
            response.body().string();
        }
    }

    // ------------------------------------------------------------------------------------------ the engine

    /** A fresh data folder with the demo's people and {@code accounts} webhooks; posts are added by the caller. */
    record Setup(Path data, SocialDeskApp app, ShiftedClock clock, List<Long> accountIds) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            app.close();
            try (var files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    Setup setup(RecordingNetwork network) throws IOException {
        Path data = Files.createTempDirectory("socialdesk-publishing-bench");
        ShiftedClock clock = new ShiftedClock();
        SocialDeskApp app = SocialDeskApp.open(new SocialDeskApp.Settings("127.0.0.1", 0, DatabaseConfig.embedded(data), "bench",
                Duration.ofSeconds(15), clock, data).withAccounts(true, 7).withPlainHttp(true)
                .withPublishing(SocialDeskApp.Settings.DEFAULT_PUBLISH_EVERY, PublishingSettings.DEFAULTS.withWorkers(workers, perAccount)));
        for (DemoWorkspace.DemoUser demo : DemoWorkspace.USERS) {
            app.users().add(new ServerUsers.NewUser(demo.username(), demo.displayName(), Set.of(demo.role()), demo.zone(), demo.language(),
                    DemoWorkspace.PASSWORD));
        }
        if (writeDelayMillis != null) {
            try (var c = app.database().dataSource().getConnection(); var st = c.createStatement()) {
                st.execute("SET FILES WRITE DELAY " + writeDelayMillis + " MILLIS");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            say("  HSQLDB write delay set to " + writeDelayMillis + " ms (the server uses none: commits on disk when they return)");
        }
        List<Long> ids = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            URI url = network.url("/hook-" + a);
            Credentials credentials = new Credentials(SECRET, null, null, Set.of(), Map.of("url", url.toString(), "format", "generic"));
            ids.add(app.accounts().connect(null, Network.WEBHOOK, url, new Connected(url.toString(), "hook-" + a, "hook " + a, credentials),
                    user(app, "alice").key(), clock.instant()).id());
        }
        return new Setup(data, app, clock, ids);
    }

    /** Posts written, approved and scheduled through the real workflow (the publish gate checks those approvals); planned at {@code times}. */
    void seed(Setup s, List<Instant> times) {
        ReviewService reviews = s.app().engine().reviews();
        User alice = user(s.app(), "alice");
        List<User> reviewers = List.of(user(s.app(), "marc"), user(s.app(), "laura"), user(s.app(), "hugo"));
        long start = System.nanoTime();
        for (int i = 0; i < times.size(); i++) {
            LocalDateTime local = LocalDateTime.ofInstant(times.get(i), ZoneOffset.UTC).withNano(0);
            Post post = s.app().posts().create(new NewPost("Bench post " + i, "Bench post number " + i + " of the publishing benchmark #bench",
                    local.toString(), "UTC", null, null, null, null, null, null, "en", s.accountIds()), alice);
            post = reviews.act(post.id(), ReviewService.ActionRequest.of(Action.SUBMIT, post.version()), alice);
            for (User reviewer : reviewers) {
                if (!reviews.review(post.id(), reviewer).mayDecideFor().isEmpty()) {
                    post = reviews.act(post.id(), ReviewService.ActionRequest.of(Action.APPROVE, post.version()), reviewer);
                }
            }
            reviews.act(post.id(), ReviewService.ActionRequest.of(Action.SCHEDULE, post.version()), alice);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        say(String.format("  seeded %d posts through the services (create, submit, approvals, schedule) in %.1f s (%.1f ms a post)",
                times.size(), seconds, seconds * 1000 / times.size()));
    }

    static User user(SocialDeskApp app, String name) {
        return app.users().find(name).orElseThrow().user();
    }

    void drain(RecordingNetwork network) throws Exception {
        say("drain: every post due at once");
        try (Setup s = setup(network)) {
            Instant due = Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            int warmupPosts = this.warmupPosts != null ? this.warmupPosts : posts;
            // Every drain's posts are seeded first; the drains then run back to back, the warm-up ones an hour apart before
            // the measured one, so that each drain follows the same work and their figures compare.
            List<Instant> warmDues = new ArrayList<>();
            for (int w = 1; warmupPosts > 0 && w <= warmupDrains; w++) warmDues.add(due.minus(Duration.ofHours(warmupDrains + 1 - w)));
            for (Instant warmDue : warmDues) seed(s, java.util.Collections.nCopies(warmupPosts, warmDue));
            seed(s, java.util.Collections.nCopies(posts, due));
            for (int w = 0; w < warmDues.size(); w++) {
                awaitQuietJit();
                s.clock().set(warmDues.get(w).plusMillis(500));
                long warmStart = System.nanoTime();
                long warmCpu = processCpuNanos();
                long warmJit = jitMillis();
                while (pending(s, dueNow(s)) > 0) s.app().publishing().publisher().tick();
                say(String.format("  warm-up %d: %d deliveries drained in %.2f s, CPU %.3f ms a delivery, JIT compiling %d ms (not counted)", w + 1,
                        warmupPosts * accounts, (System.nanoTime() - warmStart) / 1e9, (processCpuNanos() - warmCpu) / 1e6 / (warmupPosts * accounts),
                        jitMillis() - warmJit));
            }
            int before = network.created().size();
            int requestsBefore = network.requests().size();
            int sentBefore = s.app().publishing().deliveries().countByState().getOrDefault(DeliveryState.SENT, 0);
            awaitQuietJit();
            gcAndResetPeaks();
            s.clock().set(due.plusMillis(500));
            Sampler sampler = profile ? Sampler.start("socialdesk-publisher-", "bench-tick", "socialdesk-store-writer") : null;
            asyncProfiler("start,event=ctimer,interval=100us,threads");
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            long jitStart = jitMillis();
            AtomicLong firstRequestNanos = new AtomicLong();
            Thread.currentThread().setName("bench-tick");
            int ticks = 0;
            while (pending(s, dueNow(s)) > 0) {
                s.app().publishing().publisher().tick();
                ticks++;
                if (firstRequestNanos.get() == 0 && network.created().size() > before) firstRequestNanos.set(System.nanoTime());
                if (ticks > 10_000) throw new IllegalStateException("not drained: " + s.app().publishing().deliveries().countByState());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (processCpuNanos() - cpuStart) / 1e6;
            if (sampler != null) sampler.stop();
            asyncProfiler("stop,collapsed,file=" + profileOut);
            Map<DeliveryState, Integer> states = s.app().publishing().deliveries().countByState();
            int sent = states.getOrDefault(DeliveryState.SENT, 0) - sentBefore;
            say(String.format("  %d deliveries in %.2f s = %.0f deliveries/s (%d tick calls); states (warm-up's included) %s; engine/baseline = %.2f", sent, seconds,
                    sent / seconds, ticks, states, (sent / seconds) / baselineRate));
            drainRate = sent / seconds;
            drainCpu = cpu / sent;
            say(String.format("  CPU %.3f ms a delivery (the process, both ends) = %.2f x the baseline's per request; JIT compiling %d ms during the drain",
                    cpu / sent, cpu / sent / baselineCpu, jitMillis() - jitStart));
            say(String.format("  network: %d posts created for %d requests", network.created().size() - before, network.requests().size() - requestsBefore));
            memory();
            if (sampler != null) sampler.report(this::say);
        }
    }

    /**
     * async-profiler's command, when {@code --async-profiler LIB} names its library (Maven Central's
     * {@code tools.profiler:async-profiler} jar on the class path, its {@code linux-x64/libasyncProfiler.so} unpacked):
     * unlike JFR it samples the JIT's and the GC's threads too. Called through reflection so that the benchmark needs
     * the jar only when profiling.
     */
    void asyncProfiler(String command) {
        String lib = asyncProfilerLibrary;
        if (lib == null) return;
        try {
            Class<?> c = Class.forName("one.profiler.AsyncProfiler");
            Object p = c.getMethod("getInstance", String.class).invoke(null, lib);
            c.getMethod("execute", String.class).invoke(p, command);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    void lateness(RecordingNetwork network) throws Exception {
        say("lateness: due times spread uniformly over one minute, a tick every " + SocialDeskApp.Settings.DEFAULT_PUBLISH_EVERY.toMillis() + " ms as the server runs it");
        try (Setup s = setup(network)) {
            Instant first = Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            List<Instant> times = new ArrayList<>();
            for (int i = 0; i < posts; i++) times.add(first.plusMillis(60_000L * i / posts));
            seed(s, times);
            gcAndResetPeaks();
            s.clock().set(first.minusSeconds(2));
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
            AtomicBoolean failed = new AtomicBoolean();
            // As the server's scheduler runs it: fixed delay, on its own thread.
            scheduler.scheduleWithFixedDelay(() -> {
                try {
                    s.app().publishing().publisher().tick();
                } catch (RuntimeException e) {
                    failed.set(true);
                    e.printStackTrace();
                }
            }, 0, SocialDeskApp.Settings.DEFAULT_PUBLISH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            while (pending(s, java.util.Optional.empty()) > 0 && !failed.get()) {
                Thread.sleep(500);
                if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(10)) throw new IllegalStateException("not drained after 10 minutes");
            }
            scheduler.shutdownNow();
            scheduler.awaitTermination(30, TimeUnit.SECONDS);
            List<Long> late = new ArrayList<>();
            for (DeliveryRecord d : s.app().publishing().deliveries().inStates(EnumSet.of(DeliveryState.SENT), posts * accounts + 10)) {
                late.add(d.lateness().toMillis());
            }
            late.sort(null);
            Map<DeliveryState, Integer> states = s.app().publishing().deliveries().countByState();
            say(String.format("  %d sent (states %s): lateness p50 %d ms, p90 %d ms, p99 %d ms, max %d ms", late.size(), states,
                    pct(late, 50), pct(late, 90), pct(late, 99), late.isEmpty() ? -1 : late.get(late.size() - 1)));
            memory();
        }
    }

    static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return -1;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** Posts due by a minute from the benchmark's clock: the drain's, not the later drains' seeded already. */
    static java.util.Optional<Instant> dueNow(Setup s) {
        return java.util.Optional.of(s.clock().instant().plus(Duration.ofMinutes(1)));
    }

    static int pending(Setup s, java.util.Optional<Instant> dueBy) {
        Map<DeliveryState, Integer> states = s.app().publishing().deliveries().countByState();
        int pending = 0;
        for (Map.Entry<DeliveryState, Integer> e : states.entrySet()) if (e.getKey().isPending()) pending += e.getValue();
        // Posts not started yet have no deliveries: count them through the posts still Scheduled and due by now.
        return pending + scheduledPosts(s, dueBy);
    }

    static int scheduledPosts(Setup s, java.util.Optional<Instant> dueBy) {
        return s.app().postStore().list(new io.socialdesk.core.post.PostQuery(java.util.Optional.empty(), dueBy,
                java.util.Optional.of(io.socialdesk.core.post.PostState.SCHEDULED), java.util.Optional.empty(), java.util.Optional.empty(), 1)).size();
    }

    static void gcAndResetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
    }

    void memory() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        say(String.format("  heap: peak %d MiB during the run (sum of the pools' peaks), %d MiB used after GC", peak >> 20, used >> 20));
    }

    /** Samples the stacks of threads whose name starts with one of {@code prefixes}, every 5 ms. */
    static final class Sampler {
        final Map<String, Integer> byMethod = new HashMap<>();
        final Map<String, Integer> byLayer = new HashMap<>();
        final Map<String, Integer> byStore = new HashMap<>();
        final Map<String, Integer> byStep = new HashMap<>();
        final AtomicBoolean running = new AtomicBoolean(true);
        final Thread thread;
        int samples;

        private Sampler(List<String> prefixes) {
            thread = new Thread(() -> {
                while (running.get()) {
                    for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                        String name = e.getKey().getName();
                        if (prefixes.stream().noneMatch(name::startsWith) || e.getValue().length == 0) continue;
                        if (e.getKey().getState() == Thread.State.WAITING && isIdle(e.getValue())) continue;
                        record(e.getValue());
                    }
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException ex) {
                        return;
                    }
                }
            }, "sampler");
            thread.setDaemon(true);
        }

        static Sampler start(String... prefixes) {
            Sampler s = new Sampler(List.of(prefixes));
            s.thread.start();
            return s;
        }

        static boolean isIdle(StackTraceElement[] stack) {
            // A pool thread waiting for work, not a thread waiting inside the engine.
            for (StackTraceElement f : stack) if (f.getClassName().startsWith("io.socialdesk.")) return false;
            return true;
        }

        synchronized void record(StackTraceElement[] stack) {
            samples++;
            String layer = "other";
            for (StackTraceElement f : stack) {
                String c = f.getClassName();
                if (c.startsWith("org.hsqldb") || c.startsWith("com.zaxxer") || c.startsWith("net.java.ao")) { layer = "database (AO, HikariCP, HSQLDB)"; break; }
                if (c.startsWith("okhttp3") || c.startsWith("okio") || c.startsWith("java.net") || c.startsWith("sun.nio")) { layer = "HTTP (OkHttp, sockets)"; break; }
                if (c.startsWith("io.socialdesk.")) { layer = "Social Desk code"; break; }
            }
            byLayer.merge(layer, 1, Integer::sum);
            // The innermost store method (which store call) and the innermost engine line (which step of a delivery).
            for (StackTraceElement f : stack) {
                if (f.getClassName().startsWith("io.socialdesk.store.") || f.getClassName().startsWith("io.socialdesk.server.publish.")) {
                    byStore.merge(simple(f.getClassName()) + "." + f.getMethodName(), 1, Integer::sum);
                    break;
                }
            }
            for (StackTraceElement f : stack) {
                if (f.getClassName().startsWith("io.socialdesk.core.")) {
                    byStep.merge(simple(f.getClassName()) + "." + f.getMethodName() + ":" + f.getLineNumber(), 1, Integer::sum);
                    break;
                }
            }
            // The innermost Social Desk store or engine method on the stack: who asked for this work.
            for (StackTraceElement f : stack) {
                if (f.getClassName().startsWith("io.socialdesk.") && !f.getClassName().startsWith("io.socialdesk.bench")) {
                    byMethod.merge(simple(f.getClassName()) + "." + f.getMethodName(), 1, Integer::sum);
                    break;
                }
            }
        }

        static String simple(String className) {
            return className.substring(className.lastIndexOf('.') + 1);
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        synchronized void report(java.util.function.Consumer<String> out) {
            out.accept("  profile: " + samples + " stack samples of the ticking and publisher threads (busy ones only)");
            out.accept("    by layer: " + byLayer.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .map(e -> e.getKey() + " " + (100 * e.getValue() / Math.max(1, samples)) + " %").collect(Collectors.joining(", ")));
            out.accept("    innermost Social Desk method:");
            top(byMethod, 10, out);
            out.accept("    innermost store method (io.socialdesk.store, server.publish):");
            top(byStore, 10, out);
            out.accept("    innermost core line (the engine's step):");
            top(byStep, 15, out);
        }

        void top(Map<String, Integer> counts, int n, java.util.function.Consumer<String> out) {
            counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                    .forEach(e -> out.accept(String.format("      %5.1f %%  %s", 100.0 * e.getValue() / Math.max(1, samples), e.getKey())));
        }
    }
}
