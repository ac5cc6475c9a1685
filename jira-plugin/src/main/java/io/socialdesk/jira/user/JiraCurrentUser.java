package io.socialdesk.jira.user;

import com.atlassian.jira.permission.GlobalPermissionKey;
import com.atlassian.jira.security.GlobalPermissionManager;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.security.groups.GroupManager;
import com.atlassian.jira.timezone.TimeZoneManager;
import com.atlassian.jira.user.ApplicationUser;
import io.socialdesk.core.user.CurrentUser;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * The signed-in Jira user as Social Desk sees them. Roles come from Jira groups named
 * {@code socialdesk-<role>} (e.g. {@code socialdesk-marketing-author}), so that Jira admins manage
 * them where they manage every other group; Jira administrators are also Social Desk admins.
 * The zone is the one the user chose in their Jira profile.
 */
@Named
public final class JiraCurrentUser implements CurrentUser {
    public static final String GROUP_PREFIX = "socialdesk-";

    private final JiraAuthenticationContext authentication;
    private final GroupManager groups;
    private final GlobalPermissionManager globalPermissions;
    private final TimeZoneManager timeZones;

    @Inject
    public JiraCurrentUser(JiraAuthenticationContext authentication, GroupManager groups,
            GlobalPermissionManager globalPermissions, TimeZoneManager timeZones) {
        this.authentication = authentication;
        this.groups = groups;
        this.globalPermissions = globalPermissions;
        this.timeZones = timeZones;
    }

    @Override
    public Optional<User> get() {
        ApplicationUser user = authentication.getLoggedInUser();
        if (user == null) return Optional.empty();
        return Optional.of(asUser(user));
    }

    /** Any Jira user as Social Desk sees them, e.g. the one taking a workflow transition. */
    public User asUser(ApplicationUser user) {
        return new User(user.getKey(), user.getDisplayName(), rolesOf(user), zoneOf(user));
    }

    /** Locale for pages; Jira's, which follows the user's profile. */
    public Locale locale() {
        Locale locale = authentication.getLocale();
        return locale == null ? Locale.ENGLISH : locale;
    }

    private Set<Role> rolesOf(ApplicationUser user) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : groups.getGroupNamesForUser(user)) {
            roleOfGroup(group).ifPresent(roles::add);
        }
        if (globalPermissions.hasPermission(GlobalPermissionKey.ADMINISTER, user)) roles.add(Role.ADMIN);
        return roles;
    }

    /** Jira keeps group names lower case; a group that names no role is ignored. */
    static Optional<Role> roleOfGroup(String group) {
        String name = group.toLowerCase(Locale.ROOT);
        if (!name.startsWith(GROUP_PREFIX)) return Optional.empty();
        String slug = name.substring(GROUP_PREFIX.length());
        for (Role role : Role.values()) {
            if (role.slug().equals(slug)) return Optional.of(role);
        }
        return Optional.empty();
    }

    private ZoneId zoneOf(ApplicationUser user) {
        TimeZone zone = timeZones.getTimeZoneforUser(user);
        if (zone == null) zone = timeZones.getDefaultTimezone();
        return zone == null ? ZoneId.of("UTC") : zone.toZoneId();
    }
}
