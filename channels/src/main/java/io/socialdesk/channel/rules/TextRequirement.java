package io.socialdesk.channel.rules;

/** When a network refuses a post without text. */
public enum TextRequirement {
    /** Always: a webhook message, a LinkedIn or Facebook text post. */
    ALWAYS,
    /** Unless the post carries media: X, Bluesky, Mastodon, Threads. */
    UNLESS_MEDIA,
    /** Never: Instagram's caption is optional (its media is not). */
    NEVER
}
