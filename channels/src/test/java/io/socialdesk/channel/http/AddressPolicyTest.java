package io.socialdesk.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Account URLs people type may not point the server at itself or its neighbours (SSRF). */
class AddressPolicyTest {
    private final AddressPolicy production = AddressPolicy.PUBLIC_HTTPS;

    @ParameterizedTest
    @CsvSource({
            "http://mastodon.example, https-only",
            "ftp://mastodon.example, https-only",
            "https://alice:secret@mastodon.example, no-credentials-in-url",
            "https://127.0.0.1, address-not-allowed",
            "https://localhost:8443, address-not-allowed",
            "https://10.1.2.3, address-not-allowed",
            "https://172.16.0.9, address-not-allowed",
            "https://192.168.1.20, address-not-allowed",
            "https://169.254.169.254, address-not-allowed",
            "https://100.64.0.1, address-not-allowed",
            "https://0.0.0.0, address-not-allowed",
            "https://[::1], address-not-allowed",
            "https://[fd00::1], address-not-allowed",
            "https://[fe80::1], address-not-allowed",
            "mastodon.example, url-absolute",
    })
    void refusesAddressesThatAreNotPublicHttps(String url, String rule) {
        assertThat(production.refusal(URI.create(url))).get().extracting(AddressPolicy.Refusal::rule).isEqualTo(rule);
    }

    @Test
    void acceptsAPublicAddressAndSaysWhyAPrivateOneIsRefused() {
        assertThat(production.refusal(URI.create("https://1.1.1.1/"))).isEmpty();
        assertThat(production.refusal(URI.create("https://192.168.1.20")).get().message())
                .contains("192.168.1.20").contains("admin");
    }

    @Test
    void anAdminMayAllowPrivateAddressesButNeverCredentialsInTheUrl() {
        AddressPolicy intranet = new AddressPolicy(true, false);
        assertThat(intranet.refusal(URI.create("https://10.1.2.3"))).isEmpty();
        assertThat(intranet.refusal(URI.create("http://10.1.2.3"))).get().extracting(AddressPolicy.Refusal::rule).isEqualTo("https-only");
        assertThat(intranet.refusal(URI.create("https://a:b@10.1.2.3"))).get().extracting(AddressPolicy.Refusal::rule)
                .isEqualTo("no-credentials-in-url");
    }

    @Test
    void aNameThatResolvesToAPrivateAddressIsRefusedAtConnectionTimeToo() throws UnknownHostException {
        HttpCalls http = new HttpCalls(production);
        // localhost passes no URL check here: the connection-time resolver refuses it all the same.
        Answer answer = http.send(new Request.Builder().url("https://localhost:1/").build());
        assertThat(answer.transport()).isEqualTo(Answer.Transport.NOT_SENT);
        assertThat(answer.problem()).contains("private address");
        assertThat(AddressPolicy.isPrivate(InetAddress.getByName("8.8.8.8"))).isFalse();
    }
}
