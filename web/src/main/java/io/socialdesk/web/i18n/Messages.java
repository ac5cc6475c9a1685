package io.socialdesk.web.i18n;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The shared English and French bundles, formatted as Jira's {@code I18nResolver} does (every text through
 * MessageFormat, so {@code ''} is an apostrophe with or without arguments). A missing key shows itself rather than
 * breaking a page. Used by the server's templates and where the REST API answers words for a page.
 */
public final class Messages {
    public static final String BUNDLE = "io.socialdesk.web.i18n.socialdesk";

    private final ResourceBundle bundle;
    private final Locale locale;
    /** An instance serves one page or request (one thread), so its formats may be kept: a calendar page asks for the same texts thousands of times. */
    private final Map<String, MessageFormat> formats = new HashMap<>();

    public Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** A language tag from a page ({@code fr}, {@code fr-FR}); English for null, blank or malformed. */
    public static Messages of(String languageTag) {
        Locale locale = languageTag == null || languageTag.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(languageTag.strip());
        return new Messages(locale.getLanguage().isEmpty() ? Locale.ENGLISH : locale);
    }

    public String getText(String key, Object... arguments) {
        MessageFormat format = formats.get(key);
        if (format == null) {
            try {
                format = new MessageFormat(bundle.getString(key), locale);
            } catch (MissingResourceException e) {
                return key;
            }
            formats.put(key, format);
        }
        return format.format(arguments);
    }

    public Locale locale() {
        return locale;
    }
}
