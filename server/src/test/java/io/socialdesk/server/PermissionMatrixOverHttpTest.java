package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.approval.Action;
import io.socialdesk.core.approval.Actor;
import io.socialdesk.core.approval.PostWorkflow;
import io.socialdesk.core.approval.ReviewService;
import io.socialdesk.core.approval.Verdict;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.user.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The permission matrix as users meet it: for every role (and the post's own author), every
 * action a person can ask for, and every state a person can bring a post to, the HTTP answer is
 * what {@link PostWorkflow} says: 400 {@code transition-not-allowed} when the action does not exist
 * from that state, 403 with the workflow's reason when this person may not, and 200 when they may.
 * Posts flag Legal and HR so that every reviewer has something to decide.
 */
class PermissionMatrixOverHttpTest {
    @TempDir
    static Path data;

    static TestServer server;
    static final Map<String, Set<Role>> PEOPLE = new LinkedHashMap<>();
    static final Map<String, String> COOKIES = new LinkedHashMap<>();
    static final AtomicInteger MINUTES = new AtomicInteger();

    static {
        PEOPLE.put("alice", Set.of(Role.MARKETING_AUTHOR)); // creates every post: its author
        PEOPLE.put("ana", Set.of(Role.MARKETING_AUTHOR));
        PEOPLE.put("marc", Set.of(Role.MARKETING_LEAD));
        PEOPLE.put("laura", Set.of(Role.LEGAL));
        PEOPLE.put("hugo", Set.of(Role.HR));
        PEOPLE.put("sam", Set.of(Role.SUPPORT_AGENT));
        PEOPLE.put("root", Set.of(Role.ADMIN));
    }

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.embedded(data);
        PEOPLE.forEach((name, roles) -> server.addUser(name, roles.iterator().next()));
        PEOPLE.keySet().forEach(name -> COOKIES.put(name, server.signIn(name)));
        server.app.accounts().add(Network.MASTODON, "@shop@example.social", "Shop");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyRoleEveryActionEveryStateAnswersAsTheWorkflowSays() {
        Map<PostState, JsonNode> posts = new EnumMap<>(PostState.class);
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (PostState state : List.of(PostState.DRAFT, PostState.IN_REVIEW, PostState.CHANGES_REQUESTED, PostState.APPROVED, PostState.SCHEDULED)) {
            for (Map.Entry<String, Set<Role>> person : PEOPLE.entrySet()) {
                for (Action action : ReviewService.PERSON_ACTIONS) {
                    JsonNode post = posts.computeIfAbsent(state, PermissionMatrixOverHttpTest::postIn);
                    Verdict expected = PostWorkflow.get().check(state, action, Actor.person(person.getKey(), person.getValue()),
                            person.getKey().equals("alice"));
                    TestServer.Reply reply = server.act(COOKIES.get(person.getKey()), post, action.slug(), extra(action));
                    checked++;
                    String what = state + " " + person.getKey() + " " + action.slug() + " -> " + reply.status() + " " + reply.body();
                    switch (expected.refusal()) {
                        case NONE -> {
                            if (reply.status() != 200) mismatches.add("expected 200: " + what);
                            posts.remove(state); // the post moved on: the next check needs a fresh one
                        }
                        case NOT_FROM_THIS_STATE -> {
                            if (reply.status() != 400 || !reply.json().path("rule").asText().equals("transition-not-allowed")) {
                                mismatches.add("expected 400 transition-not-allowed: " + what);
                            }
                        }
                        case NOT_PERMITTED, SEPARATION_OF_DUTIES -> {
                            if (reply.status() != 403 || !reply.json().path("error").asText().equals(expected.reason())) {
                                mismatches.add("expected 403 \"" + expected.reason() + "\": " + what);
                            }
                        }
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(5 * PEOPLE.size() * ReviewService.PERSON_ACTIONS.size());
        assertThat(mismatches).isEmpty();
    }

    /** A reason for the actions that need one, a new time for a reschedule. */
    static String extra(Action action) {
        return switch (action) {
            case REQUEST_CHANGES, REJECT -> ",\"reason\":\"Please check the claim\"";
            case RESCHEDULE -> ",\"plannedAt\":\"2026-12-0" + (2 + MINUTES.get() / 600 % 7) + "T" + String.format("%02d:%02d",
                    8 + MINUTES.get() / 60 % 10, MINUTES.getAndIncrement() % 60) + "\",\"zone\":\"Europe/Paris\"";
            default -> "";
        };
    }

    /** A fresh post of alice's in the state, brought there through the API as people would. */
    static JsonNode postIn(PostState state) {
        String alice = COOKIES.get("alice");
        JsonNode post = server.createPost(alice, "Team news for " + state);
        for (String department : List.of("legal", "hr")) {
            assertThat(server.putJson("/rest/socialdesk/1.0/posts/" + post.get("id").asLong() + "/flags/" + department, alice, "").status())
                    .isEqualTo(200);
        }
        if (state == PostState.DRAFT) return post;
        post = TestServer.ok(server.act(alice, post, "submit", ""));
        if (state == PostState.IN_REVIEW) return post;
        if (state == PostState.CHANGES_REQUESTED) {
            return TestServer.ok(server.act(COOKIES.get("marc"), post, "request-changes", ",\"reason\":\"Shorter\""));
        }
        for (String reviewer : List.of("marc", "laura", "hugo")) post = TestServer.ok(server.act(COOKIES.get(reviewer), post, "approve", ""));
        assertThat(post.get("state").asText()).isEqualTo("APPROVED");
        if (state == PostState.APPROVED) return post;
        return TestServer.ok(server.act(alice, post, "schedule", ""));
    }
}
