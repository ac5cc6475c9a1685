package io.socialdesk.core.health;

/** Port: can the app reach its database right now, and which one is it. */
public interface DatabaseProbe {
    DatabaseStatus check();

    record DatabaseStatus(boolean up, String product, String detail) {}
}
