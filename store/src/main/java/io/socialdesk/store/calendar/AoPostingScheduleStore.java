package io.socialdesk.store.calendar;

import io.socialdesk.core.calendar.PostingSchedule;
import io.socialdesk.core.calendar.PostingScheduleStore;
import io.socialdesk.core.calendar.PostingSlot;
import io.socialdesk.store.ao.AoAccess;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.java.ao.Query;

/**
 * {@link PostingScheduleStore} over Active Objects ({@link PostingSlotsEntity}): a first save inserts (the unique
 * account id turns a second first save into a failed insert: a conflict), later saves compare the version.
 */
public final class AoPostingScheduleStore implements PostingScheduleStore {
    private final AoAccess ao;

    public AoPostingScheduleStore(AoAccess ao) {
        this.ao = ao;
    }

    @Override
    public Optional<PostingSchedule> find(long accountId) {
        PostingSlotsEntity[] rows = ao.find(PostingSlotsEntity.class, Query.select().where("ACCOUNT_ID = ?", accountId));
        return rows.length == 0 ? Optional.empty() : Optional.of(read(rows[0]));
    }

    @Override
    public List<PostingSchedule> list() {
        return Arrays.stream(ao.find(PostingSlotsEntity.class, Query.select().order("ACCOUNT_ID ASC").limit(10_000)))
                .map(AoPostingScheduleStore::read).toList();
    }

    @Override
    public Optional<PostingSchedule> save(PostingSchedule next, int expectedVersion) {
        String slots = next.slots().stream().map(PostingSlot::text).collect(Collectors.joining(","));
        if (expectedVersion == 0) {
            if (find(next.accountId()).isPresent()) return Optional.empty();
            Map<String, Object> values = new HashMap<>();
            values.put("ACCOUNT_ID", next.accountId());
            values.put("ZONE_ID", next.zone().getId());
            values.put("SLOTS", slots);
            values.put("MIN_SPACING_MINUTES", (int) next.minSpacing().toMinutes());
            values.put("GAP_DAYS", next.gapDays());
            values.put("SCHEDULE_VERSION", 1);
            try {
                return Optional.of(read(ao.create(PostingSlotsEntity.class, values)));
            } catch (RuntimeException e) { // the unique account id: another first save won
                if (find(next.accountId()).isPresent()) return Optional.empty();
                throw e;
            }
        }
        return ao.inTransaction(() -> {
            PostingSlotsEntity[] rows = ao.find(PostingSlotsEntity.class, Query.select().where("ACCOUNT_ID = ?", next.accountId()));
            if (rows.length == 0 || rows[0].getScheduleVersion() != expectedVersion) return Optional.empty();
            PostingSlotsEntity r = rows[0];
            r.setZoneId(next.zone().getId());
            r.setSlots(slots);
            r.setMinSpacingMinutes((int) next.minSpacing().toMinutes());
            r.setGapDays(next.gapDays());
            r.setScheduleVersion(expectedVersion + 1);
            r.save();
            return Optional.of(read(r));
        });
    }

    private static PostingSchedule read(PostingSlotsEntity r) {
        List<PostingSlot> slots = r.getSlots() == null || r.getSlots().isBlank() ? List.of()
                : Arrays.stream(r.getSlots().split(",")).map(PostingSlot::parse).flatMap(Optional::stream).toList();
        return new PostingSchedule(r.getAccountId(), ZoneId.of(r.getZoneId()), slots, Duration.ofMinutes(r.getMinSpacingMinutes()), r.getGapDays(),
                r.getScheduleVersion());
    }
}
