package io.socialdesk.server.render;

import io.socialdesk.web.i18n.Messages;
import java.util.Locale;

/**
 * {@code $i18n} in the server's templates: the same {@code getText} calls as Jira's
 * {@code I18nResolver}, over the shared English and French bundles ({@link Messages}). A missing key shows itself
 * rather than breaking the page, and a test checks none is missing.
 */
public final class BundleI18n {
    public static final String BUNDLE = Messages.BUNDLE;

    private final Messages messages;

    public BundleI18n(Locale locale) {
        this.messages = new Messages(locale);
    }

    /** Like Jira, every text goes through MessageFormat, so {@code ''} is an apostrophe with or without arguments. */
    public String getText(String key) {
        return getText(key, new Object[0]);
    }

    public String getText(String key, Object... arguments) {
        return messages.getText(key, arguments);
    }

    public Locale getLocale() {
        return messages.locale();
    }
}
