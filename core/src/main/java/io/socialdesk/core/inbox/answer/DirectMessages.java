package io.socialdesk.core.inbox.answer;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Stream;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where the networks let an app send a direct message in answer to a message of the inbox, by their published rules:
 * Mastodon (a status of visibility "direct" naming the person), X (API v2 direct messages) and Bluesky (its chat
 * service) to anyone who wrote, public posts included (the network may still refuse a person who closed their
 * messages: the connector says so); Facebook and Instagram only in answer to a direct message the person sent within
 * the last 24 hours (Meta's standard messaging window); LinkedIn and Threads not at all (their APIs give apps no
 * direct messages). Pure: the ticket page and the reply service ask the same question.
 */
public final class DirectMessages {
    /** Meta's standard messaging window: a Page may answer a person's message within 24 hours of it. */
    public static final Duration META_WINDOW = Duration.ofHours(24);

    private static final Set<Network> SENT = EnumSet.of(Network.MASTODON, Network.X, Network.BLUESKY, Network.FACEBOOK, Network.INSTAGRAM);

    private DirectMessages() {
    }

    /** Why a direct message cannot answer this message now: a field, a rule and an English sentence. */
    public record Refusal(String rule, String message) {
        /** The i18n key pages show for this rule ({@code socialdesk.answer.direct.<rule>}, one argument: the network). */
        public String messageKey() {
            return "socialdesk.answer.direct." + rule;
        }
    }

    /** Whether Social Desk sends direct messages on this network at all. */
    public static boolean available(Network network) {
        return SENT.contains(network);
    }

    /** Empty when a direct message may answer {@code message} at {@code now}; else why not. */
    public static Optional<Refusal> refusal(Inbound message, Instant now) {
        Network network = message.network();
        String name = network.label();
        if (!available(network)) {
            return Optional.of(new Refusal("direct-unsupported", "Direct messages are not available on " + name
                    + ": its API gives apps no direct messages. Send a public reply, or answer in " + name + "'s own app."));
        }
        if (network == Network.FACEBOOK || network == Network.INSTAGRAM) {
            if (message.stream() != Stream.DIRECT_MESSAGES) {
                return Optional.of(new Refusal("direct-not-messaged", name + " lets a business send a direct message only in answer to a"
                        + " direct message the person sent it; this is a public " + message.kind() + ". Send a public reply."));
            }
            Instant at = message.createdAt();
            if (at == null || now.isAfter(at.plus(META_WINDOW))) {
                return Optional.of(new Refusal("direct-window", name + " lets a business answer a direct message only within 24 hours of it"
                        + " (Meta's messaging window), and this message is older. Answer in " + name + "'s own app."));
            }
        }
        return Optional.empty();
    }
}
