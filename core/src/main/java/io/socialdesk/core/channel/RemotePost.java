package io.socialdesk.core.channel;

import java.util.Objects;

/**
 * A post on the network: its id there (a Bluesky AT-URI, an X post id, a LinkedIn URN…), the URL a
 * person opens, and Bluesky's content id (needed to reply), null elsewhere.
 */
public record RemotePost(String id, String url, String cid) {
    public RemotePost {
        Objects.requireNonNull(id, "id");
    }

    public static RemotePost of(String id, String url) {
        return new RemotePost(id, url, null);
    }
}
