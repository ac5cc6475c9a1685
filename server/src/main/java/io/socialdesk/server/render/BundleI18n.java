package io.socialdesk.server.render;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * {@code $i18n} in the server's templates: the same {@code getText} calls as Jira's
 * {@code I18nResolver}, over the shared English and French bundles. A missing key shows itself
 * rather than breaking the page, and a test checks none is missing.
 */
public final class BundleI18n {
    public static final String BUNDLE = "io.socialdesk.web.i18n.socialdesk";

    private final ResourceBundle bundle;
    private final Locale locale;
    /** One per page render (one thread), so the formats may be kept: a calendar page asks for the same texts thousands of times. */
    private final Map<String, MessageFormat> formats = new HashMap<>();

    public BundleI18n(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Like Jira, every text goes through MessageFormat, so {@code ''} is an apostrophe with or without arguments. */
    public String getText(String key) {
        return getText(key, new Object[0]);
    }

    public String getText(String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        final String found = pattern;
        return formats.computeIfAbsent(key, k -> new MessageFormat(found, locale)).format(arguments);
    }

    public Locale getLocale() {
        return locale;
    }
}
