package io.socialdesk.server.notification;

import io.socialdesk.core.notification.Notice;
import java.time.Instant;

/** A notice as one recipient's in-app list holds it. */
public record InboxNotice(long id, String recipient, Notice.Kind kind, long postId, String itemKey, String itemUrl, String title,
        String actorKey, String detail, Instant createdAt, boolean read) {}
