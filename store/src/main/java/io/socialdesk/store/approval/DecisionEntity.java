package io.socialdesk.store.approval;

import net.java.ao.Preload;
import java.util.Date;
import net.java.ao.Entity;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/** One recorded review decision, bound to the content hash it was made on. Rows are only ever inserted. */
@Preload
@Table("APPROVAL_DECISION")
public interface DecisionEntity extends Entity {
    @NotNull
    @Indexed
    long getPostId();
    void setPostId(long postId);

    @NotNull
    String getApproverKey();
    void setApproverKey(String approverKey);

    @NotNull
    String getDepartment();
    void setDepartment(String department);

    @NotNull
    String getKind();
    void setKind(String kind);

    @StringLength(StringLength.UNLIMITED)
    String getReason();
    void setReason(String reason);

    @NotNull
    String getContentHash();
    void setContentHash(String contentHash);

    @NotNull
    Date getDecidedAt();
    void setDecidedAt(Date decidedAt);
}
