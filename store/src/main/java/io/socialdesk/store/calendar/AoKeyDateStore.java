package io.socialdesk.store.calendar;

import io.socialdesk.core.calendar.KeyDateRule;
import io.socialdesk.core.calendar.KeyDateStore;
import io.socialdesk.core.calendar.TeamKeyDate;
import io.socialdesk.store.ao.AoAccess;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.java.ao.Query;

/** {@link KeyDateStore} over Active Objects ({@link KeyDateEntity}). */
public final class AoKeyDateStore implements KeyDateStore {
    /** A team keeps tens of dates; a cap keeps a calendar's read bounded. */
    static final int MAX_ROWS = 1000;

    private final AoAccess ao;

    public AoKeyDateStore(AoAccess ao) {
        this.ao = ao;
    }

    @Override
    public List<TeamKeyDate> list() {
        return Arrays.stream(ao.find(KeyDateEntity.class, Query.select().order("ID ASC").limit(MAX_ROWS))).map(AoKeyDateStore::read)
                .flatMap(Optional::stream).toList();
    }

    @Override
    public Optional<TeamKeyDate> find(long id) {
        KeyDateEntity[] rows = ao.find(KeyDateEntity.class, Query.select().where("ID = ?", (int) id));
        return rows.length == 0 ? Optional.empty() : read(rows[0]);
    }

    @Override
    public TeamKeyDate create(String projectKey, String name, KeyDateRule rule, String note, String createdBy, Instant at) {
        Map<String, Object> values = new HashMap<>();
        values.put("PROJECT_KEY", projectKey);
        values.put("NAME", name);
        values.put("RULE_TEXT", rule.text());
        values.put("NOTE", note);
        values.put("CREATED_BY", createdBy);
        values.put("CREATED_AT", Date.from(at));
        KeyDateEntity row = ao.create(KeyDateEntity.class, values);
        return new TeamKeyDate(row.getID(), projectKey, name, rule, note, createdBy, at);
    }

    @Override
    public boolean delete(long id) {
        KeyDateEntity[] rows = ao.find(KeyDateEntity.class, Query.select().where("ID = ?", (int) id));
        if (rows.length == 0) return false;
        ao.delete(rows);
        return true;
    }

    /** A row whose rule no longer reads (edited by hand in the database) is skipped rather than breaking the calendar. */
    private static Optional<TeamKeyDate> read(KeyDateEntity r) {
        return KeyDateRule.parse(r.getRuleText()).map(rule -> new TeamKeyDate(r.getID(), r.getProjectKey(), r.getName(), rule, r.getNote(),
                r.getCreatedBy(), r.getCreatedAt().toInstant()));
    }
}
