package io.socialdesk.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.inbox.crisis.Baseline;
import io.socialdesk.core.inbox.crisis.CrisisState;
import io.socialdesk.core.inbox.crisis.Mention;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.store.inbox.AoCrisisStates;
import io.socialdesk.store.inbox.CrisisStateEntity;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crisis detection's memory (shared AO code) on HSQLDB and PostgreSQL: an account's usual level, its open crisis
 * ticket and the mentions waiting to be linked read back exactly as written, so that a restart neither forgets the
 * level nor opens a second ticket for the spike it was in.
 */
class CrisisStatesOnBothDatabasesTest extends OnBothDatabases {
    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void anAccountsStateReadsBackAsWrittenAndAnUpdateKeepsOneRow(Database db) throws SQLException {
        clear(db);
        AoCrisisStates states = new AoCrisisStates(db.ao());
        CrisisState quiet = new CrisisState(new Baseline(1_970_000, 3, 2.125, 1.75, 96, -1, 0), null, 0, 0, List.of());
        List<Mention> pending = List.of(new Mention("at://did:plc:m/app.bsky.feed.post/1", "https://bsky.example/1", AT, "SUPPORT-4"),
                new Mention("tab\tand\nnewline <b>", null, AT.plusSeconds(30), null));
        CrisisState spike = new CrisisState(new Baseline(1_970_004, 41, 2.5, 3.25, 100, 1_970_004, 0),
                new TrackedItem(77, "COMMUNITY-12", "https://desk.example/tickets/COMMUNITY-12"), 41, 20, pending);

        assertThat(states.get("7")).isNull();
        states.put("7", quiet);
        assertThat(states.get("7")).isEqualTo(quiet);
        states.put("7", spike);
        states.put("8", quiet);

        assertThat(new AoCrisisStates(db.ao()).get("7")).as("read by a fresh instance, as after a restart").isEqualTo(spike);
        assertThat(states.accounts()).containsExactly("7", "8");
        assertThat(rows(db)).isEqualTo(2);
    }

    private static void clear(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM \"" + db.tableName(CrisisStateEntity.class) + "\"");
        }
    }

    private static int rows(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                var r = s.executeQuery("SELECT COUNT(*) FROM \"" + db.tableName(CrisisStateEntity.class) + "\"")) {
            r.next();
            return r.getInt(1);
        }
    }
}
