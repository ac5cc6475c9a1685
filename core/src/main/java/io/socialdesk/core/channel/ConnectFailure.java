package io.socialdesk.core.channel;

/**
 * Connecting an account did not work. The message is for the person connecting it and never holds a
 * secret; {@code rule} names the cause for the REST answer (for example {@code invalid-credentials},
 * {@code network-unreachable}, {@code address-not-allowed}).
 */
public final class ConnectFailure extends Exception {
    private final String rule;

    public ConnectFailure(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
