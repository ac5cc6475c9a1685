package io.socialdesk.core.account;

/** The networks and generic channels Social Desk publishes to. */
public enum Network {
    MASTODON("Mastodon"),
    BLUESKY("Bluesky"),
    X("X"),
    LINKEDIN("LinkedIn"),
    FACEBOOK("Facebook Page"),
    INSTAGRAM("Instagram"),
    THREADS("Threads"),
    WEBHOOK("Signed webhook");

    private final String label;

    Network(String label) {
        this.label = label;
    }

    /** The network's own name, as people write it. */
    public String label() {
        return label;
    }
}
