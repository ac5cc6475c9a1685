package io.socialdesk.web.account;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.problem.NotAllowedException;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;

/**
 * Who may do what with accounts. Admins may do everything. Marketing leads may connect new accounts (they
 * become their owners). An owner may check, reconnect and remove their own accounts. Only admins set the
 * OAuth clients and the account settings. Refusals say why.
 */
public final class AccountPermissions {
    private AccountPermissions() {}

    public static boolean mayConnect(User user) {
        return user.has(Role.ADMIN) || user.has(Role.MARKETING_LEAD);
    }

    public static boolean mayManage(User user, Account account) {
        return user.has(Role.ADMIN) || account.ownedBy(user.key());
    }

    /** Whether the accounts page is for them: admins, leads, and anyone who owns an account. */
    public static boolean maySeeAdminPage(User user, java.util.List<Account> accounts) {
        return mayConnect(user) || accounts.stream().anyMatch(a -> a.ownedBy(user.key()));
    }

    public static void requireConnect(User user) {
        if (!mayConnect(user)) {
            throw new NotAllowedException("Only an admin or a marketing lead may connect a new account; " + user.key() + " is neither.");
        }
    }

    /** {@code verb}: what they tried, e.g. "remove". */
    public static void requireManage(User user, Account account, String verb) {
        if (!mayManage(user, account)) {
            throw new NotAllowedException("Only an admin or the owner of " + account.label()
                    + (account.ownerKey() == null ? "" : " (" + account.ownerKey() + ")") + " may " + verb + " it.");
        }
    }

    public static void requireAdmin(User user, String what) {
        if (!user.has(Role.ADMIN)) throw new NotAllowedException("Only an admin may " + what + ".");
    }
}
