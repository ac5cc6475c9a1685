package io.socialdesk.store.inbox;

import io.socialdesk.core.inbox.crisis.CrisisAlerts;
import io.socialdesk.store.ao.AoAccess;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.java.ao.Query;

/** {@link CrisisAlerts.Store} over Active Objects: one row per person (table {@code INBOX_CRISIS_ALERT}), replaced in one transaction. */
public final class AoCrisisAlerts implements CrisisAlerts.Store {
    private final AoAccess ao;

    public AoCrisisAlerts(AoAccess ao) {
        this.ao = ao;
    }

    @Override
    public List<String> recipients() {
        return Arrays.stream(ao.find(CrisisAlertEntity.class, Query.select().order("ID ASC"))).map(CrisisAlertEntity::getUserKey).toList();
    }

    @Override
    public void replace(List<String> userKeys) {
        ao.inTransaction(() -> {
            ao.delete(ao.find(CrisisAlertEntity.class, Query.select()));
            for (String key : userKeys) ao.create(CrisisAlertEntity.class, Map.of("USER_KEY", key));
            return null;
        });
    }
}
