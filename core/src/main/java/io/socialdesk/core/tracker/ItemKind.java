package io.socialdesk.core.tracker;

/** The kinds of tracked item Social Desk opens. In Jira each maps to an issue type. */
public enum ItemKind {
    /** A post to publish: issue type "Social post". */
    SOCIAL_POST,
    /** A mention, reply or message from a network, routed to a department. */
    MENTION,
    /** A social account whose connection ends soon or was revoked: its owner must reconnect it. Issue type "Social account". */
    ACCOUNT
}
