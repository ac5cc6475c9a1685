package io.socialdesk.core.secret;

/**
 * A stored secret could not be read (changed, moved to another row, or sealed with a key that is not
 * loaded), or a key could not be loaded. The message names what the value belongs to and never holds
 * the value or the key.
 */
public final class SecretException extends RuntimeException {
    public SecretException(String message) {
        super(message);
    }

    public SecretException(String message, Throwable cause) {
        super(message, cause);
    }
}
