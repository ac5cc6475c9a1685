package io.socialdesk.server.auth;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/** A server user. Only the server has these; Jira has its own. {@code USER} is reserved in SQL, hence the name. */
@Preload
@Table("APP_USER")
public interface UserEntity extends Entity {
    @NotNull
    @Unique
    String getUsername();
    void setUsername(String username);

    @NotNull
    String getDisplayName();
    void setDisplayName(String displayName);

    /** Role slugs separated by commas, e.g. {@code marketing-author,legal}. */
    @NotNull
    String getRoles();
    void setRoles(String roles);

    @NotNull
    String getZoneId();
    void setZoneId(String zoneId);

    @NotNull
    String getLocale();
    void setLocale(String locale);

    /** A bcrypt hash; the password itself is never stored. */
    @NotNull
    @StringLength(100)
    String getPasswordHash();
    void setPasswordHash(String passwordHash);

    /** Where notices are e-mailed; optional (added with notifications, so older rows have none). */
    String getEmail();
    void setEmail(String email);

    boolean isActive();
    void setActive(boolean active);
}
