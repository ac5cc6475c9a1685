package io.socialdesk.web.account;

import io.socialdesk.channel.http.AddressPolicy;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.problem.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The server an account lives on, as a person typed it: required for Mastodon (the instance), optional for
 * Bluesky (a PDS; blank is Bluesky's own), meaningless elsewhere. A bare host gets {@code https://}; the
 * address must be the server's root, and pass the {@link AddressPolicy} (https, no credentials, no private,
 * loopback or link-local address unless an admin allowed them). Refusals name the field {@code instance}.
 */
public final class InstanceAddress {
    public static final String FIELD = "instance";

    private InstanceAddress() {}

    /** Whether the network's accounts live on a server people name. */
    public static boolean asked(Network network) {
        return network == Network.MASTODON || network == Network.BLUESKY;
    }

    public static boolean required(Network network) {
        return network == Network.MASTODON;
    }

    /** The checked address, or null for the network's own host. */
    public static URI check(Network network, String typed, AddressPolicy policy) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            if (required(network)) {
                throw new InvalidInputException(FIELD, "required", "Give the address of the " + network.label() + " server, e.g. https://mastodon.social.");
            }
            return null;
        }
        if (!asked(network)) {
            throw new InvalidInputException(FIELD, "not-applicable", network.label() + " accounts live on " + network.label()
                    + "'s own servers: leave the server address empty.");
        }
        if (text.length() > 500) throw new InvalidInputException(FIELD, "too-long", "The server address is too long.");
        if (!text.contains("://")) text = "https://" + text;
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidInputException(FIELD, "url-absolute", "The address must be a full URL such as https://example.social.");
        }
        Optional<AddressPolicy.Refusal> refused = policy.refusal(uri);
        if (refused.isPresent()) throw new InvalidInputException(FIELD, refused.get().rule(), refused.get().message());
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!(path.isEmpty() || path.equals("/")) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidInputException(FIELD, "server-root", "Give the server's address only, without a path, e.g. https://"
                    + uri.getHost() + ".");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + (host.contains(":") ? "[" + host + "]" : host)
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
    }
}
