package io.socialdesk.channel.rules;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.AccountStore;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.NetworkLimits;
import io.socialdesk.core.post.PostContent;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The validation options of a post from the limits its target accounts' networks published: the smallest
 * {@code max_characters} and the largest URL reservation among its Mastodon instances (the post must fit
 * every one of them). Accounts never checked, and other networks, leave the rules table's defaults.
 */
public final class InstanceLimits implements Function<PostContent, ValidationOptions> {
    private final AccountStore accounts;

    public InstanceLimits(AccountStore accounts) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    @Override
    public ValidationOptions apply(PostContent content) {
        ValidationOptions options = ValidationOptions.DEFAULTS;
        for (long id : content.accountIds()) {
            Optional<NetworkLimits> limits = accounts.find(id).filter(a -> a.network() == Network.MASTODON).map(Account::id)
                    .flatMap(accounts::limits);
            if (limits.isEmpty()) continue;
            Integer max = limits.get().maxCharacters();
            if (max != null && max > 0 && (options.instanceLimit().isEmpty() || max < options.instanceLimit().getAsInt())) {
                options = options.withInstanceLimit(max);
            }
            Integer perUrl = limits.get().charactersPerUrl();
            if (perUrl != null && perUrl >= 0 && (options.urlReservation().isEmpty() || perUrl > options.urlReservation().getAsInt())) {
                options = options.withUrlReservation(perUrl);
            }
        }
        return options;
    }
}
