package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.user.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The approval workflow end to end over real HTTP on the embedded database: the scenario
 * (a price claim needs Legal; a one-character edit voids the approvals and the reviewer sees that
 * character), the audit export, and the policy API.
 */
class ReviewOverHttpTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    static TestServer server;
    static String alice;
    static String marc;
    static String laura;
    static String admin;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.embedded(data);
        server.addUser("alice", Role.MARKETING_AUTHOR);
        server.addUser("marc", Role.MARKETING_LEAD);
        server.addUser("laura", Role.LEGAL);
        server.addUser("root", Role.ADMIN);
        alice = server.signIn("alice");
        marc = server.signIn("marc");
        laura = server.signIn("laura");
        admin = server.signIn("root");
        server.app.accounts().add(Network.MASTODON, "@shop@example.social", "Shop");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode create(String cookie, String text) {
        return server.createPost(cookie, text);
    }

    static TestServer.Reply act(String cookie, JsonNode post, String action, String extra) {
        return server.act(cookie, post, action, extra);
    }

    static JsonNode ok(TestServer.Reply reply) {
        return TestServer.ok(reply);
    }

    static JsonNode review(String cookie, JsonNode post) {
        return ok(server.get("/rest/socialdesk/1.0/posts/" + post.get("id").asLong() + "/review", cookie));
    }

    @Test
    void aPriceClaimNeedsLegalAndAOneCharacterEditVoidsApprovalsAndShowsTheCharacter() {
        JsonNode post = create(alice, "Winter sale: only 19,99 € until Sunday");
        post = ok(act(alice, post, "submit", ""));
        assertThat(post.get("state").asText()).isEqualTo("IN_REVIEW");

        JsonNode review = review(marc, post);
        assertThat(review.get("departments")).extracting(d -> d.get("department").asText()).containsExactly("MARKETING", "LEGAL");
        assertThat(review.get("departments").get(1).get("why").asText()).contains("19,99 €");
        assertThat(review.get("actions")).extracting(JsonNode::asText).contains("approve", "request-changes", "reject");

        post = ok(act(marc, post, "approve", ""));
        assertThat(post.get("state").asText()).as("Legal has not approved").isEqualTo("IN_REVIEW");

        ObjectNode edit = (ObjectNode) post.deepCopy();
        edit.put("text", "Winter sale: only 19,99 € until Sunday!");
        for (String readOnly : List.of("id", "key", "url", "media", "plannedInstant", "state", "author", "createdAt", "updatedBy", "updatedAt")) {
            edit.remove(readOnly);
        }
        post = ok(server.putJson("/rest/socialdesk/1.0/posts/" + post.get("id").asLong(), alice, edit.toString()));
        assertThat(post.get("state").asText()).isEqualTo("IN_REVIEW");

        JsonNode afterEdit = review(marc, post);
        assertThat(afterEdit.get("departments").get(0).get("approvedBy")).as("marketing's approval is gone").isEmpty();
        JsonNode changes = afterEdit.get("sinceYourApproval").get("changes");
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).get("field").asText()).isEqualTo("text");
        assertThat(StreamSupport.stream(changes.get(0).get("chars").spliterator(), false)
                .filter(s -> s.get("op").asText().equals("INSERT")).map(s -> s.get("text").asText())).containsExactly("!");

        post = ok(act(marc, post, "approve", ""));
        post = ok(act(laura, post, "approve", ""));
        assertThat(post.get("state").asText()).isEqualTo("APPROVED");
        assertThat(review(alice, post).get("approvalsComplete").asBoolean()).isTrue();

        long id = post.get("id").asLong();
        TestServer.Reply csv = server.get("/rest/socialdesk/1.0/posts/" + id + "/audit?format=csv", laura);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().split("\r\n")).hasSize(1 + 7);
        assertThat(csv.body()).contains("\"EDITED\"", "\"marc\"", "\"laura\"", "\"APPROVED\"");
        JsonNode audit = ok(server.get("/rest/socialdesk/1.0/posts/" + id + "/audit", laura));
        List<String> kinds = new ArrayList<>();
        audit.forEach(e -> kinds.add(e.get("kind").asText()));
        assertThat(kinds).containsExactly("CREATED", "SUBMITTED", "APPROVED", "EDITED", "APPROVED", "APPROVED", "STATE_CHANGED");
        assertThat(ok(server.get("/rest/socialdesk/1.0/posts/" + id + "/decisions", alice))).hasSize(3);
    }

    @Test
    void refusalsNameTheRuleAndChangeNothing() {
        JsonNode post = ok(act(alice, create(alice, "Plain news"), "submit", ""));
        TestServer.Reply selfApproval = act(alice, post, "approve", "");
        assertThat(selfApproval.status()).isEqualTo(403);
        assertThat(selfApproval.json().get("error").asText()).contains("alice");

        TestServer.Reply noReason = act(marc, post, "request-changes", "");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("rule").asText()).isEqualTo("reason-required");
        assertThat(noReason.json().get("field").asText()).isEqualTo("reason");

        TestServer.Reply stale = server.postJson("/rest/socialdesk/1.0/posts/" + post.get("id").asLong() + "/actions", marc,
                "{\"action\":\"approve\",\"version\":1}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("current").get("version").asInt()).isEqualTo(post.get("version").asInt());

        TestServer.Reply unknown = act(marc, post, "publish-now", "");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("rule").asText()).isEqualTo("known-action");

        TestServer.Reply badZone = act(alice, post, "reschedule", ",\"plannedAt\":\"2026-12-05T09:00\",\"zone\":\"Mars/Olympus\"");
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.json().get("rule").asText()).isEqualTo("iana-zone");

        assertThat(review(alice, post).get("post").get("version").asInt()).as("nothing written").isEqualTo(post.get("version").asInt());
    }

    @Test
    void commentsFlagsAndPolicyOverHttp() {
        JsonNode post = create(alice, "Our new office opens");
        long id = post.get("id").asLong();
        TestServer.Reply comment = server.postJson("/rest/socialdesk/1.0/posts/" + id + "/comments", laura,
                "{\"text\":\"<b>Check</b> the address\",\"network\":\"BLUESKY\"}");
        assertThat(comment.status()).as(comment.body()).isEqualTo(201);
        assertThat(comment.json().get("network").asText()).isEqualTo("BLUESKY");
        assertThat(comment.json().get("detail").asText()).isEqualTo("<b>Check</b> the address");

        assertThat(ok(server.putJson("/rest/socialdesk/1.0/posts/" + id + "/flags/hr", alice, "")).get("flagged"))
                .extracting(JsonNode::asText).containsExactly("HR");
        assertThat(server.delete("/rest/socialdesk/1.0/posts/" + id + "/flags/HR", alice).status()).as("only HR or an admin unflags").isEqualTo(403);
        assertThat(review(alice, post).get("departments")).extracting(d -> d.get("department").asText()).containsExactly("MARKETING", "HR");

        JsonNode policy = ok(server.get("/rest/socialdesk/1.0/policies/SD", alice));
        assertThat(policy.get("ordering").asText()).isEqualTo("PARALLEL");
        ObjectNode strict = policy.deepCopy();
        strict.put("ordering", "IN_ORDER").put("keepApprovalsOnReschedule", false);
        assertThat(server.putJson("/rest/socialdesk/1.0/policies/SD", alice, strict.toString()).status()).isEqualTo(403);
        ObjectNode bad = strict.deepCopy();
        ((ObjectNode) bad.get("departments").get(0)).put("quorum", "MOST");
        ((ObjectNode) bad.get("rules").get(0)).putArray("patterns").add("(unclosed");
        ((ObjectNode) bad.get("rules").get(0)).put("kind", "REGEX");
        TestServer.Reply refused = server.putJson("/rest/socialdesk/1.0/policies/SD", admin, bad.toString());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("problems")).extracting(p -> p.get("field").asText() + " " + p.get("rule").asText())
                .contains("departments[0].quorum known-value", "rules[0].patterns[0] invalid-regex");
        JsonNode saved = ok(server.putJson("/rest/socialdesk/1.0/policies/SD", admin, strict.toString()));
        assertThat(saved.get("ordering").asText()).isEqualTo("IN_ORDER");
        assertThat(ok(server.get("/rest/socialdesk/1.0/policies/SD", marc)).get("keepApprovalsOnReschedule").asBoolean()).isFalse();
        ok(server.putJson("/rest/socialdesk/1.0/policies/SD", admin, policy.toString()));
    }
}
