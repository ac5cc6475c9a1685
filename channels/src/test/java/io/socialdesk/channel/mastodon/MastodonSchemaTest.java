package io.socialdesk.channel.mastodon;

import static io.socialdesk.channel.mastodon.MastodonFixtures.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialdesk.core.channel.Delivery;
import io.socialdesk.core.channel.RemotePost;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The schema checks the contract tests rely on, shown to catch what they must: Mastodon's OpenAPI description read
 * as JSON Schema 2020-12 by networknt json-schema-validator 2.0.8 on the project's Jackson. Skipped, with a message,
 * when the shared reference folder is absent outside CI; failed when it is absent in CI.
 */
class MastodonSchemaTest {
    MastodonSpec spec;

    @BeforeEach
    void load() {
        spec = MastodonSpec.get();
    }

    @Test
    void anErrorWhoseMessageIsANumberIsRejected() throws Exception {
        assertThat(spec.component("Error").validate(JSON.readTree("{\"error\": 5}"))).isNotEmpty();
        assertThat(spec.component("Error").validate(JSON.readTree("{\"error\": \"Record not found\"}"))).isEmpty();
    }

    @Test
    void theCannedAnswersCarryEveryFieldTheSpecRequires() {
        ObjectNode account = MastodonFixtures.account("1", "ana", "Ana", 3);
        ObjectNode status = MastodonFixtures.status("2", account, "<p>hi</p>", Instant.parse("2026-03-02T10:00:00Z"));
        MastodonSpec.assertValid(spec.component("Account"), account, "account");
        MastodonSpec.assertValid(spec.component("CredentialAccount"), MastodonFixtures.credentialAccount("1", "ana", "Ana"), "credential account");
        MastodonSpec.assertValid(spec.component("Status"), status, "status");
        MastodonSpec.assertValid(spec.component("Notification"), MastodonFixtures.notification("3", status), "notification");
        MastodonSpec.assertValid(spec.component("MediaAttachment"), MastodonFixtures.media("4", false, "alt"), "media");
        MastodonSpec.assertValid(spec.component("CredentialApplication"), MastodonFixtures.application("a", "b", "https://x.example/cb"), "app");
        MastodonSpec.assertValid(spec.component("Token"), MastodonFixtures.token("t", "read"), "token");
        MastodonSpec.assertValid(spec.component("Instance"), MastodonFixtures.instance(500, 23, 4, 16_777_216), "instance");

        status.remove("uri");
        assertThatThrownBy(() -> MastodonSpec.assertValid(spec.component("Status"), status, "status without uri"))
                .hasMessageContaining("uri");
    }

    @Test
    void ourStatusRequestsMatchTheRequestBodySchemaAndAWrongOneDoesNot() throws Exception {
        Delivery text = new Delivery("k", "Hello", List.of(), RemotePost.of("9", null), null, "fr", Map.of());
        spec.assertValidRequestBody("/api/v1/statuses", "post", MastodonChannel.statusBody(text, List.of()));
        // Text and media: accepted by Mastodon, and by the check though the spec's oneOf would count two matches.
        spec.assertValidRequestBody("/api/v1/statuses", "post", MastodonChannel.statusBody(text, List.of("1", "2")));
        Delivery mediaOnly = Delivery.text("k", "");
        JsonNode body = MastodonChannel.statusBody(mediaOnly, List.of("1"));
        assertThat(body.has("status")).isFalse();
        spec.assertValidRequestBody("/api/v1/statuses", "post", body);

        assertThatThrownBy(() -> spec.assertValidRequestBody("/api/v1/statuses", "post", JSON.readTree("{\"status\": 5, \"visibility\": \"public\"}")))
                .hasMessageContaining("integer found, string expected");
        assertThatThrownBy(() -> spec.assertValidRequestBody("/api/v1/statuses", "post", JSON.readTree("{\"status\": \"x\", \"visibility\": \"everyone\"}")))
                .hasMessageContaining("enumeration");
    }

    @Test
    void missingFieldsOfNewerServersAreWarningsButAWrongTypeStillFails() {
        JsonNode example = spec.document().path("components").path("schemas").path("Status").path("example");
        assertThat(MastodonSpec.assertValidAllowingMissingNewerFields(spec.component("Status"), example, "the spec's Status example"))
                .extracting(e -> e.getKeyword()).containsOnly("required");

        ObjectNode wrong = example.deepCopy();
        wrong.put("id", 5);
        assertThatThrownBy(() -> MastodonSpec.assertValidAllowingMissingNewerFields(spec.component("Status"), wrong, "wrong id"))
                .hasMessageContaining("/id");
        ObjectNode wrongInside = example.deepCopy();
        ((ObjectNode) wrongInside.path("account")).put("followers_count", "many");
        assertThatThrownBy(() -> MastodonSpec.assertValidAllowingMissingNewerFields(spec.component("Status"), wrongInside, "wrong count"))
                .hasMessageContaining("followers_count");
    }

    @Test
    void theSpecsOwnExamplesOfMediaAndInstanceAreReadByTheConnectorsParsers() {
        MastodonSpec.assertValid(spec.component("MediaAttachment"), spec.example("MediaAttachment202Example"), "202 media example");
        JsonNode instance = spec.example("Instance200Example");
        MastodonSpec.assertValid(spec.component("Instance"), instance, "instance example");
        assertThat(instance.path("configuration").path("statuses").path("max_characters").isInt()).isTrue();
    }
}
