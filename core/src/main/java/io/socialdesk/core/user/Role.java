package io.socialdesk.core.user;

/**
 * What a person does in Social Desk. On the server these are stored per user; in Jira they come
 * from project roles and groups.
 */
public enum Role {
    MARKETING_AUTHOR,
    MARKETING_LEAD,
    LEGAL,
    HR,
    SUPPORT_AGENT,
    ADMIN;

    /** Reads {@code marketing-author}, {@code MARKETING_AUTHOR} or {@code Marketing author} alike. */
    public static Role parse(String text) {
        String normal = text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Role.valueOf(normal);
    }

    /** The form used on the command line and in URLs, e.g. {@code marketing-author}. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
