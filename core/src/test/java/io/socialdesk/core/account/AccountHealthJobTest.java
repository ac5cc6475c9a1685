package io.socialdesk.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.channel.AccountHealth;
import io.socialdesk.core.channel.Connected;
import io.socialdesk.core.channel.Credentials;
import io.socialdesk.core.memory.FakeChannel;
import io.socialdesk.core.memory.MemoryStores;
import io.socialdesk.core.notification.Notice;
import io.socialdesk.core.post.PlannedTime;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostContent;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.tracker.IssueTracker;
import io.socialdesk.core.tracker.ItemKind;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.core.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountHealthJobTest {
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final MemoryStores stores = new MemoryStores();
    final FakeChannel mastodon = FakeChannel.oauth(io.socialdesk.core.account.Network.MASTODON).timedBy(clock);
    final List<String> opened = new ArrayList<>();
    final List<Notice> notices = new ArrayList<>();
    boolean trackerDown;
    final IssueTracker tracker = new IssueTracker() {
        @Override
        public TrackedItem open(ItemKind kind, String summary, User reporter) {
            if (trackerDown) throw new IllegalStateException("the tracker is down");
            opened.add(kind + " for " + reporter.key() + ": " + summary);
            return new TrackedItem(opened.size(), "SD-" + opened.size(), "/items/SD-" + opened.size());
        }
    };
    final AccountHealthJob job = new AccountHealthJob(stores.accounts, new AccountChecks(stores.accounts, n -> Optional.of(mastodon), clock),
            AccountSettings.fixed(false, 7, "test"), tracker, notices::add, clock, AccountHealthJob.INTERVAL);

    Account connect(String remoteId, Instant expires) {
        return stores.accounts.connect(null, Network.MASTODON, java.net.URI.create("https://mastodon.example"),
                new Connected(remoteId, "@acme" + remoteId + "@mastodon.example", "Acme", new Credentials("t", null, expires, Set.of(), Map.of())),
                "laura", NOW.minus(Duration.ofDays(50)));
    }

    @Test
    void aSuccessfulCheckRecordsTheLimitsTheNetworkPublishesForTheValidation() {
        Account account = connect("9", null);
        mastodon.publishing(new io.socialdesk.core.channel.NetworkLimits(5000, 23, 4, 16_777_216L, null, null));

        new AccountChecks(stores.accounts, n -> Optional.of(mastodon), clock).check(account);

        assertThat(stores.accounts.limits(account.id())).get().extracting(io.socialdesk.core.channel.NetworkLimits::maxCharacters).isEqualTo(5000);
    }

    @Test
    void aConnectionEndingWithinTheWarningDaysOpensOneTicketForItsOwnerAndTellsThemOnce() {
        Account ending = connect("1", NOW.plus(Duration.ofDays(3)));
        connect("2", NOW.plus(Duration.ofDays(30)));

        job.run(NOW);
        job.run(NOW.plusSeconds(3600));

        assertThat(opened).containsExactly("ACCOUNT for laura: Reconnect @acme1@mastodon.example (Mastodon): its connection ends at 2026-11-25T10:00:00Z");
        assertThat(stores.accounts.find(ending.id()).orElseThrow().attention()).isEqualTo(new TrackedItem(1, "SD-1", "/items/SD-1"));
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Notice.Kind.ACCOUNT_NEEDS_RECONNECT);
            assertThat(n.userKeys()).containsExactly("laura");
            assertThat(n.itemKey()).isEqualTo("SD-1");
            assertThat(n.actorKey()).isEqualTo(AccountHealthJob.ACTOR);
        });
        assertThat(mastodon.checks.get()).as("both accounts checked on both runs").isEqualTo(4);
        assertThat(stores.accounts.find(ending.id()).orElseThrow().health().lastSuccessAt()).isEqualTo(NOW);
    }

    @Test
    void aRevokedAccountIsDisconnectedAndItsOwnerGetsATicketReconnectingForgetsIt() {
        Account account = connect("1", null);
        mastodon.answeringChecks(AccountHealth.problem(NOW, "revoked", "The token was revoked on mastodon.example."));

        job.run(NOW);

        Account revoked = stores.accounts.find(account.id()).orElseThrow();
        assertThat(revoked.connected()).isFalse();
        assertThat(revoked.health().problem()).isEqualTo("revoked");
        assertThat(opened).containsExactly("ACCOUNT for laura: Reconnect @acme1@mastodon.example (Mastodon): the network revoked Social Desk's access");
        assertThat(notices).singleElement().extracting(Notice::detail).isEqualTo("The token was revoked on mastodon.example.");
        job.run(NOW.plusSeconds(3600));
        assertThat(opened).hasSize(1);
        assertThat(mastodon.checks.get()).as("a disconnected account is not checked again").isEqualTo(1);

        mastodon.answeringChecks(null);
        connect("1", null);
        assertThat(stores.accounts.find(account.id()).orElseThrow().attention()).isNull();
        mastodon.answeringChecks(AccountHealth.problem(NOW, "revoked", "Revoked again."));
        job.run(NOW.plusSeconds(7200));
        assertThat(opened).hasSize(2);
    }

    @Test
    void theNetworksWaitIsRespectedAndATrackerFailureIsRetriedNextRun() {
        Account account = connect("1", NOW.plus(Duration.ofDays(1)));
        mastodon.notBefore(NOW.plusSeconds(600));
        trackerDown = true;

        job.run(NOW);

        assertThat(mastodon.checks.get()).isZero();
        assertThat(opened).isEmpty();
        assertThat(stores.accounts.find(account.id()).orElseThrow().attention()).isNull();
        trackerDown = false;
        job.run(NOW.plusSeconds(3600));
        assertThat(opened).hasSize(1);
        assertThat(notices).hasSize(1);
    }

    @Test
    void aConnectorThatThrowsIsRecordedAsUnreachableNotAsAReasonToReconnect() {
        Account account = connect("1", null);
        AccountHealthJob throwing = new AccountHealthJob(stores.accounts, new AccountChecks(stores.accounts, n -> Optional.of(new ThrowingChannel(mastodon)), clock),
                AccountSettings.fixed(false, 7, "test"), tracker, notices::add, clock, AccountHealthJob.INTERVAL);

        throwing.run(NOW);

        Account after = stores.accounts.find(account.id()).orElseThrow();
        assertThat(after.health().problem()).isEqualTo("unreachable");
        assertThat(after.health().problemDetail()).isEqualTo("Mastodon could not be checked (IllegalStateException).").doesNotContain("secret");
        assertThat(after.connected()).isTrue();
        assertThat(opened).isEmpty();
    }

    @Test
    void postsWaitingForTheirTimeNameTheAccountThatMustBeReconnectedBeforeIt() {
        Account ending = connect("1", Instant.parse("2026-11-30T08:00:00Z"));
        Account fine = connect("2", null);
        stores.accounts.add(Network.BLUESKY, "never.connected", "Never");
        PlannedTime dec1 = new PlannedTime(LocalDateTime.parse("2026-12-01T09:00"), ZoneId.of("Europe/Paris"));
        PostContent content = new PostContent("Hello", Map.of(), List.of(), List.of(), Optional.empty(), List.of(), null, "", "",
                List.of(ending.id(), fine.id(), 3L));

        for (PostState state : PostState.values()) {
            Post post = new Post(1, new TrackedItem(1, "SD-1", "/i"), "t", content, dec1, state, "alice", NOW, 1, "alice", NOW);
            List<FieldProblem> problems = AccountProblems.of(post, stores.accounts.list());
            if (state == PostState.IN_REVIEW || state == PostState.APPROVED || state == PostState.SCHEDULED) {
                assertThat(problems).as(state.name()).containsExactly(new FieldProblem("accountIds", "account-must-reconnect",
                        "@acme1@mastodon.example (Mastodon) must be reconnected before 2026-12-01 09:00 Europe/Paris."));
            } else {
                assertThat(problems).as(state.name()).isEmpty();
            }
        }
        PlannedTime nov29 = new PlannedTime(LocalDateTime.parse("2026-11-29T09:00"), ZoneId.of("Europe/Paris"));
        Post earlier = new Post(2, new TrackedItem(2, "SD-2", "/i"), "t", content, nov29, PostState.SCHEDULED, "alice", NOW, 1, "alice", NOW);
        assertThat(AccountProblems.of(earlier, stores.accounts.list())).as("it goes out before the connection ends").isEmpty();
    }

    /** Breaks the contract: its check throws. */
    record ThrowingChannel(FakeChannel delegate) implements io.socialdesk.core.channel.Channel {
        @Override public Network network() { return delegate.network(); }
        @Override public io.socialdesk.core.channel.Connection connection() { return delegate.connection(); }
        @Override public io.socialdesk.core.channel.Outcome publish(io.socialdesk.core.channel.ChannelAccount a, io.socialdesk.core.channel.Delivery d,
                io.socialdesk.core.channel.Progress p) { return delegate.publish(a, d, p); }
        @Override public io.socialdesk.core.channel.Outcome settle(io.socialdesk.core.channel.ChannelAccount a, io.socialdesk.core.channel.Delivery d) {
            return delegate.settle(a, d); }
        @Override public io.socialdesk.core.channel.Outcome delete(io.socialdesk.core.channel.ChannelAccount a, io.socialdesk.core.channel.RemotePost p) {
            return delegate.delete(a, p); }
        @Override public Set<io.socialdesk.core.channel.Stream> streams() { return Set.of(); }
        @Override public io.socialdesk.core.channel.ImportBatch fetch(io.socialdesk.core.channel.ChannelAccount a, io.socialdesk.core.channel.Stream s,
                String c) { return delegate.fetch(a, s, c); }
        @Override public AccountHealth check(io.socialdesk.core.channel.ChannelAccount a) {
            throw new IllegalStateException("secret token abc leaked in a message");
        }
        @Override public Instant nextAllowedAt(io.socialdesk.core.channel.ChannelAccount a) { return Instant.EPOCH; }
    }
}
