package io.socialdesk.server.notification;

import io.socialdesk.core.notification.Notice;
import java.util.Locale;

/** The i18n keys that say what a notice is about, shared by the in-app list and the e-mails. */
public final class NoticeTexts {
    private NoticeTexts() {}

    /** {@code socialdesk.notice.review_requested} and so on; arguments: the actor's name, the item key. */
    public static String headlineKey(Notice.Kind kind) {
        return "socialdesk.notice." + kind.name().toLowerCase(Locale.ROOT);
    }
}
