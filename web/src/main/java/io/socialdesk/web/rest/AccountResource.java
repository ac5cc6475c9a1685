package io.socialdesk.web.rest;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.AccountStore;
import io.socialdesk.core.user.CurrentUser;
import java.util.List;
import javax.inject.Inject;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** {@code /accounts}: the team's social accounts. Never shows credentials: the value holds none. */
@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {
    private final AccountStore accounts;
    private final CurrentUser currentUser;

    @Inject
    public AccountResource(AccountStore accounts, CurrentUser currentUser) {
        this.accounts = accounts;
        this.currentUser = currentUser;
    }

    @GET
    public List<AccountJson> list() {
        currentUser.require();
        return accounts.list().stream().map(AccountJson::of).toList();
    }

    public record AccountJson(long id, String network, String networkLabel, String handle, String displayName, boolean connected) {
        static AccountJson of(Account a) {
            return new AccountJson(a.id(), a.network().name(), a.network().label(), a.handle(), a.displayName(), a.connected());
        }
    }
}
