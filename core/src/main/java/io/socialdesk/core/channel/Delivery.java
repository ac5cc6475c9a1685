package io.socialdesk.core.channel;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One part of a post for one account. {@code key} is deterministic per (post, account, part) and is
 * the idempotency key wherever the network has one. {@code replyTo} is the part (or the post) this one
 * answers and {@code root} the first post of its thread, both null for a first part. {@code progress}
 * is what earlier attempts recorded (a Bluesky record key, a container id, uploaded media ids).
 */
public record Delivery(String key, String text, List<Attachment> media, RemotePost replyTo, RemotePost root, String language,
        Map<String, String> progress) {
    /**
     * Set in {@link #progress} when the delivery is a direct message rather than a public post: its value is the
     * recipient's id on the network. Only a connector whose {@link Channel#sendsDirectMessages} is true is given one.
     */
    public static final String DIRECT_TO = "socialdesk.directTo";
    /** Beside {@link #DIRECT_TO}: the recipient's handle on the network, for networks that address a person by it (Mastodon). */
    public static final String DIRECT_HANDLE = "socialdesk.directHandle";

    public Delivery {
        Objects.requireNonNull(key, "key");
        text = text == null ? "" : text;
        media = media == null ? List.of() : List.copyOf(media);
        progress = progress == null ? Map.of() : Map.copyOf(progress);
    }

    public static Delivery text(String key, String text) {
        return new Delivery(key, text, List.of(), null, null, null, Map.of());
    }

    public Delivery replyingTo(RemotePost parent, RemotePost threadRoot) {
        return new Delivery(key, text, media, parent, threadRoot == null ? parent : threadRoot, language, progress);
    }

    public Delivery withMedia(List<Attachment> attachments) {
        return new Delivery(key, text, attachments, replyTo, root, language, progress);
    }

    public Delivery withProgress(Map<String, String> recorded) {
        return new Delivery(key, text, media, replyTo, root, language, recorded);
    }

    public String progress(String name) {
        return progress.get(name);
    }
}
