package io.socialdesk.store.account;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.AccountStore;
import io.socialdesk.core.account.ConnectionExpiry;
import io.socialdesk.core.account.CredentialsText;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.AccountHealth;
import io.socialdesk.core.channel.Connected;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.channel.NetworkLimits;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotFoundException;
import io.socialdesk.core.secret.SecretBox;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.store.ao.AoAccess;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.Set;
import net.java.ao.Query;

/**
 * {@link AccountStore} over Active Objects. Credentials are sealed with the host's {@link SecretBox} (associated
 * data {@code account:<id>:credentials}) into {@link AccountSecretEntity}; nothing else reads that table.
 */
public final class AoAccountStore implements AccountStore {
    private final AoAccess ao;
    private final Supplier<SecretBox> secrets;
    private final Clock clock;

    public AoAccountStore(AoAccess ao, SecretBox box, Clock clock) {
        this(ao, () -> box, clock);
    }

    /** {@code secrets} is asked at each use, so a host may load its key lazily (Jira reads it from its home on first use). */
    public AoAccountStore(AoAccess ao, Supplier<SecretBox> secrets, Clock clock) {
        this.ao = ao;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public Account add(Network network, String handle, String displayName) {
        AccountEntity e = ao.create(AccountEntity.class, Map.of(
                "NETWORK", network.name(), "HANDLE", handle, "DISPLAY_NAME", displayName, "CONNECTED", false));
        return toAccount(e);
    }

    @Override
    public List<Account> list() {
        return ao.read(AccountEntity.class, Query.select().order("NETWORK ASC, HANDLE ASC, ID ASC")).stream()
                .map(AoAccountStore::toAccount)
                .toList();
    }

    /**
     * A read-only snapshot of the row, read anew at each call (the publishing engine asks once a round, so a removed or
     * disconnected account is seen at the next): no entity to save, which on the server spares AO's proxy and SQL rendering.
     */
    @Override
    public Optional<Account> find(long id) {
        if (id < 1 || id > Integer.MAX_VALUE) return Optional.empty();
        return ao.read(AccountEntity.class, Query.select().where("ID = ?", (int) id)).stream().findFirst().map(AoAccountStore::toAccount);
    }

    @Override
    public Account connect(Long accountId, Network network, URI instance, Connected connected, String ownerKey, Instant at) {
        return ao.inTransaction(() -> {
            AccountEntity e = target(accountId, network, instance, connected.remoteId(), connected.handle());
            e.setHandle(connected.handle());
            e.setDisplayName(connected.displayName());
            e.setRemoteId(connected.remoteId());
            e.setInstance(instance == null ? null : instance.toString());
            e.setConnected(true);
            if (e.getOwnerKey() == null || e.getOwnerKey().isBlank()) e.setOwnerKey(ownerKey);
            Credentials credentials = connected.credentials();
            e.setLastSuccessAt(Date.from(at));
            e.setLastCheckedAt(Date.from(at));
            e.setProblem(null);
            e.setProblemDetail(null);
            e.setTokenExpiresAt(date(ConnectionExpiry.of(credentials)));
            e.setScopes(String.join(" ", credentials.scopes().stream().sorted().toList()));
            e.setAttentionKey(null);
            e.setAttentionUrl(null);
            e.setAttentionId(null);
            e.save();
            storeCredentials(e.getID(), credentials, at);
            return toAccount(e);
        });
    }

    /** The row a connection goes into: the one named, else the same account on the network, else one set up by hand under that handle, else a new one. */
    private AccountEntity target(Long accountId, Network network, URI instance, String remoteId, String handle) {
        if (accountId != null) {
            AccountEntity e = row(accountId).orElseThrow(() -> new NotFoundException("No account with id " + accountId));
            if (!e.getNetwork().equals(network.name())) {
                throw new InvalidInputException("network", "same-network", "Account " + accountId + " is on " + Network.valueOf(e.getNetwork()).label()
                        + ", not " + network.label() + ".");
            }
            return e;
        }
        String instanceText = instance == null ? null : instance.toString();
        for (AccountEntity e : ao.find(AccountEntity.class, Query.select().where("NETWORK = ? AND REMOTE_ID = ?", network.name(), remoteId))) {
            if (java.util.Objects.equals(e.getInstance(), instanceText)) return e;
        }
        // An account set up by hand (no remote id yet) under the same handle is the one being connected.
        for (AccountEntity e : ao.find(AccountEntity.class, Query.select().where("NETWORK = ? AND REMOTE_ID IS NULL", network.name()).order("ID ASC"))) {
            if (e.getHandle().equalsIgnoreCase(handle) && java.util.Objects.equals(e.getInstance(), instanceText)) return e;
        }
        Map<String, Object> values = new HashMap<>();
        values.put("NETWORK", network.name());
        values.put("HANDLE", remoteId);
        values.put("DISPLAY_NAME", remoteId);
        values.put("CONNECTED", false);
        return ao.create(AccountEntity.class, values);
    }

    @Override
    public Optional<Credentials> credentials(long id) {
        List<AccountSecretEntity> rows = ao.read(AccountSecretEntity.class, Query.select().where("ACCOUNT_ID = ?", id));
        if (rows.isEmpty()) return Optional.empty();
        return Optional.of(CredentialsText.decode(secrets.get().open(rows.get(0).getCiphertext(), associatedData(id))));
    }

    @Override
    public void rotate(long id, Credentials fresh) {
        ao.inTransaction(() -> {
            AccountEntity e = row(id).orElseThrow(() -> new NotFoundException("No account with id " + id));
            e.setTokenExpiresAt(date(ConnectionExpiry.of(fresh)));
            if (!fresh.scopes().isEmpty()) e.setScopes(String.join(" ", fresh.scopes().stream().sorted().toList()));
            e.save();
            storeCredentials(id, fresh, clock.instant());
            return null;
        });
    }

    private void storeCredentials(long accountId, Credentials credentials, Instant at) {
        String sealed = secrets.get().seal(CredentialsText.encode(credentials), associatedData(accountId));
        AccountSecretEntity[] rows = ao.find(AccountSecretEntity.class, Query.select().where("ACCOUNT_ID = ?", accountId));
        if (rows.length == 0) {
            ao.create(AccountSecretEntity.class, Map.of("ACCOUNT_ID", accountId, "CIPHERTEXT", sealed, "UPDATED_AT", Date.from(at)));
        } else {
            rows[0].setCiphertext(sealed);
            rows[0].setUpdatedAt(Date.from(at));
            rows[0].save();
        }
    }

    @Override
    public void recordHealth(long id, AccountHealth health) {
        ao.inTransaction(() -> {
            AccountEntity e = row(id).orElseThrow(() -> new NotFoundException("No account with id " + id));
            e.setLastCheckedAt(Date.from(health.checkedAt()));
            if (health.usable()) {
                e.setLastSuccessAt(Date.from(health.checkedAt()));
                e.setProblem(null);
                e.setProblemDetail(null);
                if (health.handle() != null && !health.handle().isBlank()) e.setHandle(health.handle());
                if (!health.scopes().isEmpty()) e.setScopes(String.join(" ", health.scopes().stream().sorted().toList()));
                // A network's expiry counts only for a token nobody refreshes; else the credentials say when it ends.
                boolean refreshable = credentials(id).map(c -> c.refreshToken() != null).orElse(false);
                if (!refreshable && health.expiresAt() != null) e.setTokenExpiresAt(Date.from(health.expiresAt()));
            } else {
                e.setProblem(health.problem());
                e.setProblemDetail(health.detail());
                if ("revoked".equals(health.problem()) || "expired".equals(health.problem())) e.setConnected(false);
            }
            e.save();
            return null;
        });
    }

    @Override
    public void markAttention(long id, TrackedItem item) {
        AccountEntity e = row(id).orElseThrow(() -> new NotFoundException("No account with id " + id));
        e.setAttentionId(item == null ? null : item.id());
        e.setAttentionKey(item == null ? null : item.key());
        e.setAttentionUrl(item == null ? null : item.url());
        e.save();
    }

    @Override
    public void recordLimits(long id, NetworkLimits limits) {
        ao.inTransaction(() -> {
            AccountLimitsEntity[] rows = ao.find(AccountLimitsEntity.class, Query.select().where("ACCOUNT_ID = ?", id));
            AccountLimitsEntity e = rows.length > 0 ? rows[0]
                    : ao.create(AccountLimitsEntity.class, Map.of("ACCOUNT_ID", id, "RECORDED_AT", Date.from(clock.instant())));
            e.setMaxCharacters(limits.maxCharacters());
            e.setCharsPerUrl(limits.charactersPerUrl());
            e.setMaxMedia(limits.maxMedia());
            e.setMaxImageBytes(limits.maxImageBytes());
            e.setQuota(limits.quota());
            e.setQuotaUsed(limits.quotaUsed());
            e.setRecordedAt(Date.from(clock.instant()));
            e.save();
            return null;
        });
    }

    @Override
    public Optional<NetworkLimits> limits(long id) {
        List<AccountLimitsEntity> rows = ao.read(AccountLimitsEntity.class, Query.select().where("ACCOUNT_ID = ?", id));
        if (rows.isEmpty()) return Optional.empty();
        AccountLimitsEntity e = rows.get(0);
        return Optional.of(new NetworkLimits(e.getMaxCharacters(), e.getCharsPerUrl(), e.getMaxMedia(), e.getMaxImageBytes(), e.getQuota(),
                e.getQuotaUsed()));
    }

    @Override
    public void remove(long id) {
        ao.inTransaction(() -> {
            ao.delete(ao.find(AccountLimitsEntity.class, Query.select().where("ACCOUNT_ID = ?", id)));
            ao.delete(ao.find(AccountSecretEntity.class, Query.select().where("ACCOUNT_ID = ?", id)));
            row(id).ifPresent(ao::delete);
            return null;
        });
    }

    static String associatedData(long accountId) {
        return "account:" + accountId + ":credentials";
    }

    private Optional<AccountEntity> row(long id) {
        AccountEntity[] rows = ao.find(AccountEntity.class, Query.select().where("ID = ?", id));
        return rows.length == 0 ? Optional.empty() : Optional.of(rows[0]);
    }

    private static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }

    private static Instant instant(Date at) {
        return at == null ? null : at.toInstant();
    }

    private static Account toAccount(AccountEntity e) {
        String scopes = e.getScopes();
        Account.Health health = new Account.Health(instant(e.getLastSuccessAt()), instant(e.getLastCheckedAt()), e.getProblem(),
                e.getProblemDetail(), instant(e.getTokenExpiresAt()),
                scopes == null || scopes.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(scopes.strip().split("\\s+"))));
        TrackedItem attention = e.getAttentionKey() == null ? null
                : new TrackedItem(e.getAttentionId() == null ? 0 : e.getAttentionId(), e.getAttentionKey(),
                        e.getAttentionUrl() == null ? "" : e.getAttentionUrl());
        return new Account(e.getID(), Network.valueOf(e.getNetwork()), e.getHandle(), e.getDisplayName(), e.isConnected(),
                e.getInstance() == null ? null : URI.create(e.getInstance()), e.getRemoteId(), e.getOwnerKey(), health, attention);
    }
}
