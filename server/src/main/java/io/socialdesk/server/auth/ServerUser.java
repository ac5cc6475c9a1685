package io.socialdesk.server.auth;

import io.socialdesk.core.user.User;
import java.util.Locale;

/** A server user as the host sees it: the core user plus the language pages are shown in. */
public record ServerUser(User user, Locale locale) {}
