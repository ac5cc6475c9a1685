package io.socialdesk.store.audit;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.audit.AuditEvent;
import io.socialdesk.core.audit.AuditKind;
import io.socialdesk.core.audit.AuditTrail;
import io.socialdesk.core.post.PostState;
import io.socialdesk.store.ao.AoAccess;
import io.socialdesk.store.ao.InChunks;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.java.ao.Query;

/**
 * {@link AuditTrail} over Active Objects. Append-only by construction: this class inserts rows
 * and reads them, and has no method that updates or deletes one. Events are listed in insertion
 * order (by ID); times are kept to the millisecond.
 */
public final class AoAuditTrail implements AuditTrail {
    private final AoAccess ao;

    public AoAuditTrail(AoAccess ao) {
        this.ao = ao;
    }

    @Override
    public void append(AuditEvent e) {
        Map<String, Object> values = new HashMap<>();
        values.put("POST_ID", e.postId());
        values.put("OCCURRED_AT", Date.from(e.at()));
        values.put("ACTOR", e.actor());
        values.put("KIND", e.kind().name());
        e.contentHash().ifPresent(h -> values.put("CONTENT_HASH", h));
        e.fromState().ifPresent(s -> values.put("FROM_STATE", s.name()));
        e.toState().ifPresent(s -> values.put("TO_STATE", s.name()));
        e.network().ifPresent(n -> values.put("NETWORK", n.name()));
        values.put("DETAIL", e.detail());
        ao.insert(AuditEntity.class, values);
    }

    @Override
    public List<AuditEvent> list(long postId) {
        return ao.read(AuditEntity.class, Query.select().where("POST_ID = ?", postId).order("ID ASC")).stream().map(AoAuditTrail::event).toList();
    }

    @Override
    public Map<Long, List<AuditEvent>> listAll(Collection<Long> postIds) {
        return InChunks.byPost(ao, AuditEntity.class, postIds, AuditEntity::getPostId, AoAuditTrail::event);
    }

    @Override
    public Map<Long, List<AuditEvent>> listAll(Collection<Long> postIds, Set<AuditKind> kinds) {
        if (kinds.isEmpty()) {
            Map<Long, List<AuditEvent>> none = new HashMap<>();
            for (long id : postIds) none.put(id, List.of());
            return none;
        }
        Object[] names = kinds.stream().map(AuditKind::name).sorted().toArray();
        return InChunks.byPost(ao, AuditEntity.class, postIds, " AND KIND IN (" + "?, ".repeat(names.length - 1) + "?)", names,
                AuditEntity::getPostId, AoAuditTrail::event);
    }

    private static AuditEvent event(AuditEntity r) {
        return new AuditEvent(r.getPostId(), r.getOccurredAt().toInstant(), r.getActor(),
                AuditKind.valueOf(r.getKind()), Optional.ofNullable(r.getContentHash()),
                Optional.ofNullable(r.getFromState()).map(PostState::valueOf), Optional.ofNullable(r.getToState()).map(PostState::valueOf),
                Optional.ofNullable(r.getNetwork()).map(Network::valueOf), r.getDetail() == null ? "" : r.getDetail());
    }
}
