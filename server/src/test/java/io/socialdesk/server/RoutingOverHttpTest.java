package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialdesk.core.user.Role;
import io.socialdesk.server.db.DatabaseConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routing rules over HTTP on the server's own database: who may do what, every bad field at once, a stale save, the tester, the page. */
class RoutingOverHttpTest {
    private static final String BASE = "/rest/socialdesk/1.0";
    private static final String XSS = "<img src=x onerror=alert(1)>";

    @TempDir
    Path data;

    private static String rule(String name, String conditions, String project) {
        return "{\"name\":" + json(name) + ",\"enabled\":true," + conditions + ",\"project\":" + json(project) + ",\"labels\":[\"social\"]}";
    }

    private static String json(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void leadsReadAndTestAdminsChangeAndOthersAreRefused() throws Exception {
        try (TestServer server = TestServer.embedded(data)) {
            server.addUser("admin", Role.ADMIN);
            server.addUser("marc", Role.MARKETING_LEAD);
            server.addUser("alice", Role.MARKETING_AUTHOR);
            String admin = server.signIn("admin");
            String marc = server.signIn("marc");
            String alice = server.signIn("alice");

            TestServer.Reply refused = server.get(BASE + "/routing/rules", alice);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().path("error").asText()).isEqualTo("Only admins and marketing leads may see the routing rules.");
            assertThat(server.postJson(BASE + "/routing/test", alice, "{\"text\":\"refund\"}").status()).isEqualTo(403);

            JsonNode shipped = TestServer.ok(server.get(BASE + "/routing/rules", marc));
            assertThat(shipped.path("version").asInt()).isZero();
            assertThat(shipped.path("shipped").asBoolean()).isTrue();
            assertThat(shipped.path("rules").findValuesAsText("id")).containsExactly("legal", "hr", "support", "sales");
            assertThat(shipped.path("defaultRoute").path("project").asText()).isEqualTo("COMMUNITY");

            String body = "{\"version\":0,\"rules\":[" + rule("Refunds", "\"keywords\":[\"refund\"]", "SUPPORT") + "],"
                    + "\"defaultRoute\":{\"project\":\"COMMUNITY\"}}";
            TestServer.Reply notAdmin = server.putJson(BASE + "/routing/rules", marc, body);
            assertThat(notAdmin.status()).isEqualTo(403);
            assertThat(notAdmin.json().path("error").asText()).isEqualTo("Only an administrator may change the routing rules.");

            JsonNode saved = TestServer.ok(server.putJson(BASE + "/routing/rules", admin, body));
            assertThat(saved.path("version").asInt()).isEqualTo(1);
            assertThat(saved.path("savedBy").asText()).isEqualTo("admin");
            assertThat(saved.path("rules").get(0).path("id").asText()).as("made from the name").isEqualTo("refunds");
            assertThat(TestServer.ok(server.get(BASE + "/routing/rules", marc)).path("version").asInt()).isEqualTo(1);

            TestServer.Reply stale = server.putJson(BASE + "/routing/rules", admin, body);
            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.json().path("field").asText()).isEqualTo("version");
            assertThat(stale.json().path("rule").asText()).isEqualTo("stale-version");
            assertThat(stale.json().path("error").asText()).startsWith("Someone else saved the routing rules first (now version 1, saved by admin");
        }
    }

    @Test
    void badRulesAreRefusedWithEveryFieldNamedAndNothingIsSaved() throws Exception {
        try (TestServer server = TestServer.embedded(data)) {
            server.addUser("admin", Role.ADMIN);
            String admin = server.signIn("admin");
            String body = "{\"version\":0,\"rules\":["
                    + rule("No project", "\"keywords\":[\"refund\"]", "") + ","
                    + rule("Bad network", "\"networks\":[\"MYSPACE\"],\"minFollowers\":500,\"maxFollowers\":10", "SALES") + ","
                    + rule("Bad regex", "\"regexes\":[\"order #(\\\\d+\"]", "LEGAL")
                    + "],\"defaultRoute\":{\"project\":\"COMMUNITY\"}}";

            TestServer.Reply bad = server.putJson(BASE + "/routing/rules", admin, body);

            assertThat(bad.status()).isEqualTo(400);
            JsonNode problems = bad.json().path("problems");
            assertThat(problems.findValuesAsText("field")).containsExactlyInAnyOrder("rules[0].project", "rules[1].networks[0]",
                    "rules[1].minFollowers", "rules[2].regexes[0]");
            assertThat(problems.findValuesAsText("rule")).containsExactlyInAnyOrder("required", "known-network", "min-above-max", "invalid-regex");
            assertThat(bad.body()).contains("Rule 3 (\u201cBad regex\u201d): \u201corder #(\\\\d+\u201d is not a valid regular expression: Unclosed group");
            TestServer.Reply typo = server.putJson(BASE + "/routing/rules", admin, "{\"version\":0,\"rules\":[],\"defaultRoute\":{\"project\":\"X\"},\"extra\":1}");
            assertThat(typo.status()).isEqualTo(400);
            assertThat(TestServer.ok(server.get(BASE + "/routing/rules", admin)).path("version").asInt()).isZero();
        }
    }

    @Test
    void theTesterRoutesAFrenchTextAndSaysWhy() throws Exception {
        try (TestServer server = TestServer.embedded(data)) {
            server.addUser("marc", Role.MARKETING_LEAD);
            String marc = server.signIn("marc");

            JsonNode tested = TestServer.ok(server.postJson(BASE + "/routing/test", marc,
                    "{\"text\":\"Votre appli NE MARCHE PAS, je veux \u00eatre rembours\u00e9 : remboursement !\",\"network\":\"bluesky\","
                            + "\"triage\":{\"language\":\"fr\",\"mood\":\"NEGATIVE\"}}"));

            assertThat(tested.path("route").path("project").asText()).isEqualTo("SUPPORT");
            assertThat(tested.path("ruleId").asText()).isEqualTo("support");
            assertThat(tested.path("byDefault").asBoolean()).isFalse();
            assertThat(tested.path("why").toString()).isEqualTo("[\"keyword \\\"ne marche pas\\\"\",\"keyword \\\"remboursement\\\"\"]");
            assertThat(tested.path("triage").path("sentiment").asDouble()).isEqualTo(-0.5);
            assertThat(tested.path("triageGiven").asBoolean()).isTrue();

            JsonNode community = TestServer.ok(server.postJson(BASE + "/routing/test", marc, "{\"text\":\"Bravo pour la nouvelle version\"}"));
            assertThat(community.path("byDefault").asBoolean()).isTrue();
            assertThat(community.path("route").path("project").asText()).isEqualTo("COMMUNITY");
            assertThat(community.path("why").get(0).asText()).isEqualTo("no rule matched: default route");
            assertThat(community.path("triageGiven").asBoolean()).isFalse();

            // The page asks in the viewer's language: the same reasons in French; English when it names none.
            JsonNode french = TestServer.ok(server.postJson(BASE + "/routing/test", marc,
                    "{\"text\":\"remboursement\",\"stream\":\"DIRECT_MESSAGES\",\"locale\":\"fr\",\"triage\":{\"language\":\"fr\"}}"));
            assertThat(french.path("why").get(0).asText()).isEqualTo("keyword \"remboursement\"");
            assertThat(french.path("whyText").get(0).asText()).isEqualTo("mot-cl\u00e9 \u00ab remboursement \u00bb");
            assertThat(TestServer.ok(server.postJson(BASE + "/routing/test", marc, "{\"text\":\"Bravo\",\"locale\":\"fr-FR\"}"))
                    .path("whyText").get(0).asText()).isEqualTo("aucune r\u00e8gle ne correspond : route par d\u00e9faut");
            assertThat(community.path("whyText").get(0).asText()).isEqualTo("no rule matched: default route");

            TestServer.Reply bad = server.postJson(BASE + "/routing/test", marc, "{\"network\":\"MYSPACE\",\"triage\":{\"urgency\":\"asap\"}}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().path("problems").findValuesAsText("field")).containsExactly("text", "network", "triage.urgency");
        }
    }

    @Test
    void thePageShowsRuleNamesAsTextEditableForAdminsReadOnlyForLeadsAndRefusedToOthers() throws Exception {
        try (TestServer server = TestServer.embedded(data)) {
            server.addUser("admin", Role.ADMIN);
            server.addUser("marc", Role.MARKETING_LEAD);
            server.addUser("sam", Role.SUPPORT_AGENT);
            String admin = server.signIn("admin");
            TestServer.ok(server.putJson(BASE + "/routing/rules", admin, "{\"version\":0,\"rules\":["
                    + rule(XSS, "\"keywords\":[" + json("</textarea><script>alert(1)</script>") + "]", "SUPPORT")
                    + "],\"defaultRoute\":{\"project\":\"COMMUNITY\"}}"));

            assertThat(server.get("/admin/routing", server.signIn("sam")).status()).isEqualTo(403);
            TestServer.Reply page = server.get("/admin/routing", admin);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain(XSS)
                    .contains("&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)")
                    .contains("id=\"sd-nav-routing\"").contains("data-version=\"1\"").contains("data-may-edit=\"true\"")
                    .doesNotContain("id=\"sd-routing-read-only\"");
            TestServer.Reply lead = server.get("/admin/routing?saved=1", server.signIn("marc"));
            assertThat(lead.body()).contains("id=\"sd-routing-read-only\"").contains("data-may-edit=\"false\"")
                    .contains("class=\"sd-routing-editor\" disabled").contains("id=\"sd-routing-saved\"");
        }
    }
}
