package io.socialdesk.store.ao;

/** The database refused or failed an operation. Never carries data values, so it is safe to log. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
