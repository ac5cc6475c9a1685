package io.socialdesk.store.inbox;

import java.util.Date;
import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/** Where the import of one account's stream stands: {@code CURSOR_KEY} is "accountId:STREAM", unique. */
@Preload
@Table("INBOX_CURSOR")
public interface ImportCursorEntity extends Entity {
    @NotNull
    @Unique
    String getCursorKey();
    void setCursorKey(String key);

    @NotNull
    long getAccountId();
    void setAccountId(long id);

    @NotNull
    String getStream();
    void setStream(String stream);

    @StringLength(StringLength.UNLIMITED)
    String getCursorValue();
    void setCursorValue(String cursor);

    @NotNull
    Date getUpdatedAt();
    void setUpdatedAt(Date at);
}
