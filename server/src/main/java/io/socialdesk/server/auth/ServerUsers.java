package io.socialdesk.server.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import io.socialdesk.store.ao.AoAccess;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.java.ao.Query;

/** The server's own users: add, list, and check a password. Passwords are hashed with bcrypt. */
public final class ServerUsers {
    public static final int MIN_PASSWORD_LENGTH = 8;
    public static final Set<String> LANGUAGES = Set.of("en", "fr");
    /** One address, no display name, no spaces or angle brackets: it goes into a mail header as is. */
    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>,;\"]{1,64}@[^\\s@<>,;\"]+\\.[^\\s@<>,;\".]{2,}");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");
    private static final int BCRYPT_COST = 11;
    /** Checked when the user does not exist, so a wrong name takes as long as a wrong password. */
    private static final byte[] DUMMY_HASH = BCrypt.withDefaults().hash(BCRYPT_COST, "not a password".toCharArray());

    private final AoAccess ao;

    public ServerUsers(AoAccess ao) {
        this.ao = ao;
    }

    /** What {@code socialdesk user add} and the demo send. */
    public record NewUser(String username, String displayName, Set<Role> roles, String zone, String language, String password, String email) {
        public NewUser(String username, String displayName, Set<Role> roles, String zone, String language, String password) {
            this(username, displayName, roles, zone, language, password, null);
        }
    }

    public ServerUser add(NewUser request) {
        List<FieldProblem> problems = new ArrayList<>();
        String username = request.username() == null ? "" : request.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            problems.add(new FieldProblem("username", "username-format",
                    "The user name must be 2 to 40 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit"));
        } else if (find(username).isPresent()) {
            problems.add(new FieldProblem("username", "unique", "A user named " + username + " already exists"));
        }
        if (request.roles() == null || request.roles().isEmpty()) {
            problems.add(new FieldProblem("roles", "required", "Give the user at least one role"));
        }
        ZoneId zone = null;
        try {
            zone = ZoneId.of(request.zone() == null ? "UTC" : request.zone());
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("zone", "iana-zone", "The time zone must be an IANA zone id such as Europe/Paris"));
        }
        String language = request.language() == null ? "en" : request.language().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(language)) {
            problems.add(new FieldProblem("language", "supported-language", "The language must be en or fr"));
        }
        if (request.password() == null || request.password().length() < MIN_PASSWORD_LENGTH) {
            problems.add(new FieldProblem("password", "min-length",
                    "The password must have at least " + MIN_PASSWORD_LENGTH + " characters"));
        }
        String email = request.email() == null || request.email().isBlank() ? null : request.email().strip();
        if (email != null && !EMAIL.matcher(email).matches()) {
            problems.add(new FieldProblem("email", "email-format", "The e-mail address must look like name@example.org"));
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);

        String displayName = request.displayName() == null || request.displayName().isBlank() ? username : request.displayName().strip();
        Map<String, Object> values = new HashMap<>();
        values.put("USERNAME", username);
        values.put("DISPLAY_NAME", displayName);
        values.put("ROLES", request.roles().stream().map(Role::slug).sorted().collect(Collectors.joining(",")));
        values.put("ZONE_ID", zone.getId());
        values.put("LOCALE", language);
        values.put("PASSWORD_HASH", new String(BCrypt.withDefaults().hash(BCRYPT_COST, request.password().toCharArray()), StandardCharsets.US_ASCII));
        values.put("ACTIVE", true);
        if (email != null) values.put("EMAIL", email);
        return toServerUser(ao.create(UserEntity.class, values));
    }

    public Optional<ServerUser> find(String username) {
        if (username == null) return Optional.empty();
        UserEntity[] rows = ao.find(UserEntity.class, Query.select().where("USERNAME = ?", username));
        return rows.length == 0 ? Optional.empty() : Optional.of(toServerUser(rows[0]));
    }

    public List<ServerUser> list() {
        return Arrays.stream(ao.find(UserEntity.class, Query.select().order("USERNAME ASC"))).map(ServerUsers::toServerUser).toList();
    }

    /** The users holding a role, active or not (an inactive user cannot sign in to read what they are told). */
    public List<ServerUser> withRole(Role role) {
        return list().stream().filter(u -> u.user().has(role)).toList();
    }

    public int count() {
        return ao.count(UserEntity.class, Query.select());
    }

    /** The user when the password matches an active account; empty otherwise, whichever part was wrong. */
    public Optional<ServerUser> authenticate(String username, String password) {
        if (username == null || password == null) return Optional.empty();
        UserEntity[] rows = ao.find(UserEntity.class, Query.select().where("USERNAME = ?", username.strip()));
        byte[] hash = rows.length == 0 ? DUMMY_HASH : rows[0].getPasswordHash().getBytes(StandardCharsets.US_ASCII);
        boolean matches = BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
        if (rows.length == 0 || !matches || !rows[0].isActive()) return Optional.empty();
        return Optional.of(toServerUser(rows[0]));
    }

    private static ServerUser toServerUser(UserEntity e) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String slug : e.getRoles().split(",")) {
            if (!slug.isBlank()) roles.add(Role.parse(slug));
        }
        User user = new User(e.getUsername(), e.getDisplayName(), roles, ZoneId.of(e.getZoneId()));
        return new ServerUser(user, Locale.forLanguageTag(e.getLocale()), Optional.ofNullable(e.getEmail()).filter(a -> !a.isBlank()));
    }
}
