package io.socialdesk.server.tracker;

import java.util.Date;
import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * An item of the server's built-in tracker: what an issue is in Jira. A ticket of the social inbox also has its
 * department queue (what a project is in Jira; none: the server's one project, SD), its description, the route's
 * fields, whether it is resolved, and the ticket it follows. The key the inbox opened it with is in
 * the shared {@code TICKET_KEY} table.
 */
@Preload
@Table("TRACKER_ITEM")
public interface TrackerItemEntity extends Entity {
    @NotNull
    @Indexed
    String getKind();
    void setKind(String kind);

    @NotNull
    String getSummary();
    void setSummary(String summary);

    @NotNull
    String getReporter();
    void setReporter(String reporter);

    @NotNull
    Date getCreatedAt();
    void setCreatedAt(Date createdAt);

    @Indexed
    String getQueue();
    void setQueue(String queue);

    @StringLength(StringLength.UNLIMITED)
    String getDescription();
    void setDescription(String description);

    String getIssueType();
    void setIssueType(String type);

    String getComponent();
    void setComponent(String component);

    String getPriority();
    void setPriority(String priority);

    String getLabels();
    void setLabels(String labels);

    String getAssignee();
    void setAssignee(String assignee);

    Date getResolvedAt();
    void setResolvedAt(Date at);

    String getFollowsKey();
    void setFollowsKey(String key);
}
