package io.socialdesk.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.channel.Credentials;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotEmpty;
import org.junit.jupiter.api.Test;

class CredentialsTextTest {
    @Property(tries = 300)
    void anyCredentialsSurviveTheTextTheyAreSealedAs(@ForAll @NotEmpty String access, @ForAll String refresh, @ForAll String extraName,
            @ForAll String extraValue, @ForAll boolean withRefresh) {
        Credentials c = new Credentials(access, withRefresh ? refresh : null, Instant.parse("2027-01-02T03:04:05.678Z"),
                Set.of("write:statuses", "read"), Map.of(extraName, extraValue, "pds-" + extraName, "https://pds.example/x?a=b&c=d"));

        assertThat(CredentialsText.decode(CredentialsText.encode(c))).isEqualTo(c);
    }

    @Test
    void bareBearerTokensHaveNoOptionalLines() {
        assertThat(CredentialsText.encode(Credentials.bearer("t=1&x"))).isEqualTo("access=t%3D1%26x\n");
        assertThat(CredentialsText.decode("access=t%3D1%26x\n")).isEqualTo(Credentials.bearer("t=1&x"));
    }

    @Test
    void theConnectionEndsWhenItsTokenEndsUnlessTheConnectorRefreshesIt() {
        Instant in2h = Instant.parse("2026-11-22T12:00:00Z");
        assertThat(ConnectionExpiry.of(new Credentials("a", null, in2h, Set.of(), Map.of()))).isEqualTo(in2h);
        assertThat(ConnectionExpiry.of(new Credentials("a", "r", in2h, Set.of(), Map.of()))).isNull();
        assertThat(ConnectionExpiry.of(new Credentials("a", "r", in2h, Set.of(),
                Map.of(ConnectionExpiry.REFRESH_EXPIRES_AT, "2027-11-22T12:00:00Z")))).isEqualTo(Instant.parse("2027-11-22T12:00:00Z"));
        assertThat(ConnectionExpiry.of(new Credentials("a", "r", in2h, Set.of(), Map.of(ConnectionExpiry.REFRESH_EXPIRES_AT, "soon")))).isNull();
    }
}
