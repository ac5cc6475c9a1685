package io.socialdesk.store.inbox;

import java.util.Date;
import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * One imported item. {@code ITEM_KEY} is the synthetic unique key of (account, network, external id): AO has no
 * composite unique constraint, so the key is one column and its unique index is what makes a second insert of the
 * same item fail. {@code STATE} is WAITING until the item is on its conversation's ticket, then FILED.
 */
@Preload
@Table("INBOX_ITEM")
public interface InboxItemEntity extends Entity {
    @NotNull
    @Unique
    String getItemKey();
    void setItemKey(String key);

    // Not indexed: no query reads items by account (an index costs on every insert and in HSQLDB's log).
    @NotNull
    long getAccountId();
    void setAccountId(long id);

    @NotNull
    String getNetwork();
    void setNetwork(String network);

    @NotNull
    String getStream();
    void setStream(String stream);

    @NotNull
    @StringLength(StringLength.UNLIMITED)
    String getExternalId();
    void setExternalId(String id);

    String getKind();
    void setKind(String kind);

    @StringLength(StringLength.UNLIMITED)
    String getText();
    void setText(String text);

    Date getCreatedAt();
    void setCreatedAt(Date at);

    @NotNull
    @StringLength(StringLength.UNLIMITED)
    String getAuthorId();
    void setAuthorId(String id);

    String getAuthorHandle();
    void setAuthorHandle(String handle);

    String getAuthorName();
    void setAuthorName(String name);

    Long getAuthorFollowers();
    void setAuthorFollowers(Long followers);

    @StringLength(StringLength.UNLIMITED)
    String getAuthorUrl();
    void setAuthorUrl(String url);

    @StringLength(StringLength.UNLIMITED)
    String getUrl();
    void setUrl(String url);

    @StringLength(StringLength.UNLIMITED)
    String getParentId();
    void setParentId(String id);

    @StringLength(StringLength.UNLIMITED)
    String getRootId();
    void setRootId(String id);

    String getLanguage();
    void setLanguage(String language);

    @NotNull
    String getTriageLanguage();
    void setTriageLanguage(String language);

    @NotNull
    double getSentiment();
    void setSentiment(double sentiment);

    @NotNull
    String getUrgency();
    void setUrgency(String urgency);

    @NotNull
    double getSpam();
    void setSpam(double spam);

    // Not indexed: no query reads items by route.
    @NotNull
    String getRouteProject();
    void setRouteProject(String project);

    @StringLength(StringLength.UNLIMITED)
    String getRoute();
    void setRoute(String route);

    String getRouteRule();
    void setRouteRule(String rule);

    @StringLength(StringLength.UNLIMITED)
    String getRouteWhy();
    void setRouteWhy(String why);

    @NotNull
    @Indexed
    String getConversationKey();
    void setConversationKey(String key);

    @NotNull
    String getSource();
    void setSource(String source);

    @NotNull
    Date getImportedAt();
    void setImportedAt(Date at);

    String getChunkKey();
    void setChunkKey(String key);

    @NotNull
    @Indexed
    String getState();
    void setState(String state);

    Long getTicketId();
    void setTicketId(Long id);

    @Indexed
    String getTicketKey();
    void setTicketKey(String key);

    @StringLength(StringLength.UNLIMITED)
    String getTicketUrl();
    void setTicketUrl(String url);

    Date getFiledAt();
    void setFiledAt(Date at);
}
