package io.socialdesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A network's publish call as Social Desk's signed webhook channel sends it, served for real on
 * 127.0.0.1 so that a server in another process can publish to it. Each endpoint (a path) creates a
 * post per request it accepts; an {@link Idempotency#BY_KEY} endpoint (the generic format's contract)
 * answers a repeat of an {@code Idempotency-Key} with the first answer and creates nothing, an
 * {@link Idempotency#NONE} endpoint (Slack, Teams, Discord) creates a post for every request it accepts.
 *
 * <p>A {@link Behaviour} decides, per request, a delay and a {@link Fault}: a 429 or a 500 before
 * anything is created, a 500 after the post was created, or the connection dropped after the request
 * was read (before or after creating). Every request is recorded, in this JVM, with what was done
 * with it; {@link #created(String)} is what the network now shows.
 *
 * <pre>{@code
 * try (RecordingNetwork network = RecordingNetwork.start(Behaviour.random(7, 0.1, Duration.ofMillis(400), 0.02, 0.02, 0.02, 0.02, 0.02))) {
 *     network.endpoint("/generic", RecordingNetwork.Idempotency.BY_KEY);
 *     URI url = network.url("/generic");
 *     ...
 *     assertThat(network.createdByContent("/generic")).allSatisfy((text, posts) -> assertThat(posts).hasSize(1));
 * }
 * }</pre>
 */
public final class RecordingNetwork implements AutoCloseable {
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // The JDK server writes an answer's headers and body apart; without TCP_NODELAY, Nagle and the client's delayed ACK
        // hold every answer ~40 ms (read before the first server of this JVM is created).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** Whether an endpoint drops a repeat of an Idempotency-Key. */
    public enum Idempotency { BY_KEY, NONE }

    /** What goes wrong with one request. */
    public enum Fault {
        /** Created (or, for a known key on an idempotent endpoint, the first answer replayed): 200. */
        NONE,
        /** 429 with Retry-After, nothing created. */
        RATE_LIMITED,
        /** 500, nothing created. */
        ERROR_BEFORE_CREATE,
        /** Created, then 500: the sender cannot know. */
        ERROR_AFTER_CREATE,
        /** The request was read, then the connection closed without an answer; nothing created. */
        DROP_BEFORE_CREATE,
        /** Created, then the connection closed without an answer: the sender cannot know. */
        DROP_AFTER_CREATE;

        /** Whether a post is created (or replayed) for a request this fault hits. */
        public boolean creates() {
            return this == NONE || this == ERROR_AFTER_CREATE || this == DROP_AFTER_CREATE;
        }
    }

    /** The delay (before anything is created) and the fault for one request. */
    public record Plan(Duration delay, Fault fault) {
        public static final Plan OK = new Plan(Duration.ZERO, Fault.NONE);
    }

    /** Decides what happens to each request (called concurrently). */
    @FunctionalInterface
    public interface Behaviour {
        Plan plan(Request request);

        /** Every request answered at once. */
        static Behaviour fast() {
            return r -> Plan.OK;
        }

        /** Every request answered after {@code delay}, as a network a few milliseconds away would. */
        static Behaviour answeringAfter(Duration delay) {
            Plan plan = new Plan(delay, Fault.NONE);
            return r -> plan;
        }

        /**
         * Seeded random faults: each request is delayed (uniformly up to {@code maxDelay}) with probability
         * {@code pDelay}, then hit by at most one fault with the given probabilities.
         */
        static Behaviour random(long seed, double pDelay, Duration maxDelay, double pRateLimited, double pErrorBefore, double pErrorAfter,
                double pDropBefore, double pDropAfter) {
            Random random = new Random(seed);
            return r -> {
                synchronized (random) {
                    Duration delay = random.nextDouble() < pDelay ? Duration.ofMillis((long) (random.nextDouble() * maxDelay.toMillis())) : Duration.ZERO;
                    double x = random.nextDouble();
                    Fault fault = Fault.NONE;
                    double[] p = {pRateLimited, pErrorBefore, pErrorAfter, pDropBefore, pDropAfter};
                    Fault[] faults = {Fault.RATE_LIMITED, Fault.ERROR_BEFORE_CREATE, Fault.ERROR_AFTER_CREATE, Fault.DROP_BEFORE_CREATE,
                            Fault.DROP_AFTER_CREATE};
                    for (int i = 0; i < p.length; i++) {
                        if (x < p[i]) {
                            fault = faults[i];
                            break;
                        }
                        x -= p[i];
                    }
                    return new Plan(delay, fault);
                }
            };
        }
    }

    /** One request as received. {@code content} is the post's text in whichever format the body has (null if none). */
    public record Request(long seq, Instant at, String path, String idempotencyKey, String content, String body, Map<String, String> headers,
            Boolean signatureValid) {
    }

    /** What the endpoint did with a request. */
    public enum Result { CREATED, REPLAYED, REFUSED, DROPPED_BEFORE, UNKNOWN_PATH }

    /** A request, the plan applied to it and its result. */
    public record Recorded(Request request, Plan plan, Result result, Long createdId) {
    }

    /** A post the network now shows. */
    public record Created(long id, String path, String idempotencyKey, String content, Instant at, long requestSeq) {
    }

    private record Endpoint(Idempotency idempotency, String secret) {
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final List<Recorded> recorded = new ArrayList<>();
    private final List<Created> created = new ArrayList<>();
    /** path -> key -> the post created for it: the idempotent endpoints' memory. */
    private final Map<String, Map<String, Created>> byKey = new ConcurrentHashMap<>();
    private final AtomicLong seq = new AtomicLong();
    private final AtomicLong ids = new AtomicLong();
    private volatile Behaviour behaviour;
    private volatile Duration retryAfter = Duration.ofSeconds(1);

    private RecordingNetwork(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        // A thread per request: a delayed one must not hold up the others.
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "recording-network");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts the network on a free port of 127.0.0.1. */
    public static RecordingNetwork start(Behaviour behaviour) {
        try {
            return new RecordingNetwork(behaviour);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the recording network", e);
        }
    }

    /** Adds an endpoint at {@code path}; with a {@code secret}, each request's signature is checked and recorded. */
    public RecordingNetwork endpoint(String path, Idempotency idempotency, String secret) {
        endpoints.put(path, new Endpoint(idempotency, secret));
        byKey.putIfAbsent(path, new ConcurrentHashMap<>());
        return this;
    }

    public RecordingNetwork endpoint(String path, Idempotency idempotency) {
        return endpoint(path, idempotency, null);
    }

    /** Changes how the next requests are treated. */
    public void behaviour(Behaviour next) {
        this.behaviour = next;
    }

    /** The Retry-After a 429 carries (whole seconds). */
    public void retryAfter(Duration wait) {
        this.retryAfter = wait;
    }

    /** The endpoint's address, http://127.0.0.1:PORT/PATH. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Every request so far, in arrival order. */
    public List<Recorded> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    public List<Recorded> requests(String path) {
        return requests().stream().filter(r -> r.request().path().equals(path)).toList();
    }

    /** The posts the network shows, in creation order. */
    public List<Created> created() {
        synchronized (created) {
            return List.copyOf(created);
        }
    }

    public List<Created> created(String path) {
        return created().stream().filter(c -> c.path().equals(path)).toList();
    }

    /** The posts created at {@code path}, grouped by Idempotency-Key (a key created twice has a list of two). */
    public Map<String, List<Created>> createdByKey(String path) {
        return group(created(path), Created::idempotencyKey);
    }

    /** The posts created at {@code path}, grouped by their text (the same text created twice has a list of two). */
    public Map<String, List<Created>> createdByContent(String path) {
        return group(created(path), Created::content);
    }

    /** The requests that reached {@code path}, grouped by their text. */
    public Map<String, List<Recorded>> requestsByContent(String path) {
        return group(requests(path), r -> r.request().content());
    }

    private static <T> Map<String, List<T>> group(List<T> items, Function<T, String> by) {
        return items.stream().collect(Collectors.groupingBy(i -> String.valueOf(by.apply(i)), LinkedHashMap::new, Collectors.toList()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
            String text = new String(body, StandardCharsets.UTF_8);
            Endpoint endpoint = endpoints.get(path);
            String key = exchange.getRequestHeaders().getFirst(IDEMPOTENCY_HEADER);
            Request request = new Request(seq.incrementAndGet(), Instant.now(), path, key, contentOf(text), text, headers,
                    endpoint == null || endpoint.secret() == null ? null : signatureValid(endpoint.secret(), exchange, body));
            if (endpoint == null || !"POST".equals(exchange.getRequestMethod())) {
                record(new Recorded(request, Plan.OK, Result.UNKNOWN_PATH, null));
                answer(exchange, 404, "{\"error\":\"no such endpoint\"}");
                return;
            }
            Plan plan = behaviour.plan(request);
            if (!plan.delay().isZero()) sleep(plan.delay());
            Fault fault = plan.fault();
            switch (fault) {
                case RATE_LIMITED -> {
                    record(new Recorded(request, plan, Result.REFUSED, null));
                    exchange.getResponseHeaders().set("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
                    answer(exchange, 429, "{\"error\":\"slow down\"}");
                    return;
                }
                case ERROR_BEFORE_CREATE -> {
                    record(new Recorded(request, plan, Result.REFUSED, null));
                    answer(exchange, 500, "{\"error\":\"internal\"}");
                    return;
                }
                case DROP_BEFORE_CREATE -> {
                    record(new Recorded(request, plan, Result.DROPPED_BEFORE, null));
                    return; // closing the exchange without an answer closes the connection
                }
                default -> {
                }
            }
            Created post;
            Result result;
            synchronized (this) {
                Created first = endpoint.idempotency() == Idempotency.BY_KEY && key != null ? byKey.get(path).get(key) : null;
                if (first != null) {
                    post = first;
                    result = Result.REPLAYED;
                } else {
                    post = new Created(ids.incrementAndGet(), path, key, request.content(), Instant.now(), request.seq());
                    synchronized (created) {
                        created.add(post);
                    }
                    if (endpoint.idempotency() == Idempotency.BY_KEY && key != null) byKey.get(path).put(key, post);
                    result = Result.CREATED;
                }
                record(new Recorded(request, plan, result, post.id()));
            }
            if (fault == Fault.DROP_AFTER_CREATE) return;
            if (fault == Fault.ERROR_AFTER_CREATE) {
                answer(exchange, 500, "{\"error\":\"internal\"}");
                return;
            }
            if (result == Result.REPLAYED) exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
            answer(exchange, 200, "{\"id\":" + post.id() + ",\"url\":\"" + url(path + "/posts/" + post.id()) + "\"}");
        }
    }

    private void record(Recorded r) {
        synchronized (recorded) {
            recorded.add(r);
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The text of a post in the generic, Slack, Discord or Teams body; null when there is none. */
    static String contentOf(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) return null;
            if (root.hasNonNull("text")) return root.get("text").asText();
            if (root.hasNonNull("content")) return root.get("content").asText();
            JsonNode card = root.at("/attachments/0/content/body/0/text");
            return card.isMissingNode() ? null : card.asText();
        } catch (IOException e) {
            return null;
        }
    }

    private static Boolean signatureValid(String secret, HttpExchange exchange, byte[] body) {
        String timestamp = exchange.getRequestHeaders().getFirst("X-SocialDesk-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("X-SocialDesk-Signature");
        if (timestamp == null || signature == null) return false;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = ("v1=" + HexFormat.of().formatHex(mac.doFinal(body))).getBytes(StandardCharsets.UTF_8);
            for (String candidate : signature.split(",")) {
                if (MessageDigest.isEqual(expected, candidate.strip().getBytes(StandardCharsets.UTF_8))) return true;
            }
            return false;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
