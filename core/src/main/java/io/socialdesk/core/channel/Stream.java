package io.socialdesk.core.channel;

/** An inbound stream of an account. */
public enum Stream {
    MENTIONS, REPLIES, DIRECT_MESSAGES, COMMENTS
}
