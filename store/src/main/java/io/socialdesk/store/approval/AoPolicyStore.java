package io.socialdesk.store.approval;

import io.socialdesk.core.approval.ApprovalPolicy;
import io.socialdesk.core.approval.PolicyStore;
import io.socialdesk.core.approval.PolicyText;
import io.socialdesk.store.ao.AoAccess;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import net.java.ao.Query;

/** {@link PolicyStore} over Active Objects: one row per project key. */
public final class AoPolicyStore implements PolicyStore {
    private final AoAccess ao;

    public AoPolicyStore(AoAccess ao) {
        this.ao = ao;
    }

    @Override
    public Optional<ApprovalPolicy> find(String projectKey) {
        PolicyEntity[] rows = ao.find(PolicyEntity.class, Query.select().where("PROJECT_KEY = ?", projectKey));
        if (rows.length == 0) return Optional.empty();
        PolicyEntity r = rows[0];
        return Optional.of(new ApprovalPolicy(r.getProjectKey(), PolicyText.departments(nonNull(r.getDepartments())),
                ApprovalPolicy.Ordering.valueOf(r.getOrdering()), r.isKeepOnReschedule(), PolicyText.rules(nonNull(r.getRules()))));
    }

    @Override
    public void save(ApprovalPolicy policy) {
        String departments = PolicyText.departments(policy.departments());
        String rules = PolicyText.rules(policy.rules());
        ao.inTransaction(() -> {
            PolicyEntity[] rows = ao.find(PolicyEntity.class, Query.select().where("PROJECT_KEY = ?", policy.projectKey()));
            if (rows.length == 0) {
                Map<String, Object> values = new HashMap<>();
                values.put("PROJECT_KEY", policy.projectKey());
                values.put("ORDERING", policy.ordering().name());
                values.put("KEEP_ON_RESCHEDULE", policy.keepApprovalsOnReschedule());
                values.put("DEPARTMENTS", departments);
                values.put("RULES", rules);
                ao.create(PolicyEntity.class, values);
            } else {
                PolicyEntity r = rows[0];
                r.setOrdering(policy.ordering().name());
                r.setKeepOnReschedule(policy.keepApprovalsOnReschedule());
                r.setDepartments(departments);
                r.setRules(rules);
                r.save();
            }
            return null;
        });
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
