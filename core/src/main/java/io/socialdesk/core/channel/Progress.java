package io.socialdesk.core.channel;

/**
 * Where a connector records, durably and before the request that depends on it, what it chose or got
 * half-way through a delivery: a Bluesky record key, an Instagram container id, uploaded media ids.
 * The next attempt (or {@link Channel#settle}) reads it back from {@link Delivery#progress()}.
 */
@FunctionalInterface
public interface Progress {
    Progress NONE = (name, value) -> { };

    void record(String name, String value);
}
