package io.socialdesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.socialdesk.channel.webhook.WebhookSignature;
import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Connected;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.InboxImport;
import io.socialdesk.core.inbox.InboxSettings;
import io.socialdesk.server.SocialDeskApp;
import io.socialdesk.server.auth.ServerUsers;
import io.socialdesk.server.db.DatabaseConfig;
import io.socialdesk.server.demo.DemoWorkspace;
import io.socialdesk.server.tracker.TrackerCommentEntity;
import io.socialdesk.server.tracker.TrackerItemEntity;
import io.socialdesk.store.inbox.AoImportCursors;
import io.socialdesk.store.inbox.InboxItemEntity;
import io.socialdesk.web.rest.RestApi;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The social inbox's import at volume (issue 6): synthetic mentions through the real server ({@link SocialDeskApp} in this
 * JVM, the embedded HSQLDB it ships, in a temporary folder), dedup, triage ({@code TextTriager}), routing (the shipped
 * rules) and tickets ({@code BuiltInTracker}), from two sources:
 *
 * <ol>
 *   <li><b>poll</b>: a local imitation of Mastodon's {@code GET /api/v1/notifications} (and {@code statuses/:id/context}),
 *       read by the real Mastodon connector, page by page (40 a request, 10 requests a fetch), as the import job reads it;</li>
 *   <li><b>webhook</b>: the signed inbound webhook, real HTTP to the server's endpoint, {@code --batch} mentions a request (a JSON
 *       array; 1: one mention, an object, a request), {@code --clients} at a time.</li>
 * </ol>
 *
 * Each source's mentions are English and French texts (complaints, legal threats, job questions, price questions, thanks)
 * by a few thousand authors, some with HTML, links, hashtags and emoji; {@code --replies} of them answer an earlier one (they
 * become comments on its ticket) and {@code --duplicates} come twice. Then the same mentions again: nothing may be created.
 * Printed: items/s of each import, tickets and comments created, heap (peak and after GC), load average; {@code --profile}
 * samples the importing threads.
 *
 * <pre>{@code java -Xmx1g -cp bench/target/benchmarks.jar io.socialdesk.bench.InboxImportBenchmark --items 100000 --profile}</pre>
 */
public final class InboxImportBenchmark {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SECRET = "bench-inbound-secret-0123456789abcdef";
    static final Instant START = Instant.parse("2026-11-22T08:00:00Z");

    int items = 100_000;
    int webhookItems = -1;
    double replies = 0.15;
    double duplicates = 0.02;
    int clients = 4;
    /** Mentions per webhook request: a JSON array of this many (1: one mention, an object, per request). */
    int batch = 100;
    boolean profile;
    boolean defaultFlood;
    String sources = "poll,webhook";
    Path out;
    final List<String> lines = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        InboxImportBenchmark b = new InboxImportBenchmark();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--items" -> b.items = Integer.parseInt(args[++i]);
                case "--webhook-items" -> b.webhookItems = Integer.parseInt(args[++i]);
                case "--replies" -> b.replies = Double.parseDouble(args[++i]);
                case "--duplicates" -> b.duplicates = Double.parseDouble(args[++i]);
                case "--clients" -> b.clients = Integer.parseInt(args[++i]);
                case "--batch" -> b.batch = Integer.parseInt(args[++i]);
                case "--profile" -> b.profile = true;
                case "--default-flood" -> b.defaultFlood = true;
                case "--sources" -> b.sources = args[++i];
                case "--out" -> b.out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + " (--items N --webhook-items N --replies F --duplicates F --clients N --batch N --sources poll,webhook --default-flood --profile --out FILE)");
            }
        }
        if (b.webhookItems < 0) b.webhookItems = b.items;
        b.run();
    }

    void say(String line) {
        System.out.println(line);
        lines.add(line);
    }

    void run() throws Exception {
        say("Inbox import benchmark: " + items + " mentions by poll, " + webhookItems + " by webhook (" + clients + " clients, "
                + (batch == 1 ? "one mention a request" : batch + " mentions a request") + "), replies "
                + (int) (replies * 100) + " %, duplicates " + (int) (duplicates * 100) + " %, flood digest "
                + (defaultFlood ? "at the default (50 new conversations per hour and stream)" : "off (each conversation its own ticket)"));
        say("  JVM " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " processors, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, load average at start " + loadAverage());
        // Each source on a server and database of its own: the embedded HSQLDB keeps its tables in the heap, and both sources'
        // 200,000 items with their tickets would not fit in 1 GiB beside the import.
        for (String source : List.of("poll", "webhook")) {
            if (sources.contains(source)) onFreshServer(source);
        }
        say("  load average at the end " + loadAverage());
        if (out != null) Files.write(out, lines, StandardCharsets.UTF_8);
    }

    void onFreshServer(String source) throws Exception {
        Path data = Files.createTempDirectory("socialdesk-inbox-bench");
        InboxSettings inbox = defaultFlood ? InboxSettings.DEFAULTS : InboxSettings.DEFAULTS.withFlood(Integer.MAX_VALUE, Duration.ofHours(1));
        // The job's own schedule is pushed out of the way: the benchmark drives the import itself, as the job would.
        SocialDeskApp app = SocialDeskApp.open(new SocialDeskApp.Settings("127.0.0.1", 0, DatabaseConfig.embedded(data), "bench",
                Duration.ofSeconds(15), Clock.systemUTC(), data).withAccounts(true, 7).withPlainHttp(true).withInbox(Duration.ofDays(1), inbox));
        try (MastodonImitation mastodon = MastodonImitation.start()) {
            app.start();
            Thread.sleep(1000); // the scheduler's first run of the jobs, on an empty workspace
            for (DemoWorkspace.DemoUser demo : DemoWorkspace.USERS) {
                app.users().add(new ServerUsers.NewUser(demo.username(), demo.displayName(), Set.of(demo.role()), demo.zone(), demo.language(),
                        DemoWorkspace.PASSWORD));
            }
            String owner = app.users().find("alice").orElseThrow().user().key();
            if (source.equals("poll")) poll(app, mastodon, owner);
            else webhook(app, owner);
        } finally {
            app.close();
            try (var files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.gc();
    }

    // ------------------------------------------------------------------------------------------------------------- poll

    void poll(SocialDeskApp app, MastodonImitation mastodon, String owner) throws Exception {
        Account account = app.accounts().connect(null, Network.MASTODON, mastodon.url(), new Connected("109000", "desk", "Desk",
                Credentials.bearer("bench-token")), owner, Instant.now());
        InboxImport imports = app.inbox().imports();
        // The first fetch only marks where "now" is, as for any newly connected account.
        InboxImport.Imported mark = imports.importFrom(account, Stream.MENTIONS);
        for (int attempt = 0; mark.failure() != null && attempt < 5; attempt++) {
            say("  (first fetch: " + mark.failure() + ")");
            Thread.sleep(2000);
            mark = imports.importFrom(account, Stream.MENTIONS);
        }
        if (mark.failure() != null) throw new IllegalStateException("Mastodon imitation refused: " + mark.failure());
        Generated g = Generated.of(items, replies, duplicates, 11);
        mastodon.fill(g);
        say("poll: " + g.summary());
        Counts before = counts(app);
        Run first = drive(() -> pages(imports, account), "main");
        Counts after = counts(app);
        report("  first import ", first, after.minus(before), g.notifications.size());
        check(after.minus(before), g.newConversations, g.distinct - g.newConversations);

        new AoImportCursors(app.database().ao()).save(account.id(), Stream.MENTIONS, "0", Instant.now());
        Run second = drive(() -> pages(imports, account), "main");
        Counts again = counts(app);
        report("  second import of the same", second, again.minus(after), g.notifications.size());
        check(again.minus(after), 0, 0);
    }

    /** Pages until the network has no more; answers items received. */
    static int pages(InboxImport imports, Account account) {
        int received = 0;
        while (true) {
            // As the job does (InboxImport.runOnce), with no limit on the pages: each next page fetched while one is stored.
            InboxImport.Imported pages = imports.importPages(account, Stream.MENTIONS, Integer.MAX_VALUE);
            if (pages.failure() != null) throw new IllegalStateException("Import failed: " + pages.failure());
            received += pages.received();
            if (!pages.more()) return received;
        }
    }

    // ---------------------------------------------------------------------------------------------------------- webhook

    void webhook(SocialDeskApp app, String owner) throws Exception {
        long hook = app.accounts().connect(null, Network.WEBHOOK, URI.create("https://forum.example/hooks/social"),
                new Connected("forum", "Shop forum", "Shop forum", Credentials.bearer(SECRET)), owner, Instant.now()).id();
        Generated g = Generated.of(webhookItems, replies, duplicates, 23);
        say("webhook: " + g.summary());
        List<byte[]> bodies = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        List<String> pending = new ArrayList<>();
        for (Generated.Mention m : g.notifications) {
            String body = new String(webhookBody(m, !seen.add(m.statusId())), StandardCharsets.UTF_8);
            if (batch == 1) {
                bodies.add(body.getBytes(StandardCharsets.UTF_8));
                continue;
            }
            pending.add(body);
            if (pending.size() == batch) {
                bodies.add(("[" + String.join(",", pending) + "]").getBytes(StandardCharsets.UTF_8));
                pending.clear();
            }
        }
        if (!pending.isEmpty()) bodies.add(("[" + String.join(",", pending) + "]").getBytes(StandardCharsets.UTF_8));
        // As curl and urllib3 do, the automation's sockets send at once (TCP_NODELAY): a request of 100 mentions is several
        // segments, and with Nagle its last one waits for the server's delayed acknowledgement, ~40 ms a request.
        OkHttpClient client = new OkHttpClient.Builder().connectionPool(new ConnectionPool(clients * 2, 1, TimeUnit.MINUTES))
                .socketFactory(new NoDelaySockets()).readTimeout(Duration.ofMinutes(2)).build();
        String url = "http://127.0.0.1:" + app.port() + RestApi.BASE_PATH + "/inbound/" + hook;
        Counts before = counts(app);
        Run first = drive(() -> post(client, url, bodies), "qtp");
        Counts after = counts(app);
        report("  first import ", first, after.minus(before), g.notifications.size());
        check(after.minus(before), g.newConversations, g.distinct - g.newConversations);
        Run second = drive(() -> post(client, url, bodies), "qtp");
        Counts again = counts(app);
        report("  second import of the same", second, again.minus(after), g.notifications.size());
        check(again.minus(after), 0, 0);
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    int post(OkHttpClient client, String url, List<byte[]> bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients, r -> new Thread(r, "bench-client"));
        AtomicInteger next = new AtomicInteger();
        List<Future<Integer>> done = new ArrayList<>();
        // In order within each client; the few replies sent before their parent open a ticket naming the parent, as they would.
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                int sent = 0;
                for (int i; (i = next.getAndIncrement()) < bodies.size(); ) {
                    byte[] body = bodies.get(i);
                    long now = Instant.now().getEpochSecond();
                    Request request = new Request.Builder().url(url).post(RequestBody.create(body, MediaType.get("application/json")))
                            .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now))
                            .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(SECRET, now, body)).build();
                    try (Response response = client.newCall(request).execute()) {
                        if (response.code() != 202) throw new IllegalStateException("The inbound webhook answered " + response.code() + ": "
                                + response.body().string());
                    }
                    sent++;
                }
                return sent;
            }));
        }
        int sent = 0;
        for (Future<Integer> f : done) sent += f.get();
        pool.shutdown();
        return sent;
    }

    /** A mention as the automation sends it; a second sending of one differs in its link, so that it is not a replay of the same request. */
    static byte[] webhookBody(Generated.Mention m, boolean again) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", "forum-" + m.statusId()).put("text", m.text()).put("createdAt", m.at().toString()).put("network", "forum");
        json.put("url", "https://forum.example/t/" + m.statusId() + (again ? "?sent=" + m.notificationId() : ""));
        if (m.parentId() != null) json.put("inReplyTo", "forum-" + m.parentId());
        ObjectNode author = json.putObject("author");
        author.put("id", "u" + m.author()).put("handle", Generated.handle(m.author())).put("name", Generated.name(m.author()))
                .put("followers", Generated.followers(m.author())).put("url", "https://forum.example/u/" + Generated.handle(m.author()));
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------------------------- measuring

    interface Work {
        int run() throws Exception;
    }

    record Run(int received, double seconds, long peakHeap, long heapAfterGc, String profile, double cpuSeconds) {}

    Run drive(Work work, String... threadPrefixes) throws Exception {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
        PublishingThroughput.Sampler sampler = profile ? PublishingThroughput.Sampler.start(threadPrefixes) : null;
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        int received = work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        StringBuilder profiled = new StringBuilder();
        if (sampler != null) {
            sampler.stop();
            sampler.report(line -> profiled.append(line).append('\n'));
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new Run(received, seconds, peak, used, profiled.toString(), cpuSeconds);
    }

    void report(String what, Run run, Counts created, int sent) {
        say(String.format("%s: %d items in %.1f s = %.0f items/s; CPU %.1f s (the whole process: server, clients, imitation) = %.0f µs an item;"
                        + " created %d items, %d tickets, %d comments; heap peak %d MiB, %d MiB after GC; load average %s", what, sent, run.seconds(),
                sent / run.seconds(), run.cpuSeconds(), run.cpuSeconds() * 1e6 / sent, created.items(), created.tickets(), created.comments(),
                run.peakHeap() >> 20, run.heapAfterGc() >> 20, loadAverage()));
        if (!run.profile().isEmpty()) for (String line : run.profile().split("\n")) say("  " + line);
    }

    void check(Counts created, int tickets, int comments) {
        if (created.tickets() != tickets || created.comments() != comments) {
            say("  !! expected " + tickets + " tickets and " + comments + " comments");
        } else {
            say("  checked: one ticket per conversation, each reply once as a comment, nothing twice");
        }
    }

    record Counts(long items, long tickets, long comments) {
        Counts minus(Counts o) {
            return new Counts(items - o.items, tickets - o.tickets, comments - o.comments);
        }
    }

    static Counts counts(SocialDeskApp app) throws Exception {
        return new Counts(count(app, app.database().tableName(InboxItemEntity.class), ""),
                count(app, app.database().tableName(TrackerItemEntity.class), " WHERE \"KIND\" = 'MENTION'"),
                count(app, app.database().tableName(TrackerCommentEntity.class), " WHERE \"AUTHOR\" = 'socialdesk'"));
    }

    static long count(SocialDeskApp app, String table, String where) throws Exception {
        try (Connection c = app.database().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"" + where)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** CPU time of this process so far (every thread: the server's, the clients', the imitation's, the GC's). */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    // ------------------------------------------------------------------------------------------------------ the traffic

    /** The synthetic traffic: notifications in order, some replies to earlier ones, some statuses notified twice. */
    record Generated(List<Mention> notifications, int distinct, int newConversations) {
        record Mention(long notificationId, long statusId, Long parentId, int author, String text, String html, Instant at) {}

        static final String[] EN = {
                "my order #%d never arrived and nobody answers, I want a refund",
                "the app is broken again since the update, it crashes on login",
                "Thanks for the quick help yesterday, great service!",
                "how much is the premium plan? can I get a quote for %d seats",
                "are you hiring? I'd love to apply for the job in your careers page",
                "I will call my lawyer if you don't delete my personal data (GDPR)",
                "love the new design 😍 #happy",
                "still waiting for my package, order %d, this is unacceptable!!",
                "is there a student price? asking for %d friends",
                "Where is my order? It's been %d days",
                "Your support team is amazing, problem solved in 5 minutes",
                "not working: the checkout page shows an error <b>500</b>",
                "Harassment from one of your staff in the store, this must stop",
                "cool product, see https://example.com/review/%d for my review",
        };
        static final String[] FR = {
                "ma commande %d n'est jamais arrivée, je veux un remboursement",
                "l'appli ne marche pas depuis la mise à jour, c'est nul",
                "Merci pour votre aide, service au top !",
                "quel est le tarif pour %d utilisateurs ? je voudrais un devis",
                "vous recrutez ? j'aimerais envoyer ma candidature",
                "je vais porter plainte, mon avocat vous contactera (RGPD)",
                "j'adore le nouveau produit 😍",
                "toujours pas reçu mon colis, commande %d, c'est inadmissible !!",
                "problème de facturation, j'ai été débité deux fois de %d €",
                "super équipe, merci beaucoup",
                "ça marche plus du tout, panne depuis ce matin",
                "harcèlement au travail dans votre magasin, c'est grave",
        };

        static Generated of(int count, double replyShare, double duplicateShare, long seed) {
            Random random = new Random(seed);
            List<Mention> out = new ArrayList<>(count);
            List<Mention> distinct = new ArrayList<>();
            int roots = 0;
            long notification = 200_000;
            long status = 110_000_000;
            Instant at = START;
            while (out.size() < count) {
                notification++;
                at = at.plusMillis(random.nextInt(200));
                if (!distinct.isEmpty() && random.nextDouble() < duplicateShare) {
                    Mention again = distinct.get(random.nextInt(Math.max(1, Math.min(distinct.size(), 500))) + Math.max(0, distinct.size() - 500));
                    out.add(new Mention(notification, again.statusId(), again.parentId(), again.author(), again.text(), again.html(), again.at()));
                    continue;
                }
                status++;
                Long parent = null;
                // A reply answers one of the last 3,000 mentions, at least 1,000 before it (its parent is stored when it comes, even with
                // several webhook clients sending batches at once).
                if (distinct.size() > 1000 && random.nextDouble() < replyShare) {
                    parent = distinct.get(distinct.size() - 1000 - random.nextInt(Math.min(distinct.size() - 1000, 2000))).statusId();
                } else {
                    roots++;
                }
                int author = random.nextInt(5000);
                String[] texts = random.nextInt(100) < 55 ? EN : FR;
                String text = String.format(java.util.Locale.ROOT, texts[random.nextInt(texts.length)], 1000 + random.nextInt(90_000));
                if (random.nextInt(10) == 0) text = text + " #" + (texts == EN ? "help" : "aide") + " @someone";
                String html = "<p><span class=\"h-card\"><a href=\"https://example.social/@desk\" class=\"u-url mention\">@<span>desk</span></a></span> "
                        + escape(text) + "</p>";
                Mention m = new Mention(notification, status, parent, author, "@desk " + text, html, at);
                out.add(m);
                distinct.add(m);
            }
            return new Generated(out, distinct.size(), roots);
        }

        String summary() {
            return notifications.size() + " mentions, " + distinct + " distinct (" + (notifications.size() - distinct) + " sent twice), "
                    + newConversations + " new conversations, " + (distinct - newConversations) + " replies to earlier mentions";
        }

        static String handle(int author) {
            return "user" + author + (author % 3 == 0 ? "@other.social" : "");
        }

        static String name(int author) {
            return switch (author % 5) {
                case 0 -> "Zoé Lefèvre " + author;
                case 1 -> "Sam <script>alert(" + author + ")</script>";
                case 2 -> "🌟 Pat " + author;
                default -> "Alex Smith " + author;
            };
        }

        static long followers(int author) {
            return (author * 7919L) % 50_000;
        }

        static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
        }
    }

    /** Mastodon's notifications and context endpoints, as much of them as the connector reads, on 127.0.0.1. */
    static final class MastodonImitation implements AutoCloseable {
        private final HttpServer server;
        private volatile TreeMap<Long, String> notifications = new TreeMap<>();

        private MastodonImitation(HttpServer server) {
            this.server = server;
        }

        static MastodonImitation start() throws IOException {
            // Without it the JDK's server writes headers and body in two segments and each answer waits ~40 ms for a delayed ACK.
            System.setProperty("sun.net.httpserver.nodelay", "true");
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            MastodonImitation m = new MastodonImitation(server);
            server.createContext("/api/v1/notifications", m::notifications);
            server.createContext("/api/v1/statuses/", exchange -> send(exchange, "{\"ancestors\":[],\"descendants\":[]}"));
            server.setExecutor(Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "mastodon-imitation");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return m;
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        void fill(Generated g) {
            TreeMap<Long, String> all = new TreeMap<>();
            for (Generated.Mention m : g.notifications()) all.put(m.notificationId(), notification(m));
            notifications = all;
        }

        /** Mastodon's page above {@code min_id}: the {@code limit} oldest notifications after it, sent newest first. */
        private void notifications(HttpExchange exchange) throws IOException {
            String query = exchange.getRequestURI().getRawQuery();
            long minId = 0;
            int limit = 40;
            for (String pair : query == null ? new String[0] : query.split("&")) {
                if (pair.startsWith("min_id=")) minId = Long.parseLong(pair.substring(7));
                if (pair.startsWith("limit=")) limit = Math.min(80, Integer.parseInt(pair.substring(6)));
            }
            TreeMap<Long, String> all = notifications;
            // Walked, not streamed: a stream of the tail map asks its size first, a walk over the whole tail (every notification
            // after min_id) on every request: the imitation's own cost grew with the page's position, to a third of the second import.
            List<String> page = new ArrayList<>(limit);
            for (java.util.Iterator<String> it = all.tailMap(minId, false).values().iterator(); it.hasNext() && page.size() < limit; ) {
                page.add(it.next());
            }
            if (query != null && !query.contains("min_id=") && !all.isEmpty()) page = List.of(all.lastEntry().getValue());
            java.util.Collections.reverse(page);
            send(exchange, "[" + String.join(",", page) + "]");
        }

        private static void send(HttpExchange exchange, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        static String notification(Generated.Mention m) {
            ObjectNode n = JSON.createObjectNode();
            n.put("id", Long.toString(m.notificationId())).put("type", "mention").put("created_at", m.at().toString());
            ObjectNode account = n.putObject("account");
            String acct = Generated.handle(m.author());
            account.put("id", Long.toString(500_000 + m.author())).put("username", acct.replaceAll("@.*", "")).put("acct", acct)
                    .put("display_name", Generated.name(m.author())).put("url", "https://other.social/@" + acct.replaceAll("@.*", ""))
                    .put("followers_count", Generated.followers(m.author()));
            ObjectNode status = n.putObject("status");
            status.put("id", Long.toString(m.statusId())).put("created_at", m.at().toString())
                    .put("uri", "https://other.social/users/" + acct.replaceAll("@.*", "") + "/statuses/" + m.statusId())
                    .put("url", "https://other.social/@" + acct.replaceAll("@.*", "") + "/" + m.statusId()).put("visibility", "public")
                    .put("content", m.html()).put("language", m.text().matches(".*[éèàç].*") ? "fr" : "en");
            if (m.parentId() == null) status.putNull("in_reply_to_id");
            else status.put("in_reply_to_id", Long.toString(m.parentId()));
            status.set("account", account.deepCopy());
            return n.toString();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** Plain sockets with TCP_NODELAY set. */
    static final class NoDelaySockets extends javax.net.SocketFactory {
        private final javax.net.SocketFactory plain = javax.net.SocketFactory.getDefault();

        private static java.net.Socket noDelay(java.net.Socket socket) throws java.io.IOException {
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public java.net.Socket createSocket() throws java.io.IOException {
            return noDelay(plain.createSocket());
        }

        @Override
        public java.net.Socket createSocket(String host, int port) throws java.io.IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public java.net.Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws java.io.IOException {
            return noDelay(plain.createSocket(host, port, localHost, localPort));
        }

        @Override
        public java.net.Socket createSocket(InetAddress host, int port) throws java.io.IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public java.net.Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws java.io.IOException {
            return noDelay(plain.createSocket(address, port, localAddress, localPort));
        }
    }
}
