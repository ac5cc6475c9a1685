package io.socialdesk.store.account;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.account.OAuthClientStore;
import io.socialdesk.core.channel.OAuthClient;
import io.socialdesk.core.secret.SecretBox;
import io.socialdesk.store.ao.AoAccess;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import net.java.ao.Query;

/** {@link OAuthClientStore} over Active Objects; secrets sealed with associated data {@code oauth-client:<client key>}. */
public final class AoOAuthClientStore implements OAuthClientStore {
    private static final String CONFIGURED = "CONFIGURED";
    private static final String REGISTERED = "REGISTERED";

    private final AoAccess ao;
    private final Supplier<SecretBox> secrets;

    public AoOAuthClientStore(AoAccess ao, SecretBox box) {
        this(ao, () -> box);
    }

    /** {@code secrets} is asked at each use, so a host may load its key lazily (Jira reads it from its home on first use). */
    public AoOAuthClientStore(AoAccess ao, Supplier<SecretBox> secrets) {
        this.ao = ao;
        this.secrets = secrets;
    }

    @Override
    public Optional<OAuthClient> configured(Network network) {
        return row(key(CONFIGURED, network, null, null)).map(this::toClient);
    }

    @Override
    public void configure(Network network, String clientId, String clientSecret, String byUser, Instant at) {
        String key = key(CONFIGURED, network, null, null);
        ao.inTransaction(() -> {
            Optional<OAuthClientEntity> existing = row(key);
            String sealed;
            if (clientSecret != null && !clientSecret.isBlank()) {
                sealed = secrets.get().seal(clientSecret, associatedData(key));
            } else {
                sealed = existing.filter(e -> e.getClientId().equals(clientId)).map(OAuthClientEntity::getSecret).orElse(null);
            }
            save(existing, key, CONFIGURED, network, null, null, clientId, sealed, byUser, at);
            return null;
        });
    }

    @Override
    public void unconfigure(Network network) {
        row(key(CONFIGURED, network, null, null)).ifPresent(ao::delete);
    }

    @Override
    public Optional<OAuthClient> registered(Network network, URI instance, URI redirect) {
        return row(key(REGISTERED, network, instance, redirect)).map(this::toClient);
    }

    @Override
    public void register(Network network, OAuthClient client, URI redirect, Instant at) {
        String key = key(REGISTERED, network, client.instance(), redirect);
        ao.inTransaction(() -> {
            String sealed = client.clientSecret() == null ? null : secrets.get().seal(client.clientSecret(), associatedData(key));
            save(row(key), key, REGISTERED, network, client.instance(), redirect, client.clientId(), sealed, null, at);
            return null;
        });
    }

    @Override
    public List<ClientSummary> configuredClients() {
        return Arrays.stream(ao.find(OAuthClientEntity.class, Query.select().where("KIND = ?", CONFIGURED).order("NETWORK ASC")))
                .map(e -> new ClientSummary(Network.valueOf(e.getNetwork()), e.getClientId(), e.getSecret() != null, e.getUpdatedBy(),
                        e.getUpdatedAt().toInstant()))
                .toList();
    }

    private void save(Optional<OAuthClientEntity> existing, String key, String kind, Network network, URI instance, URI redirect, String clientId,
            String sealedSecret, String byUser, Instant at) {
        if (existing.isPresent()) {
            OAuthClientEntity e = existing.get();
            e.setClientId(clientId);
            e.setSecret(sealedSecret);
            e.setUpdatedBy(byUser);
            e.setUpdatedAt(Date.from(at));
            e.save();
            return;
        }
        Map<String, Object> values = new HashMap<>();
        values.put("CLIENT_KEY", key);
        values.put("KIND", kind);
        values.put("NETWORK", network.name());
        if (instance != null) values.put("INSTANCE", instance.toString());
        if (redirect != null) values.put("REDIRECT_URI", redirect.toString());
        values.put("CLIENT_ID", clientId);
        if (sealedSecret != null) values.put("SECRET", sealedSecret);
        if (byUser != null) values.put("UPDATED_BY", byUser);
        values.put("UPDATED_AT", Date.from(at));
        ao.create(OAuthClientEntity.class, values);
    }

    private OAuthClient toClient(OAuthClientEntity e) {
        String secret = e.getSecret() == null ? null : secrets.get().open(e.getSecret(), associatedData(e.getClientKey()));
        return new OAuthClient(e.getInstance() == null ? null : URI.create(e.getInstance()), e.getClientId(), secret);
    }

    private Optional<OAuthClientEntity> row(String key) {
        OAuthClientEntity[] rows = ao.find(OAuthClientEntity.class, Query.select().where("CLIENT_KEY = ?", key));
        return rows.length == 0 ? Optional.empty() : Optional.of(rows[0]);
    }

    private static String associatedData(String key) {
        return "oauth-client:" + key;
    }

    /** SHA-256 over kind, network, instance and redirect: one short unique column for what AO cannot make unique together. */
    static String key(String kind, Network network, URI instance, URI redirect) {
        String composite = kind + "|" + network.name() + "|" + (instance == null ? "" : instance) + "|" + (redirect == null ? "" : redirect);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(composite.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
