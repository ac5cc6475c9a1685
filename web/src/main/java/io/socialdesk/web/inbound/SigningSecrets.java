package io.socialdesk.web.inbound;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.AccountStore;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.channel.InboundSecrets;
import java.util.Objects;
import java.util.Optional;

/**
 * The secret an automation signs its mentions with is the signing secret of a connected
 * {@link Network#WEBHOOK signed-webhook} account, kept encrypted with the account's other credentials:
 * one secret per source, entered when the account is connected, rotated by connecting it again.
 * Any other account has no inbound secret, so nothing can be posted in its name.
 */
public final class SigningSecrets implements InboundSecrets {
    private final AccountStore accounts;

    public SigningSecrets(AccountStore accounts) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    @Override
    public Optional<String> secretFor(long accountId) {
        return accounts.find(accountId)
                .filter(account -> account.network() == Network.WEBHOOK && account.connected())
                .flatMap(account -> accounts.credentials(account.id()))
                .map(Credentials::accessToken);
    }
}
