package io.socialdesk.store.inbox;

import java.util.Date;
import net.java.ao.Entity;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * One saved version of the whole ordered routing rule list and default route, never updated: the text of
 * {@code io.socialdesk.core.inbox.routing.RoutingText}. {@code RULES_VERSION} is unique, so of two admins saving
 * the same version at once the database lets exactly one in (AO has no conditional UPDATE); the newest row is the
 * current rules, and the last few versions are kept as history.
 */
@Table("ROUTING_RULES")
public interface RoutingRulesEntity extends Entity {
    @NotNull
    @Unique
    int getRulesVersion();
    void setRulesVersion(int rulesVersion);

    @NotNull
    @StringLength(StringLength.UNLIMITED)
    String getRules();
    void setRules(String rules);

    @NotNull
    String getSavedBy();
    void setSavedBy(String savedBy);

    @NotNull
    Date getSavedAt();
    void setSavedAt(Date savedAt);
}
