package io.socialdesk.web.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotSignedInException;
import io.socialdesk.core.user.User;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code POST /validate}: the verdict's JSON shape and the errors for a body that cannot be checked. */
class ValidateResourceTest {
    private static final User ANA = new User("ana", "Ana", Set.of(), ZoneId.of("Europe/Paris"));
    private final ValidateResource resource = new ValidateResource(() -> Optional.of(ANA));

    @Test
    void answersTheNetworksOwnMeasuresOnly() throws Exception {
        String json = new ObjectMapper().writeValueAsString(resource.validate(new ValidateRequest("bluesky", "hé 👨‍👩‍👧‍👧", null)));
        assertThat(json).isEqualTo("{\"network\":\"BLUESKY\",\"valid\":true,\"limit\":300,\"graphemes\":4,\"bytes\":29,\"errors\":[]}");
        String x = new ObjectMapper().writeValueAsString(resource.validate(new ValidateRequest("X", "y".repeat(281), null)));
        assertThat(x).isEqualTo("{\"network\":\"X\",\"valid\":false,\"limit\":280,\"weightedLength\":281,\"errors\":[{\"rule\":\"max-weighted-length\","
                + "\"message\":\"X allows 280 weighted characters (URLs count 23, emoji and CJK 2); this text has 281\",\"start\":280,\"end\":281}]}");
    }

    @Test
    void takesTheMastodonInstanceLimit() {
        ValidationJson v = resource.validate(new ValidateRequest("MASTODON", "a".repeat(600), 1000));
        assertThat(v.valid()).isTrue();
        assertThat(v.limit()).isEqualTo(1000);
        assertThat(v.length()).isEqualTo(600);
    }

    @Test
    void namesTheFieldAndRuleOfBadInput() {
        assertThatThrownBy(() -> resource.validate(new ValidateRequest("myspace", "hi", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.first().field()).isEqualTo("network");
                    assertThat(e.first().rule()).isEqualTo("known-network");
                    assertThat(e.first().message()).contains("MASTODON, BLUESKY, X, LINKEDIN, FACEBOOK, INSTAGRAM, THREADS, WEBHOOK");
                });
        assertThatThrownBy(() -> resource.validate(new ValidateRequest("X", null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first().field()).isEqualTo("text"));
        assertThatThrownBy(() -> resource.validate(new ValidateRequest("X", "hi", 1000)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first().rule()).isEqualTo("mastodon-only"));
        assertThatThrownBy(() -> resource.validate(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void needsASignedInUser() {
        ValidateResource anonymous = new ValidateResource(Optional::empty);
        assertThatThrownBy(() -> anonymous.validate(new ValidateRequest("X", "hi", null))).isInstanceOf(NotSignedInException.class);
    }
}
