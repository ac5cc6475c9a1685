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
 * One conversation of an account, keyed (uniquely) by its root's item key, or a flood's digest. {@code TICKET_KEY}
 * is empty while the ticket of its {@code GENERATION} is being opened; {@code PREVIOUS_*} name the ticket it
 * follows. {@code OPENED_AT} with {@code STREAM} and {@code DIGEST} is what the flood count reads.
 */
@Preload
@Table("INBOX_CONVERSATION")
public interface ConversationEntity extends Entity {
    @NotNull
    @Unique
    String getConversationKey();
    void setConversationKey(String key);

    @NotNull
    @Indexed
    long getAccountId();
    void setAccountId(long id);

    @NotNull
    String getNetwork();
    void setNetwork(String network);

    @NotNull
    String getStream();
    void setStream(String stream);

    @StringLength(StringLength.UNLIMITED)
    String getRootId();
    void setRootId(String id);

    @NotNull
    boolean isDigest();
    void setDigest(boolean digest);

    @NotNull
    String getRouteProject();
    void setRouteProject(String project);

    @StringLength(StringLength.UNLIMITED)
    String getRoute();
    void setRoute(String route);

    @NotNull
    int getGeneration();
    void setGeneration(int generation);

    Long getTicketId();
    void setTicketId(Long id);

    @Indexed
    String getTicketKey();
    void setTicketKey(String key);

    @StringLength(StringLength.UNLIMITED)
    String getTicketUrl();
    void setTicketUrl(String url);

    Long getPreviousId();
    void setPreviousId(Long id);

    String getPreviousKey();
    void setPreviousKey(String key);

    @StringLength(StringLength.UNLIMITED)
    String getPreviousUrl();
    void setPreviousUrl(String url);

    /** Counts the filings; raised at the start of each, which makes the row this filing's own until it commits (see AoInboxStore). */
    @NotNull
    int getFilings();
    void setFilings(int filings);

    @NotNull
    @Indexed
    Date getOpenedAt();
    void setOpenedAt(Date at);

    @NotNull
    Date getUpdatedAt();
    void setUpdatedAt(Date at);
}
