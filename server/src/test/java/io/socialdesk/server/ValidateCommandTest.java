package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialdesk.core.user.User;
import io.socialdesk.server.CommandLineTest.Run;
import io.socialdesk.web.rest.ValidateRequest;
import io.socialdesk.web.rest.ValidateResource;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code socialdesk validate}, as a marketing team's CI pipeline calls it. */
class ValidateCommandTest {
    private static final String FAMILY = "👨‍👩‍👧‍👧";

    @Test
    void aValidTextPrintsTheVerdictAndExits0() {
        Run run = CommandLineTest.run("", "validate", "--network", "bluesky", "Launch day " + FAMILY);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo("{\"network\":\"BLUESKY\",\"valid\":true,\"limit\":300,\"graphemes\":12,\"bytes\":36,\"errors\":[]}");
    }

    @Test
    void anInvalidTextExits1AndNamesTheRuleAndRange() {
        Run run = CommandLineTest.run("", "validate", "--network", "X", "y".repeat(290));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("\"valid\":false", "\"weightedLength\":290", "\"rule\":\"max-weighted-length\"", "\"start\":280", "\"end\":290");
    }

    @Test
    void readsStandardInputAsUtf8AndTakesTheInstanceLimit() {
        Run over = CommandLineTest.run("é".repeat(600) + "\n", "validate", "--network", "mastodon", "-");
        assertThat(over.exitCode()).isEqualTo(1);
        assertThat(over.out()).contains("\"length\":600", "\"limit\":500");
        Run fits = CommandLineTest.run("é".repeat(600) + "\n", "validate", "--network", "mastodon", "--instance-limit", "1000", "-");
        assertThat(fits.exitCode()).as(fits.err()).isZero();
    }

    @Test
    void printsExactlyWhatTheRestResourceAnswers() throws Exception {
        String text = "Hi @alice@example.social https://example.com/" + "x".repeat(80) + " #launch " + FAMILY;
        ValidateResource resource = new ValidateResource(() -> Optional.of(new User("ana", "Ana", Set.of(), ZoneId.of("UTC"))));
        for (String network : new String[] {"X", "BLUESKY", "MASTODON", "LINKEDIN", "THREADS", "INSTAGRAM", "FACEBOOK", "WEBHOOK"}) {
            String rest = new ObjectMapper().writeValueAsString(resource.validate(new ValidateRequest(network, text, null)));
            assertThat(CommandLineTest.run("", "validate", "--network", network, text).out().strip()).isEqualTo(rest);
        }
    }

    @Test
    void anUnknownNetworkExits2AndListsTheNetworks() {
        Run run = CommandLineTest.run("", "validate", "--network", "myspace", "hello");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("network", "known-network", "MASTODON, BLUESKY, X, LINKEDIN, FACEBOOK, INSTAGRAM, THREADS, WEBHOOK");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void emptyTextWhereTheNetworkNeedsTextIsAVerdictNotACrash() {
        Run run = CommandLineTest.run("", "validate", "--network", "linkedin", "");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("\"rule\":\"text-required\"");
    }

    @Test
    void aMissingNetworkOrTextIsBadInput() {
        assertThat(CommandLineTest.run("", "validate", "hello").exitCode()).isEqualTo(2);
        assertThat(CommandLineTest.run("", "validate", "--network", "x").exitCode()).isEqualTo(2);
        assertThat(CommandLineTest.run("", "validate", "--network", "x", "--instance-limit", "0", "hi").exitCode()).isEqualTo(2);
    }

    @Test
    void helpListsValidate() {
        assertThat(CommandLineTest.run("", "--help").out()).contains("validate");
        assertThat(CommandLineTest.run("", "validate", "--help").out()).contains("--network", "--instance-limit", "TEXT|-");
    }
}
