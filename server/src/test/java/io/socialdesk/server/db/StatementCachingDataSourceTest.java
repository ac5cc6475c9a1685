package io.socialdesk.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hsqldb.jdbc.JDBCDataSource;
import org.hsqldb.jdbc.JDBCPreparedStatement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatementCachingDataSourceTest {
    private StatementCachingDataSource dataSource;

    @BeforeEach
    void database() throws SQLException {
        JDBCDataSource hsqldb = new JDBCDataSource();
        hsqldb.setUrl("jdbc:hsqldb:mem:" + UUID.randomUUID());
        hsqldb.setUser("SA");
        dataSource = new StatementCachingDataSource(hsqldb, 3);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T (ID INT PRIMARY KEY, NAME VARCHAR(20))");
            s.execute("INSERT INTO T VALUES (1, 'one'), (2, 'two'), (3, 'three')");
        }
    }

    @Test
    void aTextPreparedAgainReusesTheCompiledStatementWithFreshParameters() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            JDBCPreparedStatement first;
            try (PreparedStatement s = c.prepareStatement("SELECT NAME FROM T WHERE ID = ?")) {
                s.setInt(1, 1);
                assertEquals(List.of("one"), names(s));
                first = s.unwrap(JDBCPreparedStatement.class);
            }
            try (PreparedStatement s = c.prepareStatement("SELECT NAME FROM T WHERE ID = ?")) {
                assertSame(first, s.unwrap(JDBCPreparedStatement.class));
                // the parameters of the first use are gone: running it unset is an error, not the old answer
                assertThrows(SQLException.class, s::executeQuery);
                s.setInt(1, 2);
                assertEquals(List.of("two"), names(s));
            }
        }
    }

    @Test
    void theResultSetTypeAndKeysArePartOfWhatIsReused() throws SQLException {
        String sql = "SELECT NAME FROM T WHERE ID = ?";
        try (Connection c = dataSource.getConnection()) {
            JDBCPreparedStatement scrolling;
            try (PreparedStatement s = c.prepareStatement(sql, ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY)) {
                scrolling = s.unwrap(JDBCPreparedStatement.class);
            }
            try (PreparedStatement s = c.prepareStatement(sql)) {
                assertNotSame(scrolling, s.unwrap(JDBCPreparedStatement.class));
            }
            try (PreparedStatement s = c.prepareStatement(sql, ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY)) {
                assertSame(scrolling, s.unwrap(JDBCPreparedStatement.class));
                s.setInt(1, 3);
                try (ResultSet rows = s.executeQuery()) {
                    assertTrue(rows.last());
                    assertEquals("three", rows.getString(1));
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO T (ID, NAME) VALUES (?, ?)", new String[] {"ID"})) {
                s.setInt(1, 4);
                s.setString(2, "four");
                assertEquals(1, s.executeUpdate());
            }
        }
    }

    @Test
    void aTextInUseIsPreparedAnewSoNestedQueriesKeepTheirOwnResults() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement outer = c.prepareStatement("SELECT NAME FROM T WHERE ID >= ? ORDER BY ID")) {
            outer.setInt(1, 1);
            List<String> pairs = new ArrayList<>();
            try (ResultSet rows = outer.executeQuery()) {
                while (rows.next()) {
                    try (PreparedStatement inner = c.prepareStatement("SELECT NAME FROM T WHERE ID >= ? ORDER BY ID")) {
                        assertNotSame(outer.unwrap(JDBCPreparedStatement.class), inner.unwrap(JDBCPreparedStatement.class));
                        inner.setInt(1, 3);
                        pairs.add(rows.getString(1) + "/" + names(inner));
                    }
                }
            }
            assertEquals(List.of("one/[three]", "two/[three]", "three/[three]"), pairs);
        }
    }

    @Test
    void aBatchLeftUnexecutedIsNotRunByTheNextUser() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO T VALUES (?, ?)")) {
                s.setInt(1, 10);
                s.setString(2, "left");
                s.addBatch();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO T VALUES (?, ?)")) {
                s.setInt(1, 11);
                s.setString(2, "kept");
                s.addBatch();
                assertEquals(1, s.executeBatch().length);
            }
            try (PreparedStatement s = c.prepareStatement("SELECT NAME FROM T WHERE ID >= ?")) {
                s.setInt(1, 10);
                assertEquals(List.of("kept"), names(s));
            }
        }
    }

    @Test
    void aClosedHandleCannotBeUsedOrGivenBackTwice() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            PreparedStatement s = c.prepareStatement("SELECT NAME FROM T WHERE ID = ?");
            s.close();
            s.close();
            assertTrue(s.isClosed());
            assertThrows(SQLException.class, () -> s.setInt(1, 1));
            PreparedStatement a = c.prepareStatement("SELECT NAME FROM T WHERE ID = ?");
            PreparedStatement b = c.prepareStatement("SELECT NAME FROM T WHERE ID = ?");
            assertNotSame(a.unwrap(JDBCPreparedStatement.class), b.unwrap(JDBCPreparedStatement.class));
        }
    }

    @Test
    void theLeastRecentlyUsedBeyondTheLimitAreClosedAndSoAreAllWhenTheConnectionCloses() throws SQLException {
        List<JDBCPreparedStatement> physical = new ArrayList<>();
        Connection c = dataSource.getConnection();
        for (int id = 1; id <= 4; id++) {
            try (PreparedStatement s = c.prepareStatement("SELECT NAME FROM T WHERE ID = " + id)) {
                physical.add(s.unwrap(JDBCPreparedStatement.class));
            }
        }
        assertTrue(physical.get(0).isClosed(), "the oldest of four, with three kept");
        assertTrue(!physical.get(3).isClosed());
        c.close();
        assertTrue(physical.stream().allMatch(JDBCPreparedStatement::isClosed));
    }

    private static List<String> names(PreparedStatement s) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rows = s.executeQuery()) {
            while (rows.next()) out.add(rows.getString(1));
        }
        return out;
    }
}
