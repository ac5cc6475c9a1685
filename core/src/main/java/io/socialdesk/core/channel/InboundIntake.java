package io.socialdesk.core.channel;

/**
 * Port: where a verified inbound item (a mention from the inbound webhook, later a webhook from a
 * network) goes. The hosts open a work item for it today; routing to a department is issue 6's.
 */
@FunctionalInterface
public interface InboundIntake {
    void accept(long accountId, Inbound item);
}
