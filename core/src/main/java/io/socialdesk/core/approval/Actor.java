package io.socialdesk.core.approval;

import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who makes a transition: a person, or the publishing engine itself ({@link #SYSTEM}). The
 * system actor holds no role; only it may make the engine's own transitions.
 */
public record Actor(String key, Set<Role> roles, boolean system) {
    /** The key under which the engine's own actions are recorded. */
    public static final String SYSTEM_KEY = "socialdesk:system";

    public static final Actor SYSTEM = new Actor(SYSTEM_KEY, Set.of(), true);

    public Actor {
        Objects.requireNonNull(key, "key");
        roles = Set.copyOf(roles);
    }

    public static Actor of(User user) {
        return new Actor(user.key(), user.roles(), false);
    }

    public static Actor person(String key, Set<Role> roles) {
        if (SYSTEM_KEY.equals(key)) throw new IllegalArgumentException("a person cannot use the system key");
        return new Actor(key, roles, false);
    }

    public boolean has(Role role) {
        return !system && roles.contains(role);
    }

    public Optional<String> personKey() {
        return system ? Optional.empty() : Optional.of(key);
    }
}
