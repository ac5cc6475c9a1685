package io.socialdesk.core.memory;

import io.socialdesk.core.inbox.Route;
import io.socialdesk.core.inbox.routing.RoutingRule;
import io.socialdesk.core.inbox.routing.RoutingRuleStore;
import io.socialdesk.core.inbox.routing.RoutingRules;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link RoutingRuleStore} in memory, for tests: the same versioning as the database stores. */
public final class MemoryRoutingRuleStore implements RoutingRuleStore {
    private RoutingRules saved;
    /** How many times {@link #version()} was asked: to see that a router caches. */
    public final AtomicInteger versionReads = new AtomicInteger();

    @Override
    public synchronized Optional<RoutingRules> find() {
        return Optional.ofNullable(saved);
    }

    @Override
    public synchronized int version() {
        versionReads.incrementAndGet();
        return saved == null ? 0 : saved.version();
    }

    @Override
    public synchronized RoutingRules replace(int expectedVersion, List<RoutingRule> rules, Route defaultRoute, String savedBy, Instant at) {
        int current = saved == null ? 0 : saved.version();
        if (current != expectedVersion) throw RoutingRuleStore.stale(expectedVersion, find());
        saved = new RoutingRules(current + 1, rules, defaultRoute, savedBy, at);
        return saved;
    }
}
