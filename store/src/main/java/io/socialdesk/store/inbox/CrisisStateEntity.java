package io.socialdesk.store.inbox;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * One account's crisis detection: its usual level of negative mentions (the baseline's seven numbers), the open
 * crisis ticket, and the mentions waiting to be linked to it (tab-separated lines), so that a restart neither
 * forgets the usual level nor opens a second ticket for the spike it was in.
 */
@Preload
@Table("INBOX_CRISIS")
public interface CrisisStateEntity extends Entity {
    @NotNull
    @Unique
    String getAccountKey();
    void setAccountKey(String key);

    long getBucket();
    void setBucket(long bucket);

    int getWindowCount();
    void setWindowCount(int count);

    double getMean();
    void setMean(double mean);

    double getVariance();
    void setVariance(double variance);

    long getWindows();
    void setWindows(long windows);

    long getSpike();
    void setSpike(long spike);

    int getCalm();
    void setCalm(int calm);

    long getTicketId();
    void setTicketId(long id);

    String getTicketKey();
    void setTicketKey(String key);

    @StringLength(StringLength.UNLIMITED)
    String getTicketUrl();
    void setTicketUrl(String url);

    int getNegatives();
    void setNegatives(int negatives);

    int getLinked();
    void setLinked(int linked);

    @StringLength(StringLength.UNLIMITED)
    String getPending();
    void setPending(String pending);
}
