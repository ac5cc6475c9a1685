package io.socialdesk.store.inbox;

import io.socialdesk.core.inbox.Route;
import io.socialdesk.core.inbox.routing.RoutingRule;
import io.socialdesk.core.inbox.routing.RoutingRuleStore;
import io.socialdesk.core.inbox.routing.RoutingRules;
import io.socialdesk.core.inbox.routing.RoutingText;
import io.socialdesk.core.problem.ConflictException;
import io.socialdesk.store.ao.AoAccess;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.java.ao.Query;

/**
 * {@link RoutingRuleStore} over Active Objects: a row per saved version ({@link RoutingRulesEntity}), written once.
 * A save inserts version {@code expected + 1}; the unique version column turns a concurrent save of the same version
 * into a failed insert, reported as a conflict. The same code on both hosts: no lock, no conditional update.
 */
public final class AoRoutingRuleStore implements RoutingRuleStore {
    /** Versions kept as history; older ones are deleted by the save that makes them too old. */
    static final int KEPT_VERSIONS = 20;

    private final AoAccess ao;

    public AoRoutingRuleStore(AoAccess ao) {
        this.ao = ao;
    }

    @Override
    public Optional<RoutingRules> find() {
        RoutingRulesEntity[] rows = ao.find(RoutingRulesEntity.class, Query.select().order("RULES_VERSION DESC").limit(1));
        if (rows.length == 0) return Optional.empty();
        RoutingRulesEntity r = rows[0];
        return Optional.of(RoutingText.read(r.getRules(), r.getRulesVersion(), r.getSavedBy(), r.getSavedAt().toInstant()));
    }

    @Override
    public int version() {
        RoutingRulesEntity[] rows = ao.find(RoutingRulesEntity.class, Query.select("ID, RULES_VERSION").order("RULES_VERSION DESC").limit(1));
        return rows.length == 0 ? 0 : rows[0].getRulesVersion();
    }

    @Override
    public RoutingRules replace(int expectedVersion, List<RoutingRule> rules, Route defaultRoute, String savedBy, Instant at) {
        String text = RoutingText.write(rules, defaultRoute);
        int next = expectedVersion + 1;
        try {
            ao.inTransaction(() -> {
                if (version() != expectedVersion) throw new Stale();
                Map<String, Object> values = new HashMap<>();
                values.put("RULES_VERSION", next);
                values.put("RULES", text);
                values.put("SAVED_BY", savedBy);
                values.put("SAVED_AT", Date.from(at));
                ao.create(RoutingRulesEntity.class, values);
                RoutingRulesEntity[] old = ao.find(RoutingRulesEntity.class, Query.select().where("RULES_VERSION <= ?", next - KEPT_VERSIONS));
                if (old.length > 0) ao.delete(old);
                return null;
            });
        } catch (Stale e) {
            throw conflict(expectedVersion);
        } catch (RuntimeException e) { // StoreException on the server; the host's own exception in Jira
            // The insert lost to another save of the same version (the unique version), or the database failed.
            if (version() != expectedVersion) throw conflict(expectedVersion);
            throw e;
        }
        return new RoutingRules(next, rules, defaultRoute, savedBy, at);
    }

    private ConflictException conflict(int expectedVersion) {
        return RoutingRuleStore.stale(expectedVersion, find());
    }

    /** Thrown inside the transaction to roll it back when the version moved on before the insert. */
    private static final class Stale extends RuntimeException {
        Stale() {
            super("stale", null, false, false);
        }
    }
}
