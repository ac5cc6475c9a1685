package io.socialdesk.jira.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;
import com.atlassian.jira.config.IssueTypeManager;
import com.atlassian.jira.issue.issuetype.IssueType;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SocialDeskIssueTypesTest {
    private final IssueTypeManager issueTypes = mock(IssueTypeManager.class);
    private final ClusterLockService locks = mock(ClusterLockService.class);
    private final ClusterLock lock = mock(ClusterLock.class);
    private final SocialDeskIssueTypes setup = new SocialDeskIssueTypes(issueTypes, locks);

    @BeforeEach
    void lockIsFree() {
        when(locks.getLockForName(SocialDeskIssueTypes.LOCK)).thenReturn(lock);
        when(lock.tryLock()).thenReturn(true);
    }

    @Test
    void createsOnlyTheMissingTypes() {
        IssueType post = mock(IssueType.class);
        when(post.getName()).thenReturn("Social post");
        when(issueTypes.getIssueTypes()).thenReturn(List.of(post));

        assertThat(setup.ensureExist()).containsExactly("Social mention", "Social account");
        verify(issueTypes).createIssueType("Social mention",
                "A mention, reply or message from a social network, routed to a department.", null);
        verify(issueTypes).createIssueType("Social account",
                "A social account whose connection ends soon or was revoked: its owner reconnects it in Social Desk.", null);
        verify(lock).unlock();
    }

    @Test
    void leavesItToTheNodeHoldingTheLock() {
        when(lock.tryLock()).thenReturn(false);
        assertThat(setup.ensureExist()).isEmpty();
        verify(issueTypes, never()).createIssueType(anyString(), anyString(), any());
    }
}
