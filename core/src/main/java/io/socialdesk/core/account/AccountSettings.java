package io.socialdesk.core.account;

import io.socialdesk.core.problem.InvalidInputException;
import java.util.Optional;

/**
 * Port: the host's settings for accounts. Whether people may connect accounts on private addresses (a
 * Mastodon instance or Bluesky PDS on the intranet; refused by default, against SSRF), and how many days
 * before a connection ends its owner is asked to reconnect it. Jira keeps them in its plugin settings (the
 * accounts page edits them); the server takes them from its command line.
 */
public interface AccountSettings {
    int DEFAULT_WARNING_DAYS = 7;
    int MAX_WARNING_DAYS = 90;

    boolean allowPrivateAddresses();

    int warningDays();

    /** Where they are set when not on the page (the server's command line), or empty when the page may change them. */
    Optional<String> setElsewhere();

    /** Stores new values; {@link InvalidInputException} naming the field for a bad one. */
    void save(boolean allowPrivateAddresses, int warningDays);

    static void check(int warningDays) {
        if (warningDays < 1 || warningDays > MAX_WARNING_DAYS) {
            throw new InvalidInputException("warningDays", "between-1-and-" + MAX_WARNING_DAYS,
                    "Warn between 1 and " + MAX_WARNING_DAYS + " days before a connection ends.");
        }
    }

    /** Settings fixed at start-up; {@code where} tells an admin how to change them. */
    static AccountSettings fixed(boolean allowPrivateAddresses, int warningDays, String where) {
        check(warningDays);
        return new AccountSettings() {
            @Override public boolean allowPrivateAddresses() { return allowPrivateAddresses; }
            @Override public int warningDays() { return warningDays; }
            @Override public Optional<String> setElsewhere() { return Optional.of(where); }

            @Override
            public void save(boolean allow, int days) {
                throw new InvalidInputException("allowPrivateAddresses", "set-at-start", "These settings are set when the server starts: " + where + ".");
            }
        };
    }
}
