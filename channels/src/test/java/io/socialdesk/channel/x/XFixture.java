package io.socialdesk.channel.x;

import io.socialdesk.channel.http.AddressPolicy;
import io.socialdesk.channel.http.HttpCalls;
import io.socialdesk.channel.http.RateLimits;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.ChannelAccount;
import io.socialdesk.core.channel.CredentialSink;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.channel.OAuthClient;
import io.socialdesk.core.channel.Progress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One X account against an {@link XServer}, with a fixed clock and recorders for what the connector hands back. */
final class XFixture {
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final String ACCESS = "ACCESS-1-secret-token";
    static final String REFRESH = "REFRESH-1-secret-token";
    static final String CLIENT_ID = "client-123";
    static final String CLIENT_SECRET = "client-secret-xyz";
    static final String USER_ID = "1000";

    /** One rotation the connector handed to the sink, and how many requests X had seen by then. */
    record Rotation(long accountId, Credentials credentials, int requestsSoFar) {
    }

    /** One value the connector recorded, and how many requests X had seen by then. */
    record Recorded(String name, String value, int requestsSoFar) {
    }

    final XServer x;
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final RateLimits rateLimits = new RateLimits(clock);
    final List<Rotation> rotations = new ArrayList<>();
    final List<Duration> sleeps = new ArrayList<>();
    final List<Recorded> recorded = new ArrayList<>();
    final Map<String, String> progressValues = new LinkedHashMap<>();
    final OAuthClient app = new OAuthClient(null, CLIENT_ID, CLIENT_SECRET);
    final XChannel channel;

    XFixture(XServer x) {
        this.x = x;
        CredentialSink sink = (accountId, fresh) -> rotations.add(new Rotation(accountId, fresh, x.requests()));
        HttpCalls http = new HttpCalls(AddressPolicy.ANY, Duration.ofSeconds(5), Duration.ofSeconds(10));
        XApi api = new XApi(http, rateLimits, sink, clock, x.base(), URI.create("https://x.com/i/oauth2/authorize"), app);
        this.channel = new XChannel(api, sleeps::add, 4);
    }

    Progress progress() {
        return (name, value) -> {
            recorded.add(new Recorded(name, value, x.requests()));
            progressValues.put(name, value);
        };
    }

    static Credentials credentials(Instant expiresAt) {
        return new Credentials(ACCESS, REFRESH, expiresAt, XChannel.REQUIRED_SCOPES, Map.of(XApi.CLIENT_ID, CLIENT_ID));
    }

    static ChannelAccount account() {
        return account(credentials(NOW.plus(Duration.ofHours(2))));
    }

    static ChannelAccount account(Credentials credentials) {
        return new ChannelAccount(7L, Network.X, "@socialdesk", null, USER_ID, credentials);
    }

    static final String TOKEN_ANSWER = """
            {"token_type":"bearer","expires_in":7200,"access_token":"ACCESS-2-secret-token",
             "scope":"tweet.read tweet.write users.read media.write offline.access","refresh_token":"REFRESH-2-secret-token"}""";

    static final String CREATED = """
            {"data":{"id":"1858000000000000001","text":"Hello","edit_history_post_ids":["1858000000000000001"]}}""";
}
