package io.socialdesk.web.inbound;

import io.socialdesk.channel.linkedin.LinkedInWebhook;
import io.socialdesk.channel.meta.MetaWebhook;
import io.socialdesk.channel.webhook.WebhookSignature;
import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.AccountStore;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.account.OAuthClientStore;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.OAuthClient;
import io.socialdesk.core.inbox.InboxImport;
import io.socialdesk.core.inbox.InboxItem;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Meta's (Facebook Pages, Instagram) and LinkedIn's webhooks into the inbox. A delivery is a hint: its signature is checked
 * over the raw bytes with the app secret (the client secret an admin configured for the network), its comments go through
 * the inbox's pipeline like polled ones, and the import job's next poll of the same account catches whatever a webhook
 * missed; an item that came both ways is stored once (its key).
 *
 * <p>Replays create nothing: a delivery whose signature was seen within {@link #REPLAY_WINDOW} is answered as received and
 * not read again ({@link SeenDeliveries}, per node), an item written more than {@link #REPLAY_WINDOW} ago is left to the poll,
 * and any item already stored is "already seen" whichever node receives it.
 */
public final class NetworkWebhooks {
    private static final class MetaSignature {
        static final String HEADER = io.socialdesk.channel.meta.WebhookSignature.HEADER;

        static Optional<String> problem(String secret, byte[] body, String header) {
            return io.socialdesk.channel.meta.WebhookSignature.problem(secret, body, header);
        }
    }

    /** Meta retries a failed delivery for up to 36 hours; a delivery or item older than this is not taken from a webhook. */
    public static final Duration REPLAY_WINDOW = Duration.ofHours(48);
    /** Meta and LinkedIn send a handful of changes per delivery; a larger body is not theirs. */
    public static final int MAX_BYTES = 256 * 1024;

    private final AccountStore accounts;
    private final OAuthClientStore clients;
    private final InboxImport imports;
    private final Clock clock;
    private final SeenDeliveries seen;

    public NetworkWebhooks(AccountStore accounts, OAuthClientStore clients, InboxImport imports, Clock clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.imports = Objects.requireNonNull(imports, "imports");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.seen = new SeenDeliveries(REPLAY_WINDOW, 100_000);
    }

    /** What a delivery did: refused (with the reason and the header or field at fault), or its counts. */
    public record Received(boolean accepted, String problem, String field, int items, int stored, int duplicates, int ignored, boolean replay) {
        static Received refused(String problem, String field) {
            return new Received(false, problem, field, 0, 0, 0, 0, false);
        }
    }

    // ----------------------------------------------------------------------------------------------------------- Meta

    /**
     * The verify token to enter in Meta's dashboard for an app whose secret is {@code appSecret}: the first 32 hex digits
     * of HMAC-SHA256(app secret, {@code "socialdesk-meta-verify"}), so that it needs no setting of its own and changes
     * with the secret.
     */
    public static String metaVerifyToken(String appSecret) {
        return WebhookSignature.hmacHex(appSecret.getBytes(StandardCharsets.UTF_8), "socialdesk-meta-verify".getBytes(StandardCharsets.UTF_8))
                .substring(0, 32);
    }

    /** Meta's subscription check: the challenge to echo, or why not. */
    public MetaWebhook.Handshake metaHandshake(String mode, String token, String challenge) {
        List<String> secrets = metaSecrets();
        if (secrets.isEmpty()) return new MetaWebhook.Handshake(false, null, "no Facebook or Instagram app with a secret is configured");
        MetaWebhook.Handshake last = null;
        for (String secret : secrets) {
            last = new MetaWebhook(secret, metaVerifyToken(secret), clock).handshake(mode, token, challenge);
            if (last.accepted()) return last;
        }
        return last;
    }

    /** A Meta delivery: {@code X-Hub-Signature-256} over the raw body with the Facebook or the Instagram app's secret. */
    public Received meta(byte[] body, String signature) {
        if (body.length > MAX_BYTES) return Received.refused("The body must be at most " + MAX_BYTES / 1024 + " KB", "body");
        List<String> secrets = metaSecrets();
        if (secrets.isEmpty()) return Received.refused("No Facebook or Instagram app with a secret is configured", MetaSignature.HEADER);
        String secret = null;
        Optional<String> problem = Optional.empty();
        for (String candidate : secrets) {
            problem = MetaSignature.problem(candidate, body, signature);
            if (problem.isEmpty()) {
                secret = candidate;
                break;
            }
        }
        if (secret == null) return Received.refused("Refused: " + problem.orElse("no signature") + ".", MetaSignature.HEADER);
        MetaWebhook.Result result = new MetaWebhook(secret, null, clock).receive(body, signature);
        if (!result.accepted()) return Received.refused(result.problem(), "body");
        if (!seen.firstTime("meta " + signature.strip().toLowerCase(Locale.ROOT), clock.instant())) return replay();
        Map<Long, List<Inbound>> byAccount = new LinkedHashMap<>();
        int ignored = result.ignored();
        for (MetaWebhook.Event event : result.events()) {
            Optional<Account> account = account(event.item().network(), event.accountRemoteId());
            // An Instagram mention names the media only: the poll brings its text and author.
            if (account.isEmpty() || event.needsDetails() || stale(event.item())) {
                ignored++;
                continue;
            }
            byAccount.computeIfAbsent(account.get().id(), id -> new ArrayList<>()).add(event.item());
        }
        return receive(byAccount, ignored);
    }

    // ------------------------------------------------------------------------------------------------------- LinkedIn

    /** LinkedIn's validation: {@code {challengeCode, challengeResponse}}, empty when no LinkedIn app secret is configured. */
    public Optional<Map<String, String>> linkedInChallenge(String challengeCode) {
        return linkedInSecret().map(secret -> new LinkedInWebhook(secret, clock).challenge(challengeCode));
    }

    /** A LinkedIn delivery: {@code X-LI-Signature} over the raw body with the LinkedIn app's client secret. */
    public Received linkedIn(byte[] body, String signature) {
        if (body.length > MAX_BYTES) return Received.refused("The body must be at most " + MAX_BYTES / 1024 + " KB", "body");
        Optional<String> secret = linkedInSecret();
        if (secret.isEmpty()) return Received.refused("No LinkedIn app with a client secret is configured", LinkedInWebhook.SIGNATURE_HEADER);
        LinkedInWebhook webhook = new LinkedInWebhook(secret.get(), clock);
        if (!webhook.verify(body, signature)) {
            return Received.refused("Refused: the " + LinkedInWebhook.SIGNATURE_HEADER + " header is missing or does not sign this body with the app's"
                    + " client secret.", LinkedInWebhook.SIGNATURE_HEADER);
        }
        if (!seen.firstTime("linkedin " + signature.strip().toLowerCase(Locale.ROOT), clock.instant())) return replay();
        Map<Long, List<Inbound>> byAccount = new LinkedHashMap<>();
        int ignored = 0;
        for (LinkedInWebhook.Notification n : webhook.notifications(body)) {
            Optional<Account> account = n.organization() == null ? Optional.empty() : account(Network.LINKEDIN, n.organization());
            if (account.isEmpty() || stale(n.item())) {
                ignored++;
                continue;
            }
            byAccount.computeIfAbsent(account.get().id(), id -> new ArrayList<>()).add(n.item());
        }
        return receive(byAccount, ignored);
    }

    // ---------------------------------------------------------------------------------------------------------- common

    private Received receive(Map<Long, List<Inbound>> byAccount, int ignored) {
        int items = 0;
        int stored = 0;
        int duplicates = 0;
        for (Map.Entry<Long, List<Inbound>> e : byAccount.entrySet()) {
            InboxImport.Imported done = imports.receive(e.getKey(), e.getValue(), InboxItem.WEBHOOK);
            items += done.received();
            stored += done.stored();
            duplicates += done.duplicates();
            ignored += done.refused().size();
        }
        return new Received(true, null, null, items, stored, duplicates, ignored, false);
    }

    private static Received replay() {
        return new Received(true, null, null, 0, 0, 0, 0, true);
    }

    private boolean stale(Inbound item) {
        return item.createdAt() != null && item.createdAt().isBefore(clock.instant().minus(REPLAY_WINDOW));
    }

    /** The connected account of {@code network} whose id there ({@code remoteId}, else its handle) is {@code remoteId}. */
    private Optional<Account> account(Network network, String remoteId) {
        if (remoteId == null) return Optional.empty();
        return accounts.list().stream().filter(a -> a.network() == network && a.connected())
                .filter(a -> remoteId.equals(a.remoteId()) || (a.remoteId() == null && remoteId.equals(a.handle()))).findFirst();
    }

    private List<String> metaSecrets() {
        List<String> out = new ArrayList<>();
        for (Network network : List.of(Network.FACEBOOK, Network.INSTAGRAM)) {
            clients.configured(network).map(OAuthClient::clientSecret).filter(s -> s != null && !s.isBlank()).filter(s -> !out.contains(s))
                    .ifPresent(out::add);
        }
        return out;
    }

    private Optional<String> linkedInSecret() {
        return clients.configured(Network.LINKEDIN).map(OAuthClient::clientSecret).filter(s -> s != null && !s.isBlank());
    }

    /** Signatures of deliveries received lately, per node: a delivery played again is answered without being read again. */
    static final class SeenDeliveries {
        private final Duration window;
        private final int max;
        private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

        SeenDeliveries(Duration window, int max) {
            this.window = window;
            this.max = max;
        }

        synchronized boolean firstTime(String key, Instant now) {
            Instant cutoff = now.minus(window);
            seen.values().removeIf(at -> at.isBefore(cutoff));
            if (seen.containsKey(key)) return false;
            if (seen.size() >= max) seen.remove(seen.keySet().iterator().next());
            seen.put(key, now);
            return true;
        }
    }
}
