package io.socialdesk.core.calendar.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialdesk.core.memory.TestClock;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedTokensTest {
    private final MemoryCalendarFeedStore store = new MemoryCalendarFeedStore();
    private final FeedTokens feeds = new FeedTokens(store, new TestClock(Instant.parse("2026-03-01T10:00:00Z")));

    @Test
    void aFeedSecretIsHandedOutOnceAndStoredOnlyAsItsHash() {
        FeedTokens.Issued issued = feeds.issue("alice", FeedKind.PROJECT, "mkt", null);

        assertThat(issued.secret()).startsWith(FeedTokens.PREFIX).hasSizeGreaterThan(40);
        assertThat(issued.token().target()).isEqualTo("MKT");
        assertThat(issued.token().label()).isEqualTo("MKT posts");
        assertThat(issued.toString()).doesNotContain(issued.secret());
        assertThat(issued.token().toString()).doesNotContain(issued.secret());
        assertThat(store.storedHashes()).hasSize(1).noneMatch(hash -> hash.contains(issued.secret().substring(FeedTokens.PREFIX.length())));
        assertThat(feeds.resolve(issued.secret())).contains(issued.token());
    }

    @Test
    void forgedMalformedAndOverlongSecretsOpenNothing() {
        feeds.issue("alice", FeedKind.USER, null, null);
        assertThat(feeds.resolve(FeedTokens.PREFIX + "forged")).isEmpty();
        assertThat(feeds.resolve("")).isEmpty();
        assertThat(feeds.resolve(null)).isEmpty();
        assertThat(feeds.resolve(FeedTokens.PREFIX + "x".repeat(500))).isEmpty();
    }

    @Test
    void rotatingStopsTheOldUrlAtOnceAndRevokingStopsTheNewOne() {
        FeedTokens.Issued first = feeds.issue("alice", FeedKind.USER, "marc", "Mine");
        assertThat(first.token().target()).as("a user feed is always the owner's own posts").isEqualTo("alice");

        FeedTokens.Issued second = feeds.rotate("alice", first.token().id());
        assertThat(second.secret()).isNotEqualTo(first.secret());
        assertThat(feeds.resolve(first.secret())).isEmpty();
        assertThat(feeds.resolve(second.secret())).map(FeedToken::id).contains(first.token().id());

        feeds.revoke("alice", first.token().id());
        assertThat(feeds.resolve(second.secret())).isEmpty();
        assertThat(feeds.feedsOf("alice")).isEmpty();
    }

    @Test
    void nobodyRotatesOrRevokesAnotherUsersFeed() {
        FeedTokens.Issued alices = feeds.issue("alice", FeedKind.USER, null, null);
        assertThatThrownBy(() -> feeds.rotate("marc", alices.token().id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> feeds.revoke("marc", alices.token().id())).isInstanceOf(NotFoundException.class);
        assertThat(feeds.resolve(alices.secret())).isPresent();
    }

    @Test
    void aFilterFeedNeedsOneOfTheOwnersSavedFiltersAndGoesWithIt() {
        SavedFilter launches = feeds.saveFilter("alice", " Launches ", Map.of("network", List.of("MASTODON", " ", "MASTODON"), "campaign", List.of("launch")));
        assertThat(launches.name()).isEqualTo("Launches");
        assertThat(launches.filters()).containsExactly(Map.entry("network", List.of("MASTODON")), Map.entry("campaign", List.of("launch")));

        assertThatThrownBy(() -> feeds.issue("marc", FeedKind.FILTER, Long.toString(launches.id()), null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first().rule()).isEqualTo("own-filter"));
        FeedTokens.Issued feed = feeds.issue("alice", FeedKind.FILTER, Long.toString(launches.id()), null);

        feeds.deleteFilter("alice", launches.id());
        assertThat(feeds.resolve(feed.secret())).isEmpty();
    }

    @Test
    void badInputNamesTheFieldAndTheRule() {
        assertThatThrownBy(() -> feeds.issue("alice", FeedKind.PROJECT, "", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first().field()).isEqualTo("target"));
        assertThatThrownBy(() -> feeds.issue("alice", FeedKind.PROJECT, "mkt-1; drop", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first().rule()).isEqualTo("project-key"));
        assertThatThrownBy(() -> feeds.issue("alice", FeedKind.FILTER, "abc", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first().rule()).isEqualTo("filter-id"));
        assertThatThrownBy(() -> feeds.saveFilter("alice", "x", Map.of("colour", List.of("red"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.first().field()).isEqualTo("filters.colour");
                    assertThat(e.first().rule()).isEqualTo("known-filter");
                });
        assertThatThrownBy(() -> feeds.saveFilter("alice", "x", Map.of("network", List.of("MYSPACE"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.first().field()).isEqualTo("filters.network");
                    assertThat(e.first().rule()).isEqualTo("known-network");
                });
        assertThatThrownBy(() -> feeds.saveFilter("alice", "", Map.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(p -> p.field()).contains("name"));
    }

    @Test
    void aUserHasABoundedNumberOfFeeds() {
        for (int i = 0; i < FeedTokens.MAX_FEEDS_PER_USER; i++) feeds.issue("alice", FeedKind.USER, null, "feed " + i);
        assertThatThrownBy(() -> feeds.issue("alice", FeedKind.USER, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first().rule()).isEqualTo("max-feeds"));
        assertThat(feeds.issue("marc", FeedKind.KEY_DATES, "", null).token().label()).isEqualTo("Key dates");
        assertThat(feeds.issue("marc", FeedKind.KEY_DATES, "fr, be,FR", null).token().target()).isEqualTo("FR,BE");
        assertThatThrownBy(() -> feeds.issue("marc", FeedKind.KEY_DATES, "XX", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first().rule()).isEqualTo("known-country"));
    }
}
