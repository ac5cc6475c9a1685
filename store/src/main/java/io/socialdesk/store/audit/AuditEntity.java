package io.socialdesk.store.audit;

import net.java.ao.Preload;
import java.util.Date;
import net.java.ao.Entity;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/** One audit event. Rows are only ever inserted: {@link AoAuditTrail} has no update or delete. */
@Preload
@Table("AUDIT_EVENT")
public interface AuditEntity extends Entity {
    @NotNull
    @Indexed
    long getPostId();
    void setPostId(long postId);

    @NotNull
    Date getOccurredAt();
    void setOccurredAt(Date occurredAt);

    @NotNull
    String getActor();
    void setActor(String actor);

    @NotNull
    String getKind();
    void setKind(String kind);

    String getContentHash();
    void setContentHash(String contentHash);

    String getFromState();
    void setFromState(String fromState);

    String getToState();
    void setToState(String toState);

    String getNetwork();
    void setNetwork(String network);

    @StringLength(StringLength.UNLIMITED)
    String getDetail();
    void setDetail(String detail);
}
