package io.socialdesk.store.approval;

import io.socialdesk.core.approval.Decision;
import io.socialdesk.core.approval.DecisionStore;
import io.socialdesk.core.approval.Department;
import io.socialdesk.store.ao.AoAccess;
import io.socialdesk.store.ao.InChunks;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.java.ao.Query;

/** {@link DecisionStore} over Active Objects: inserts only. Times are kept to the millisecond. */
public final class AoDecisionStore implements DecisionStore {
    private final AoAccess ao;

    public AoDecisionStore(AoAccess ao) {
        this.ao = ao;
    }

    @Override
    public void record(Decision d) {
        Map<String, Object> values = new HashMap<>();
        values.put("POST_ID", d.postId());
        values.put("APPROVER_KEY", d.approverKey());
        values.put("DEPARTMENT", d.department().name());
        values.put("KIND", d.kind().name());
        d.reason().ifPresent(r -> values.put("REASON", r));
        values.put("CONTENT_HASH", d.contentHash());
        values.put("DECIDED_AT", Date.from(d.at()));
        ao.create(DecisionEntity.class, values);
    }

    @Override
    public List<Decision> list(long postId) {
        return ao.read(DecisionEntity.class, Query.select().where("POST_ID = ?", postId).order("ID ASC")).stream().map(AoDecisionStore::decision).toList();
    }

    @Override
    public Map<Long, List<Decision>> listAll(Collection<Long> postIds) {
        return InChunks.byPost(ao, DecisionEntity.class, postIds, DecisionEntity::getPostId, AoDecisionStore::decision);
    }

    private static Decision decision(DecisionEntity r) {
        return new Decision(r.getPostId(), r.getApproverKey(), Department.valueOf(r.getDepartment()),
                Decision.Kind.valueOf(r.getKind()), Optional.ofNullable(r.getReason()), r.getContentHash(), r.getDecidedAt().toInstant());
    }
}
