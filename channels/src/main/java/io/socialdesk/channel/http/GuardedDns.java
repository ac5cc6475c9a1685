package io.socialdesk.channel.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Supplier;
import okhttp3.Dns;

/** Resolves names for OkHttp and refuses private addresses at connection time (DNS rebinding, redirects). */
final class GuardedDns implements Dns {
    private final Supplier<AddressPolicy> policy;

    GuardedDns(Supplier<AddressPolicy> policy) {
        this.policy = policy;
    }

    @Override
    public List<InetAddress> lookup(String host) throws UnknownHostException {
        return policy.get().permitted(host, Dns.SYSTEM.lookup(host));
    }
}
