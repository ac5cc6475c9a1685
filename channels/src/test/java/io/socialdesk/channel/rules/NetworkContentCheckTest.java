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
    void noNetworksMeansNothingToCheck() {
        assertThat(check.problems(PostContent.ofText("a".repeat(5000)), Set.of())).isEmpty();
    }
}
