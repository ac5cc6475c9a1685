package io.socialdesk.server.auth;

import io.socialdesk.core.user.User;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A server user as the host sees it: the core user, the language pages (and e-mails) are written
 * in, and the address notices are e-mailed to when the server has SMTP settings.
 */
public record ServerUser(User user, Locale locale, Optional<String> email) {
    public ServerUser {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(email, "email");
    }

    public ServerUser(User user, Locale locale) {
        this(user, locale, Optional.empty());
    }
}
