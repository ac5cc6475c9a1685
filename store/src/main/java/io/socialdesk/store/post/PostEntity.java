package io.socialdesk.store.post;

import java.util.Date;
import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * A post's content, keyed by its tracked item (the Jira issue, or the server's item). The planned
 * time is kept as the author wrote it (local time + zone) and as the instant it names, which is
 * what queries sort and filter on.
 */
@Preload
@Table("POST")
public interface PostEntity extends Entity {
    @NotNull
    @Indexed
    long getItemId();
    void setItemId(long itemId);

    @NotNull
    String getItemKey();
    void setItemKey(String itemKey);

    @StringLength(StringLength.UNLIMITED)
    String getItemUrl();
    void setItemUrl(String itemUrl);

    @NotNull
    String getTitle();
    void setTitle(String title);

    @StringLength(StringLength.UNLIMITED)
    String getText();
    void setText(String text);

    /** ISO local date-time, e.g. 2026-12-01T09:00. */
    @NotNull
    String getPlannedLocal();
    void setPlannedLocal(String plannedLocal);

    @NotNull
    String getZoneId();
    void setZoneId(String zoneId);

    @NotNull
    @Indexed
    Date getPlannedAt();
    void setPlannedAt(Date plannedAt);

    @NotNull
    @Indexed
    String getState();
    void setState(String state);

    @NotNull
    String getAuthorKey();
    void setAuthorKey(String authorKey);

    @NotNull
    Date getCreatedAt();
    void setCreatedAt(Date createdAt);

    /** 1 when created, one more at each saved edit; {@link PostRevisionEntity} guards it. */
    int getRevision();
    void setRevision(int revision);

    String getUpdatedBy();
    void setUpdatedBy(String updatedBy);

    Date getUpdatedAt();
    void setUpdatedAt(Date updatedAt);

    @StringLength(StringLength.UNLIMITED)
    String getFirstComment();
    void setFirstComment(String firstComment);

    /** Space-separated, without '#'. */
    @StringLength(StringLength.UNLIMITED)
    String getHashtags();
    void setHashtags(String hashtags);

    String getUtmMedium();
    void setUtmMedium(String utmMedium);

    String getUtmCampaign();
    void setUtmCampaign(String utmCampaign);

    String getUtmContent();
    void setUtmContent(String utmContent);

    @Indexed
    String getCampaign();
    void setCampaign(String campaign);

    String getLanguage();
    void setLanguage(String language);

    /** Comma-separated account ids, in the author's order. */
    @StringLength(StringLength.UNLIMITED)
    String getAccountIds();
    void setAccountIds(String accountIds);
}
