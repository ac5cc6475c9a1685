package io.socialdesk.channel.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.post.PostContent;
import io.socialdesk.core.problem.FieldProblem;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NetworkContentCheckTest {
    private final NetworkContentCheck check = new NetworkContentCheck(PostValidator.standard());

    @Test
    void aTextTooLongForBlueskyButFineOnMastodonIsOneProblemNamingBlueskyTheRuleAndTheRange() {
        PostContent content = PostContent.ofText("a".repeat(301));
        List<FieldProblem> problems = check.problems(content, Set.of(Network.BLUESKY, Network.MASTODON));
        assertThat(problems).hasSize(1);
        FieldProblem p = problems.get(0);
        assertThat(p.field()).isEqualTo("text");
        assertThat(p.rule()).startsWith("bluesky.");
        assertThat(p.message()).startsWith("Bluesky: ").contains("characters 300-301");
    }

    @Test
    void anImageOver2MBIsRefusedForBlueskyAndNamedByItsPositionButMastodonTakesIt() {
        io.socialdesk.core.post.Media small = new io.socialdesk.core.post.Media("a".repeat(64), "image/png", 2_000_000, "A cat", "cat.png");
        io.socialdesk.core.post.Media large = new io.socialdesk.core.post.Media("b".repeat(64), "image/jpeg", 2_000_001, "A dog", "dog.jpg");
        PostContent content = new PostContent("Look", java.util.Map.of(), List.of(small, large), List.of(), java.util.Optional.empty(),
                List.of(), io.socialdesk.core.post.Utm.NONE, "", "", List.of());

        List<FieldProblem> problems = check.problems(content, Set.of(Network.BLUESKY, Network.MASTODON));

        assertThat(problems).extracting(FieldProblem::field, FieldProblem::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("media[1]", "bluesky.max-image-bytes"));
        assertThat(problems.get(0).message()).startsWith("Bluesky: ").contains("2000000").contains("2000001");
    }

    @Test
    void noNetworksMeansNothingToCheck() {
        assertThat(check.problems(PostContent.ofText("a".repeat(5000)), Set.of())).isEmpty();
    }
}
