package io.socialdesk.core.account;

import java.util.List;

/** Port: the team's social accounts. */
public interface AccountStore {
    Account add(Network network, String handle, String displayName);

    List<Account> list();
}
