package io.socialdesk.store.calendar;

import java.util.Date;
import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/** One of the team's key dates: a name, a rule in KeyDateRule's text form, a note, the project (empty: all). */
@Preload
@Table("KEY_DATE")
public interface KeyDateEntity extends Entity {
    String getProjectKey();
    void setProjectKey(String key);

    @NotNull
    String getName();
    void setName(String name);

    @NotNull
    String getRuleText();
    void setRuleText(String rule);

    @StringLength(StringLength.UNLIMITED)
    String getNote();
    void setNote(String note);

    String getCreatedBy();
    void setCreatedBy(String key);

    @NotNull
    Date getCreatedAt();
    void setCreatedAt(Date at);
}
