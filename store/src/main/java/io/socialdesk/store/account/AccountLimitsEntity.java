package io.socialdesk.store.account;

import net.java.ao.Preload;
import java.util.Date;
import net.java.ao.Entity;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/** The limits a network published for one account (null columns: the network does not say). */
@Preload
@Table("ACCOUNT_LIMITS")
public interface AccountLimitsEntity extends Entity {
    @NotNull
    @Unique
    long getAccountId();
    void setAccountId(long accountId);

    Integer getMaxCharacters();
    void setMaxCharacters(Integer value);

    Integer getCharsPerUrl();
    void setCharsPerUrl(Integer value);

    Integer getMaxMedia();
    void setMaxMedia(Integer value);

    Long getMaxImageBytes();
    void setMaxImageBytes(Long value);

    Integer getQuota();
    void setQuota(Integer value);

    Integer getQuotaUsed();
    void setQuotaUsed(Integer value);

    @NotNull
    Date getRecordedAt();
    void setRecordedAt(Date at);
}
