package io.socialdesk.core.post;

/** Campaign tags added to the post's links when it is sent (utm_source is the network). Empty parts are left out. */
public record Utm(String medium, String campaign, String content) {
    public static final Utm NONE = new Utm("", "", "");

    public Utm {
        medium = medium == null ? "" : medium;
        campaign = campaign == null ? "" : campaign;
        content = content == null ? "" : content;
    }

}
