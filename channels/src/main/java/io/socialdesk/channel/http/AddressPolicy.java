package io.socialdesk.channel.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which servers a connector may call (SSRF guard). Account URLs that people type (a Mastodon instance,
 * a Bluesky PDS) must be https, carry no credentials, and resolve only to public addresses, unless an
 * admin allowed private ones (a PDS on the intranet; the tests' local peers). The same check runs again
 * at connection time ({@link GuardedDns}), so a name that later resolves elsewhere is refused too.
 */
public record AddressPolicy(boolean allowPrivate, boolean allowHttp) {
    /** What production uses: https to public addresses only. */
    public static final AddressPolicy PUBLIC_HTTPS = new AddressPolicy(false, false);
    /** For tests and admins who run their own peers on the local network. */
    public static final AddressPolicy ANY = new AddressPolicy(true, true);

    /** Why {@code url} may not be called, or empty when it may. The answer names the rule broken. */
    public Optional<Refusal> refusal(URI url) {
        if (url == null || url.getScheme() == null || url.getHost() == null) {
            return Optional.of(new Refusal("url-absolute", "The address must be a full URL such as https://example.social."));
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return Optional.of(new Refusal("https-only", "The address must start with https://."));
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of(new Refusal("no-credentials-in-url", "The address must not contain a user name or password."));
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
                if (isPrivate(address)) {
                    return Optional.of(new Refusal("address-not-allowed",
                            "The address " + url.getHost() + " points into a private network; an admin must allow private addresses first."));
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of(new Refusal("unknown-host", "No server is known under " + url.getHost() + "."));
        }
        return Optional.empty();
    }

    /** Loopback, link-local, site-local (RFC 1918), unique-local IPv6, carrier-grade NAT, the unspecified address. */
    public static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // fc00::/7 unique local
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return (first == 100 && second >= 64 && second < 128) // 100.64.0.0/10 carrier-grade NAT
                || first == 0 || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || first >= 240;
    }

    List<InetAddress> permitted(String host, List<InetAddress> addresses) throws UnknownHostException {
        if (allowPrivate) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address)) {
                throw new UnknownHostException(host + " resolves to a private address, which is not allowed");
            }
        }
        return addresses;
    }

    /** A refused address: the rule and a sentence for the person who typed it. */
    public record Refusal(String rule, String message) {
    }
}
