package io.socialdesk.store.post;

import io.socialdesk.core.post.PlannedTime;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostQuery;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.post.PostStore;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.store.ao.AoAccess;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.java.ao.Query;

/** {@link PostStore} over Active Objects. */
public final class AoPostStore implements PostStore {
    private final AoAccess ao;

    public AoPostStore(AoAccess ao) {
        this.ao = ao;
    }

    @Override
    public Post create(TrackedItem item, String title, String text, PlannedTime planned, PostState state, String authorKey,
            Instant createdAt) {
        Map<String, Object> values = new HashMap<>();
        values.put("ITEM_ID", item.id());
        values.put("ITEM_KEY", item.key());
        values.put("ITEM_URL", item.url());
        values.put("TITLE", title);
        values.put("TEXT", text);
        values.put("PLANNED_LOCAL", planned.local().toString());
        values.put("ZONE_ID", planned.zone().getId());
        values.put("PLANNED_AT", Date.from(planned.instant()));
        values.put("STATE", state.name());
        values.put("AUTHOR_KEY", authorKey);
        values.put("CREATED_AT", Date.from(createdAt));
        return toPost(ao.create(PostEntity.class, values));
    }

    @Override
    public Optional<Post> find(long id) {
        if (id < 1 || id > Integer.MAX_VALUE) return Optional.empty();
        return Optional.ofNullable(ao.get(PostEntity.class, (int) id)).map(AoPostStore::toPost);
    }

    @Override
    public List<Post> list(PostQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        query.from().ifPresent(from -> {
            conditions.add("PLANNED_AT >= ?");
            parameters.add(Date.from(from));
        });
        query.to().ifPresent(to -> {
            conditions.add("PLANNED_AT < ?");
            parameters.add(Date.from(to));
        });
        Query select = Query.select().order("PLANNED_AT ASC, ID ASC").limit(query.limit());
        if (!conditions.isEmpty()) select = select.where(String.join(" AND ", conditions), parameters.toArray());
        return Arrays.stream(ao.find(PostEntity.class, select)).map(AoPostStore::toPost).toList();
    }

    @Override
    public int count() {
        return ao.count(PostEntity.class, Query.select());
    }

    private static Post toPost(PostEntity e) {
        return new Post(
                e.getID(),
                new TrackedItem(e.getItemId(), e.getItemKey(), e.getItemUrl() == null ? "" : e.getItemUrl()),
                e.getTitle(),
                e.getText() == null ? "" : e.getText(),
                new PlannedTime(LocalDateTime.parse(e.getPlannedLocal()), ZoneId.of(e.getZoneId())),
                PostState.valueOf(e.getState()),
                e.getAuthorKey(),
                e.getCreatedAt().toInstant());
    }
}
