package io.socialdesk.store.account;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.account.PendingConnections;
import io.socialdesk.core.secret.SecretBox;
import io.socialdesk.store.ao.AoAccess;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import net.java.ao.Query;

/** {@link PendingConnections} over Active Objects; the verifier sealed with associated data {@code pending:<state hash>:verifier}. */
public final class AoPendingConnections implements PendingConnections {
    private final AoAccess ao;
    private final Supplier<SecretBox> secrets;

    public AoPendingConnections(AoAccess ao, SecretBox box) {
        this(ao, () -> box);
    }

    /** {@code secrets} is asked at each use, so a host may load its key lazily (Jira reads it from its home on first use). */
    public AoPendingConnections(AoAccess ao, Supplier<SecretBox> secrets) {
        this.ao = ao;
        this.secrets = secrets;
    }

    @Override
    public void save(Pending p) {
        Map<String, Object> values = new HashMap<>();
        values.put("STATE_HASH", p.stateHash());
        values.put("USER_KEY", p.userKey());
        values.put("NETWORK", p.network().name());
        if (p.instance() != null) values.put("INSTANCE", p.instance().toString());
        values.put("REDIRECT_URI", p.redirect().toString());
        values.put("VERIFIER", secrets.get().seal(p.verifier(), associatedData(p.stateHash())));
        if (p.accountId() != null) values.put("ACCOUNT_ID", p.accountId());
        values.put("CREATED_AT", Date.from(p.createdAt()));
        values.put("EXPIRES_AT", Date.from(p.expiresAt()));
        ao.create(PendingConnectEntity.class, values);
    }

    @Override
    public Optional<Pending> find(String stateHash) {
        return row(stateHash).map(e -> new Pending(e.getStateHash(), e.getUserKey(), Network.valueOf(e.getNetwork()),
                e.getInstance() == null ? null : URI.create(e.getInstance()), secrets.get().open(e.getVerifier(), associatedData(e.getStateHash())),
                URI.create(e.getRedirectUri()), e.getAccountId(), e.getCreatedAt().toInstant(), e.getExpiresAt().toInstant(),
                e.getUsedAt() == null ? null : e.getUsedAt().toInstant()));
    }

    @Override
    public boolean markUsed(String stateHash, Instant at) {
        return ao.inTransaction(() -> {
            Optional<PendingConnectEntity> row = row(stateHash);
            if (row.isEmpty() || row.get().getUsedAt() != null) return false;
            row.get().setUsedAt(Date.from(at));
            row.get().save();
            return true;
        });
    }

    @Override
    public void purge(Instant before) {
        ao.delete(ao.find(PendingConnectEntity.class, Query.select().where("EXPIRES_AT < ?", Date.from(before))));
    }

    private Optional<PendingConnectEntity> row(String stateHash) {
        PendingConnectEntity[] rows = ao.find(PendingConnectEntity.class, Query.select().where("STATE_HASH = ?", stateHash));
        return rows.length == 0 ? Optional.empty() : Optional.of(rows[0]);
    }

    private static String associatedData(String stateHash) {
        return "pending:" + stateHash + ":verifier";
    }
}
