package io.socialdesk.store.approval;

import net.java.ao.Preload;
import net.java.ao.Entity;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * A project's approval policy: a few columns, and the department rules and content rules as text
 * (the format of {@code io.socialdesk.core.approval.PolicyText}).
 */
@Preload
@Table("APPROVAL_POLICY")
public interface PolicyEntity extends Entity {
    @NotNull
    @Unique
    String getProjectKey();
    void setProjectKey(String projectKey);

    @NotNull
    String getOrdering();
    void setOrdering(String ordering);

    @NotNull
    boolean isKeepOnReschedule();
    void setKeepOnReschedule(boolean keepOnReschedule);

    @StringLength(StringLength.UNLIMITED)
    String getDepartments();
    void setDepartments(String departments);

    @StringLength(StringLength.UNLIMITED)
    String getRules();
    void setRules(String rules);
}
