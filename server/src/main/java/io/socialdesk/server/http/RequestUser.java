package io.socialdesk.server.http;

import io.socialdesk.core.problem.NotSignedInException;
import io.socialdesk.core.user.CurrentUser;
import io.socialdesk.core.user.User;
import io.socialdesk.server.auth.ServerUser;
import java.util.Optional;

/**
 * {@link CurrentUser} for the server: the {@link AuthFilter} records who sent the request on the
 * request's thread, and clears it when the request ends.
 */
public final class RequestUser implements CurrentUser {
    /** Who sent the request, or why nobody is signed in. */
    public sealed interface Caller permits SignedIn, Anonymous, SessionEnded {}

    public record SignedIn(ServerUser user) implements Caller {}

    public record Anonymous() implements Caller {}

    public record SessionEnded() implements Caller {}

    private final ThreadLocal<Caller> caller = ThreadLocal.withInitial(Anonymous::new);

    void set(Caller value) {
        caller.set(value);
    }

    void clear() {
        caller.remove();
    }

    public Caller caller() {
        return caller.get();
    }

    public Optional<ServerUser> serverUser() {
        return caller.get() instanceof SignedIn signedIn ? Optional.of(signedIn.user()) : Optional.empty();
    }

    @Override
    public Optional<User> get() {
        return serverUser().map(ServerUser::user);
    }

    @Override
    public User require() {
        Caller current = caller.get();
        if (current instanceof SignedIn signedIn) return signedIn.user().user();
        if (current instanceof SessionEnded) throw new NotSignedInException("Your session has ended. Sign in again.");
        throw new NotSignedInException();
    }
}
