package io.socialdesk.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PkceTest {
    @Test
    void theChallengeIsTheOneOfRfc7636AppendixB() {
        assertThat(Pkce.of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk").challenge())
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void eachPairIsNewAndItsVerifierNeverShowsInText() {
        Pkce one = Pkce.create();
        Pkce two = Pkce.create();
        assertThat(one.verifier()).isNotEqualTo(two.verifier()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(one.toString()).doesNotContain(one.verifier()).contains(one.challenge());
    }

    @Test
    void credentialsAndClientsShowNoSecretInText() {
        Credentials credentials = new Credentials("access-123", "refresh-456", null, null, java.util.Map.of("did", "did:plc:x"));
        OAuthClient client = new OAuthClient(null, "client-id", "client-secret-789");
        assertThat(credentials.toString()).doesNotContain("access-123", "refresh-456").contains("did");
        assertThat(client.toString()).doesNotContain("client-secret-789").contains("client-id");
    }
}
