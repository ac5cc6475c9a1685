package io.socialdesk.core.user;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A person known to the host. {@code key} is the host's stable identifier (a Jira user key, or the
 * server's user name); {@code zone} is the person's time zone, in which dates are shown to them.
 */
public record User(String key, String displayName, Set<Role> roles, ZoneId zone) {
    public User {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(zone, "zone");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
