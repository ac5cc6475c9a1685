package io.socialdesk.core.account;

import io.socialdesk.core.channel.AccountHealth;
import io.socialdesk.core.channel.Channel;
import io.socialdesk.core.channel.ChannelAccount;
import io.socialdesk.core.channel.Channels;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.secret.SecretException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks an account's credentials against its network ({@link Channel#check}) and records what was found. The
 * health job checks every connected account this way; an owner's "check now" checks one.
 */
public final class AccountChecks {
    private final AccountStore accounts;
    private final Channels channels;
    private final Clock clock;

    public AccountChecks(AccountStore accounts, Channels channels, Clock clock) {
        this.accounts = accounts;
        this.channels = channels;
        this.clock = clock;
    }

    /** What a check did: the account as recorded after it, and whether the network was called (not when it asked us to wait). */
    public record Result(Account account, boolean called, Instant notBefore) {
    }

    /**
     * Checks the account unless its network asked us to wait ({@link Channel#nextAllowedAt}); a connector that
     * throws, or credentials that cannot be opened, are recorded as problems, never thrown.
     */
    public Result check(Account account) {
        Instant now = clock.instant();
        Optional<Channel> channel = channels.of(account.network());
        if (channel.isEmpty()) {
            accounts.recordHealth(account.id(), AccountHealth.problem(now, "no-connector",
                    "Social Desk has no connector for " + account.network().label() + " yet."));
            return new Result(reread(account), false, null);
        }
        Credentials credentials;
        try {
            Optional<Credentials> stored = accounts.credentials(account.id());
            if (stored.isEmpty()) {
                accounts.recordHealth(account.id(), AccountHealth.problem(now, "not-connected", "The account has no credentials: connect it."));
                return new Result(reread(account), false, null);
            }
            credentials = stored.get();
        } catch (SecretException e) {
            accounts.recordHealth(account.id(), AccountHealth.problem(now, Account.Health.UNREADABLE,
                    "The stored credentials cannot be read with the key loaded now: connect the account again, or load the key they were sealed with."));
            return new Result(reread(account), false, null);
        }
        ChannelAccount target = new ChannelAccount(account.id(), account.network(), account.handle(), account.instance(), account.remoteId(),
                credentials);
        Channel connector = channel.get();
        Instant allowed = safeNextAllowedAt(connector, target);
        if (allowed != null && allowed.isAfter(now)) return new Result(account, false, allowed);
        AccountHealth health;
        try {
            health = connector.check(target);
            if (health == null) health = AccountHealth.problem(now, "unreachable", "The connector gave no answer.");
        } catch (RuntimeException e) {
            // A connector must not throw; if one does, its message is not shown: it might quote a response.
            health = AccountHealth.problem(now, "unreachable", account.network().label() + " could not be checked (" + e.getClass().getSimpleName() + ").");
        }
        accounts.recordHealth(account.id(), health);
        if (health.usable()) {
            recordLimits(connector, target);
        }
        return new Result(reread(account), true, null);
    }

    /** The limits the network publishes for the account (a Mastodon instance's characters, a quota) feed the validation. */
    private void recordLimits(Channel connector, ChannelAccount target) {
        try {
            connector.limits(target).ifPresent(limits -> accounts.recordLimits(target.id(), limits));
        } catch (RuntimeException e) {
            // Limits are a refinement: without them the rules table's defaults apply.
        }
    }

    private static Instant safeNextAllowedAt(Channel connector, ChannelAccount target) {
        try {
            return connector.nextAllowedAt(target);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Account reread(Account account) {
        return accounts.find(account.id()).orElse(account);
    }
}
