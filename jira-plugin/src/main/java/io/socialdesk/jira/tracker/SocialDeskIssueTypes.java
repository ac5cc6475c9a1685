package io.socialdesk.jira.tracker;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;
import com.atlassian.jira.config.IssueTypeManager;
import io.socialdesk.core.tracker.ItemKind;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * Makes sure the issue types Social Desk opens ("Social post", "Social mention") exist, once per
 * cluster. Adding them to a project's issue type scheme stays an admin decision;
 * {@link JiraIssueTracker} says so clearly when one is missing from the project.
 */
@Named
public final class SocialDeskIssueTypes {
    static final String LOCK = "io.socialdesk.jira.issuetypes";

    private final IssueTypeManager issueTypes;
    private final ClusterLockService locks;

    @Inject
    public SocialDeskIssueTypes(IssueTypeManager issueTypes, ClusterLockService locks) {
        this.issueTypes = issueTypes;
        this.locks = locks;
    }

    /** @return the names of the types this call created (none when another node holds the lock) */
    public List<String> ensureExist() {
        ClusterLock lock = locks.getLockForName(LOCK);
        if (!lock.tryLock()) return List.of(); // another node is doing it right now
        try {
            List<String> created = new ArrayList<>();
            for (ItemKind kind : ItemKind.values()) {
                String name = JiraIssueTracker.issueTypeName(kind);
                boolean exists = issueTypes.getIssueTypes().stream().anyMatch(type -> name.equalsIgnoreCase(type.getName()));
                if (!exists) {
                    issueTypes.createIssueType(name, description(kind), null);
                    created.add(name);
                }
            }
            return created;
        } finally {
            lock.unlock();
        }
    }

    /** What Jira shows for the issue type. */
    public static String description(ItemKind kind) {
        return switch (kind) {
            case SOCIAL_POST -> "A post to publish on social networks, reviewed and approved in Jira.";
            case MENTION -> "A mention, reply or message from a social network, routed to a department.";
            case ACCOUNT -> "A social account whose connection ends soon or was revoked: its owner reconnects it in Social Desk.";
        };
    }
}
