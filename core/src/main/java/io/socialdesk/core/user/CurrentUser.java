package io.socialdesk.core.user;

import io.socialdesk.core.problem.NotSignedInException;
import java.util.Optional;

/** Port: who is making the current request. Jira reads its authentication context; the server its session. */
public interface CurrentUser {
    Optional<User> get();

    /** The signed-in user, or {@link NotSignedInException} (a 401 at the edge). */
    default User require() {
        return get().orElseThrow(NotSignedInException::new);
    }
}
