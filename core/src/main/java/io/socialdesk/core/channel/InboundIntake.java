package io.socialdesk.core.channel;

/**
 * Port: where a verified inbound item (a mention from the inbound webhook, later a webhook from a
 * network) goes. The hosts open a work item for it today; routing to a department is issue 6's.
 */
@FunctionalInterface
public interface InboundIntake {
    void accept(long accountId, Inbound item);

    /** A batch of verified items (one signed request): by default one at a time; the inbox takes them as one page. */
    default void acceptAll(long accountId, java.util.List<Inbound> items) {
        for (Inbound item : items) accept(accountId, item);
    }
}
