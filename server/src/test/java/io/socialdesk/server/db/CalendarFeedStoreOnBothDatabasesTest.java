package io.socialdesk.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialdesk.core.calendar.feed.FeedKind;
import io.socialdesk.core.calendar.feed.FeedToken;
import io.socialdesk.core.calendar.feed.FeedTokens;
import io.socialdesk.core.calendar.feed.SavedFilter;
import io.socialdesk.core.problem.NotFoundException;
import io.socialdesk.store.calendar.feed.AoCalendarFeedStore;
import io.socialdesk.store.calendar.feed.FeedTokenEntity;
import io.socialdesk.store.calendar.feed.SavedFilterEntity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.java.ao.Query;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Calendar feeds and saved filters on the embedded HSQLDB and on PostgreSQL: hashed secrets, rotation, revocation, owners. */
class CalendarFeedStoreOnBothDatabasesTest extends OnBothDatabases {
    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

    private static FeedTokens feeds(Database db) {
        db.ao().delete(db.ao().find(FeedTokenEntity.class, Query.select()));
        db.ao().delete(db.ao().find(SavedFilterEntity.class, Query.select()));
        return new FeedTokens(new AoCalendarFeedStore(db.ao()), Clock.fixed(AT, ZoneOffset.UTC));
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void aFeedIsFoundByItsSecretWhoseOnlyTraceInTheDatabaseIsItsHash(Database db) {
        FeedTokens feeds = feeds(db);
        FeedTokens.Issued project = feeds.issue("alice", FeedKind.PROJECT, "mkt", "Marketing, all of it");
        FeedTokens.Issued holidays = feeds.issue("alice", FeedKind.KEY_DATES, "", null);

        assertThat(feeds.resolve(project.secret())).contains(project.token());
        assertThat(feeds.resolve(holidays.secret()).orElseThrow().target()).as("an empty target survives the round trip").isEmpty();
        assertThat(feeds.feedsOf("alice")).extracting(FeedToken::label).containsExactly("Marketing, all of it", "Key dates");
        FeedTokenEntity[] rows = db.ao().find(FeedTokenEntity.class, Query.select());
        assertThat(Arrays.stream(rows).map(FeedTokenEntity::getSecretHash))
                .hasSize(2).allMatch(hash -> hash.matches("[0-9a-f]{64}"))
                .noneMatch(hash -> hash.contains(project.secret()) || hash.contains(holidays.secret()));
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void rotationAndRevocationTakeEffectAtOnceAndOnlyForTheOwner(Database db) {
        FeedTokens feeds = feeds(db);
        FeedTokens.Issued first = feeds.issue("alice", FeedKind.USER, null, null);
        FeedTokens.Issued rotated = feeds.rotate("alice", first.token().id());

        assertThat(feeds.resolve(first.secret())).isEmpty();
        assertThat(feeds.resolve(rotated.secret()).orElseThrow().issuedAt()).isEqualTo(AT);
        assertThatThrownBy(() -> feeds.revoke("marc", first.token().id())).isInstanceOf(NotFoundException.class);
        assertThat(feeds.resolve(rotated.secret())).isPresent();

        feeds.revoke("alice", first.token().id());
        assertThat(feeds.resolve(rotated.secret())).isEmpty();
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void aSavedFilterKeepsItsValuesAndTakesItsFeedsWithItWhenDeleted(Database db) {
        FeedTokens feeds = feeds(db);
        SavedFilter saved = feeds.saveFilter("alice", "Launches & co", Map.of("campaign", List.of("launch day", "a=b&c", "été"),
                "network", List.of("MASTODON", "BLUESKY"), "project", List.of("MKT")));
        FeedTokens.Issued feed = feeds.issue("alice", FeedKind.FILTER, Long.toString(saved.id()), null);

        SavedFilter read = feeds.filter(saved.id()).orElseThrow();
        assertThat(read.name()).isEqualTo("Launches & co");
        assertThat(read.filters()).containsExactly(Map.entry("project", List.of("MKT")), Map.entry("network", List.of("MASTODON", "BLUESKY")),
                Map.entry("campaign", List.of("launch day", "a=b&c", "été")));
        assertThat(feeds.filtersOf("marc")).isEmpty();
        assertThatThrownBy(() -> feeds.deleteFilter("marc", saved.id())).isInstanceOf(NotFoundException.class);

        feeds.deleteFilter("alice", saved.id());
        assertThat(feeds.filtersOf("alice")).isEmpty();
        assertThat(feeds.resolve(feed.secret())).isEmpty();
    }
}
