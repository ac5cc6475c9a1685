package io.socialdesk.store.calendar;

import io.socialdesk.core.calendar.Blackout;
import io.socialdesk.core.calendar.BlackoutStore;
import io.socialdesk.store.ao.AoAccess;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.java.ao.Query;

/** {@link BlackoutStore} over Active Objects ({@link BlackoutEntity}); an edit is a compare-and-set on the version. */
public final class AoBlackoutStore implements BlackoutStore {
    private final AoAccess ao;

    public AoBlackoutStore(AoAccess ao) {
        this.ao = ao;
    }

    @Override
    public List<Blackout> overlapping(Instant from, Instant to) {
        return read(ao.find(BlackoutEntity.class, Query.select().where("START_AT < ? AND END_AT > ?", Date.from(to), Date.from(from))
                .order("START_AT ASC, ID ASC").limit(1000)));
    }

    @Override
    public List<Blackout> list(int limit) {
        return read(ao.find(BlackoutEntity.class, Query.select().order("START_AT ASC, ID ASC").limit(limit)));
    }

    @Override
    public Optional<Blackout> find(long id) {
        return read(ao.find(BlackoutEntity.class, Query.select().where("ID = ?", (int) id))).stream().findFirst();
    }

    @Override
    public Blackout create(Blackout d) {
        Map<String, Object> values = columns(d);
        values.put("CREATED_BY", d.createdBy());
        values.put("CREATED_AT", Date.from(d.createdAt()));
        values.put("PERIOD_VERSION", 1);
        return read(new BlackoutEntity[] {ao.create(BlackoutEntity.class, values)}).get(0);
    }

    @Override
    public Optional<Blackout> update(Blackout next, int expectedVersion) {
        return ao.inTransaction(() -> {
            BlackoutEntity[] rows = ao.find(BlackoutEntity.class, Query.select().where("ID = ?", (int) next.id()));
            if (rows.length == 0 || rows[0].getPeriodVersion() != expectedVersion) return Optional.empty();
            BlackoutEntity r = rows[0];
            r.setProjectKey(next.projectKey());
            r.setName(next.name());
            r.setPeriodKind(next.kind().name());
            r.setStartAt(Date.from(next.start()));
            r.setEndAt(Date.from(next.end()));
            r.setZoneId(next.zone().getId());
            r.setAccountIds(ids(next.accountIds()));
            r.setReason(next.reason());
            r.setPeriodVersion(expectedVersion + 1);
            r.save();
            return Optional.of(read(new BlackoutEntity[] {r}).get(0));
        });
    }

    @Override
    public boolean delete(long id) {
        BlackoutEntity[] rows = ao.find(BlackoutEntity.class, Query.select().where("ID = ?", (int) id));
        if (rows.length == 0) return false;
        ao.delete(rows);
        return true;
    }

    private static Map<String, Object> columns(Blackout d) {
        Map<String, Object> values = new HashMap<>();
        values.put("PROJECT_KEY", d.projectKey());
        values.put("NAME", d.name());
        values.put("PERIOD_KIND", d.kind().name());
        values.put("START_AT", Date.from(d.start()));
        values.put("END_AT", Date.from(d.end()));
        values.put("ZONE_ID", d.zone().getId());
        values.put("ACCOUNT_IDS", ids(d.accountIds()));
        values.put("REASON", d.reason());
        return values;
    }

    private static String ids(Set<Long> ids) {
        return ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Blackout> read(BlackoutEntity[] rows) {
        return Arrays.stream(rows).map(r -> {
            Set<Long> accounts = new LinkedHashSet<>();
            String ids = r.getAccountIds();
            if (ids != null && !ids.isBlank()) for (String s : ids.split(",")) accounts.add(Long.parseLong(s.strip()));
            return new Blackout(r.getID(), nz(r.getProjectKey()), r.getName(), Blackout.Kind.valueOf(r.getPeriodKind()), r.getStartAt().toInstant(),
                    r.getEndAt().toInstant(), ZoneId.of(r.getZoneId()), accounts, nz(r.getReason()), nz(r.getCreatedBy()), r.getCreatedAt().toInstant(),
                    r.getPeriodVersion());
        }).toList();
    }

    /** AO stores an empty string as NULL on some databases. */
    static String nz(String s) {
        return s == null ? "" : s;
    }
}
