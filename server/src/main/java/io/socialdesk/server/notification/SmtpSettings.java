package io.socialdesk.server.notification;

import java.util.Objects;
import java.util.Optional;

/**
 * Where notices are e-mailed from. The password comes from the environment, never from the command
 * line, and {@link #toString()} leaves it out so that no log line can carry it.
 */
public record SmtpSettings(String host, int port, Security security, String from, Optional<String> user, Optional<String> password) {
    public static final String PASSWORD_VARIABLE = "SOCIALDESK_SMTP_PASSWORD";

    /** How the connection is protected: STARTTLS required (port 587), TLS from the start (465), or none (a local relay). */
    public enum Security { STARTTLS, TLS, NONE }

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(from, "from");
        user = user.filter(u -> !u.isBlank());
        password = password.filter(p -> !p.isEmpty());
        if (port < 1 || port > 65535) throw new IllegalArgumentException("The SMTP port must be between 1 and 65535");
    }

    @Override
    public String toString() {
        return "SMTP " + host + ":" + port + " (" + security.name().toLowerCase(java.util.Locale.ROOT) + ")"
                + user.map(u -> " as " + u).orElse("") + ", from " + from;
    }
}
