package io.socialdesk.jira.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.atlassian.jira.permission.GlobalPermissionKey;
import com.atlassian.jira.security.GlobalPermissionManager;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.security.groups.GroupManager;
import com.atlassian.jira.timezone.TimeZoneManager;
import com.atlassian.jira.user.ApplicationUser;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import java.time.ZoneId;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JiraCurrentUserTest {
    private final JiraAuthenticationContext authentication = mock(JiraAuthenticationContext.class);
    private final GroupManager groups = mock(GroupManager.class);
    private final GlobalPermissionManager permissions = mock(GlobalPermissionManager.class);
    private final TimeZoneManager timeZones = mock(TimeZoneManager.class);
    private final ApplicationUser amelie = mock(ApplicationUser.class);
    private final JiraCurrentUser currentUser = new JiraCurrentUser(authentication, groups, permissions, timeZones);

    @BeforeEach
    void signInAmelie() {
        when(authentication.getLoggedInUser()).thenReturn(amelie);
        when(amelie.getKey()).thenReturn("JIRAUSER10100");
        when(amelie.getDisplayName()).thenReturn("Amélie Martin");
        when(timeZones.getTimeZoneforUser(amelie)).thenReturn(TimeZone.getTimeZone("Europe/Paris"));
    }

    @Test
    void isAbsentWhenNobodyIsSignedIn() {
        when(authentication.getLoggedInUser()).thenReturn(null);
        assertThat(currentUser.get()).isEmpty();
    }

    @Test
    void takesRolesFromSocialDeskGroupsAndIgnoresOtherGroups() {
        when(groups.getGroupNamesForUser(amelie)).thenReturn(List.of(
                "jira-software-users", "socialdesk-marketing-author", "SocialDesk-Legal", "socialdesk-astronaut"));

        User user = currentUser.get().orElseThrow();

        assertThat(user.key()).isEqualTo("JIRAUSER10100");
        assertThat(user.displayName()).isEqualTo("Amélie Martin");
        assertThat(user.roles()).containsExactlyInAnyOrder(Role.MARKETING_AUTHOR, Role.LEGAL);
    }

    @Test
    void makesJiraAdministratorsSocialDeskAdmins() {
        when(groups.getGroupNamesForUser(amelie)).thenReturn(List.of("jira-administrators"));
        when(permissions.hasPermission(GlobalPermissionKey.ADMINISTER, amelie)).thenReturn(true);

        assertThat(currentUser.get().orElseThrow().roles()).containsExactly(Role.ADMIN);
    }

    @Test
    void usesTheZoneFromTheUsersJiraProfile() {
        when(groups.getGroupNamesForUser(amelie)).thenReturn(List.of());
        assertThat(currentUser.get().orElseThrow().zone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void fallsBackToJirasDefaultZone() {
        when(groups.getGroupNamesForUser(amelie)).thenReturn(List.of());
        when(timeZones.getTimeZoneforUser(amelie)).thenReturn(null);
        when(timeZones.getDefaultTimezone()).thenReturn(TimeZone.getTimeZone("America/New_York"));
        assertThat(currentUser.get().orElseThrow().zone()).isEqualTo(ZoneId.of("America/New_York"));
    }

    @Test
    void readsEveryRoleFromItsGroupName() {
        for (Role role : Role.values()) {
            assertThat(JiraCurrentUser.roleOfGroup("socialdesk-" + role.slug())).contains(role);
        }
    }
}
