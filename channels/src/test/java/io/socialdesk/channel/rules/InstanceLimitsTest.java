package io.socialdesk.channel.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.AccountStore;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.NetworkLimits;
import io.socialdesk.core.post.PostContent;
import io.socialdesk.core.problem.FieldProblem;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a Mastodon instance publishes (GET /api/v2/instance) decides how long a post to it may be. */
class InstanceLimitsTest {
    private final AccountStore accounts = mock(AccountStore.class);
    private final NetworkContentCheck check = new NetworkContentCheck(PostValidator.standard(), new InstanceLimits(accounts));

    private void account(long id, Network network, NetworkLimits limits) {
        when(accounts.find(id)).thenReturn(Optional.of(new Account(id, network, "@shop" + id, "Shop " + id, true)));
        when(accounts.limits(id)).thenReturn(Optional.ofNullable(limits));
    }

    private static PostContent text(String text, Long... accountIds) {
        return new PostContent(text, java.util.Map.of(), List.of(), List.of(), Optional.empty(), List.of(), null, "", "", List.of(accountIds));
    }

    @Test
    void anInstanceThatAllowsLongerPostsAcceptsWhatTheDefaultWouldRefuse() {
        account(1, Network.MASTODON, new NetworkLimits(5000, 23, 4, null, null, null));
        account(2, Network.MASTODON, null);
        String long600 = "a".repeat(600);

        assertThat(check.problems(text(long600, 1L), Set.of(Network.MASTODON))).isEmpty();
        assertThat(check.problems(text(long600, 2L), Set.of(Network.MASTODON))).extracting(FieldProblem::rule)
                .contains("mastodon.max-length");
    }

    @Test
    void aPostToSeveralInstancesMustFitTheSmallestAndTheLargestUrlReservation() {
        account(1, Network.MASTODON, new NetworkLimits(5000, 23, 4, null, null, null));
        account(2, Network.MASTODON, new NetworkLimits(300, 40, 4, null, null, null));
        account(3, Network.INSTAGRAM, new NetworkLimits(2200, null, 10, null, 50, 3));

        ValidationOptions options = new InstanceLimits(accounts).apply(text("hello", 1L, 2L, 3L));

        assertThat(options.instanceLimit()).hasValue(300);
        assertThat(options.urlReservation()).hasValue(40);
        assertThat(check.problems(text("b".repeat(400), 1L, 2L), Set.of(Network.MASTODON))).extracting(FieldProblem::rule)
                .contains("mastodon.max-length");
    }

    @Test
    void otherNetworksLimitsDoNotChangeMastodonsRules() {
        account(3, Network.INSTAGRAM, new NetworkLimits(2200, null, 10, null, 50, 3));

        assertThat(new InstanceLimits(accounts).apply(text("hello", 3L))).isEqualTo(ValidationOptions.DEFAULTS);
    }
}
