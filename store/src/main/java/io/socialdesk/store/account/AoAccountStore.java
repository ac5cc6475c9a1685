package io.socialdesk.store.account;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.AccountStore;
import io.socialdesk.core.account.Network;
import io.socialdesk.store.ao.AoAccess;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.java.ao.Query;

/** {@link AccountStore} over Active Objects. */
public final class AoAccountStore implements AccountStore {
    private final AoAccess ao;

    public AoAccountStore(AoAccess ao) {
        this.ao = ao;
    }

    @Override
    public Account add(Network network, String handle, String displayName) {
        AccountEntity e = ao.create(AccountEntity.class, Map.of(
                "NETWORK", network.name(), "HANDLE", handle, "DISPLAY_NAME", displayName, "CONNECTED", false));
        return toAccount(e);
    }

    @Override
    public List<Account> list() {
        return Arrays.stream(ao.find(AccountEntity.class, Query.select().order("NETWORK ASC, HANDLE ASC")))
                .map(AoAccountStore::toAccount)
                .toList();
    }

    private static Account toAccount(AccountEntity e) {
        return new Account(e.getID(), Network.valueOf(e.getNetwork()), e.getHandle(), e.getDisplayName(), e.isConnected());
    }
}
