package io.socialdesk.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.post.PostState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditExportTest {
    static final Instant AT = Instant.parse("2026-11-22T10:15:30.123Z");

    @Test
    void csvQuotesEveryCellDoublesQuotesAndUsesCrlf() {
        AuditEvent e = AuditEvent.of(7, AT, "lea", AuditKind.COMMENTED, "He said \"no\",\nthen left").withNetwork(Network.MASTODON);
        assertThat(AuditExport.csv(List.of(e))).isEqualTo(
                "\"post\",\"at\",\"actor\",\"kind\",\"contentHash\",\"from\",\"to\",\"network\",\"detail\"\r\n"
                        + "\"7\",\"2026-11-22T10:15:30.123Z\",\"lea\",\"COMMENTED\",\"\",\"\",\"\",\"MASTODON\",\"He said \"\"no\"\",\nthen left\"\r\n");
    }

    @Test
    void csvDefusesSpreadsheetFormulas() {
        for (String evil : List.of("=HYPERLINK(\"http://x\")", "+1+1", "-2", "@SUM(A1)", "\tx", "\rx")) {
            String csv = AuditExport.csv(List.of(AuditEvent.of(1, AT, evil, AuditKind.COMMENTED, evil)));
            String row = csv.substring(csv.indexOf("\r\n") + 2);
            assertThat(row).startsWith("\"1\",\"2026-11-22T10:15:30.123Z\",\"'" + evil.charAt(0));
            assertThat(row).endsWith(",\"'" + evil.replace("\"", "\"\"") + "\"\r\n");
        }
        assertThat(AuditExport.csvCell("a=b")).isEqualTo("\"a=b\"");
    }

    @Test
    void jsonEscapesAndKeepsAbsentValuesNull() {
        AuditEvent e = new AuditEvent(3, AT, "socialdesk:system", AuditKind.STATE_CHANGED, java.util.Optional.of("abc"), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), "quote \" backslash \\ newline \n tag </script> \u2028 émoji 👍 \u0001")
                .withStates(PostState.SCHEDULED, PostState.PUBLISHING);
        assertThat(AuditExport.json(List.of(e))).isEqualTo("[{\"post\":3,\"at\":\"2026-11-22T10:15:30.123Z\",\"actor\":\"socialdesk:system\","
                + "\"kind\":\"STATE_CHANGED\",\"contentHash\":\"abc\",\"from\":\"SCHEDULED\",\"to\":\"PUBLISHING\",\"network\":null,"
                + "\"detail\":\"quote \\\" backslash \\\\ newline \\n tag \\u003c/script\\u003e \\u2028 émoji 👍 \\u0001\"}]");
        assertThat(AuditExport.json(List.of())).isEqualTo("[]");
        assertThat(AuditExport.jsonString("\uD800x")).isEqualTo("\"\\ud800x\"");
    }

    @Test
    void aCommentMayNameOneNetworkAndNeedsText() {
        AuditEvent c = AuditEvent.comment(5, AT, "lou", java.util.Optional.of(Network.X), "  Too long for X?  ");
        assertThat(c.kind()).isEqualTo(AuditKind.COMMENTED);
        assertThat(c.network()).contains(Network.X);
        assertThat(c.detail()).isEqualTo("Too long for X?");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AuditEvent.comment(5, AT, "lou", java.util.Optional.empty(), " \n "))
                .isInstanceOfSatisfying(io.socialdesk.core.problem.InvalidInputException.class,
                        e -> assertThat(e.first().field() + " " + e.first().rule()).isEqualTo("text required"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AuditEvent.comment(5, AT, "lou", java.util.Optional.empty(), "x".repeat(10_001)))
                .isInstanceOf(io.socialdesk.core.problem.InvalidInputException.class).hasMessageContaining("10000");
    }

    @Test
    void theTrailPortHasNoWayToChangeOrRemoveAnEntry() {
        assertThat(AuditTrail.class.getMethods()).extracting(java.lang.reflect.Method::getName).containsOnly("append", "list", "listAll");
    }
}
