package io.socialdesk.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.approval.ApprovalPolicy;
import io.socialdesk.core.approval.ApproverQuorum;
import io.socialdesk.core.approval.ContentDiff;
import io.socialdesk.core.approval.ContentHash;
import io.socialdesk.core.approval.ContentRule;
import io.socialdesk.core.approval.ContentRules;
import io.socialdesk.core.approval.Decision;
import io.socialdesk.core.approval.Department;
import io.socialdesk.core.approval.DepartmentRule;
import io.socialdesk.core.audit.AuditEvent;
import io.socialdesk.core.audit.AuditKind;
import io.socialdesk.core.post.Media;
import io.socialdesk.core.post.PostContent;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.post.Utm;
import io.socialdesk.core.user.Role;
import io.socialdesk.store.approval.AoContentVersions;
import io.socialdesk.store.approval.AoDecisionStore;
import io.socialdesk.store.approval.ContentVersionEntity;
import io.socialdesk.store.approval.AoPolicyStore;
import io.socialdesk.store.approval.DecisionEntity;
import io.socialdesk.store.approval.PolicyEntity;
import io.socialdesk.store.audit.AoAuditTrail;
import io.socialdesk.store.audit.AuditEntity;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The approval workflow's stores (decisions, policies, the audit trail) on the embedded HSQLDB and on a real PostgreSQL. */
class ApprovalStoresTest extends OnBothDatabases {
    static final AtomicLong POST_IDS = new AtomicLong(1000);
    static final Instant T0 = Instant.parse("2026-11-22T10:15:30.123Z");

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void decisionsComeBackInTheOrderTheyWereRecorded(Database db) {
        AoDecisionStore store = new AoDecisionStore(db.ao());
        long post = POST_IDS.incrementAndGet();
        String hash = "a".repeat(64);
        Decision first = new Decision(post, "lea", Department.MARKETING, Decision.Kind.APPROVED, Optional.empty(), hash, T0);
        Decision second = new Decision(post, "lou", Department.LEGAL, Decision.Kind.CHANGES_REQUESTED,
                Optional.of("Le prix doit mentionner « TTC » — et l'offre ses conditions. " + "x".repeat(3000)), hash, T0.plusSeconds(1));
        Decision third = new Decision(post, "lou", Department.LEGAL, Decision.Kind.APPROVED, Optional.empty(), "b".repeat(64), T0);
        store.record(first);
        store.record(second);
        store.record(third);
        store.record(new Decision(post + 1, "lea", Department.HR, Decision.Kind.REJECTED, Optional.empty(), hash, T0));
        assertThat(store.list(post)).containsExactly(first, second, third);
        assertThat(store.list(999_999)).isEmpty();
        assertThat(store.listAll(List.of(post, 999_999L))).containsOnlyKeys(post, 999_999L)
                .containsEntry(post, List.of(first, second, third)).containsEntry(999_999L, List.of());
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void aPolicyIsSavedReplacedAndReadBack(Database db) {
        AoPolicyStore store = new AoPolicyStore(db.ao());
        String project = "P" + POST_IDS.incrementAndGet();
        assertThat(store.find(project)).isEmpty();
        assertThat(store.policyFor(project)).isEqualTo(ApprovalPolicy.defaults(project));

        ContentRules rules = ContentRules.defaultsWithCompetitors(List.of("Acme", "Société Générique"))
                .with(new ContentRule("legal.codes", Department.LEGAL, ContentRule.Kind.REGEX, List.of("\\bcode\\s+[a-z0-9]+", "tab\there"), "promo codes"));
        ApprovalPolicy policy = new ApprovalPolicy(project, List.of(
                new DepartmentRule(Department.LEGAL, Role.LEGAL, Optional.of("legal-fr"), ApproverQuorum.atLeast(2)),
                new DepartmentRule(Department.MARKETING, Role.MARKETING_LEAD, Optional.empty(), ApproverQuorum.all(Set.of("lea", "leo")))),
                ApprovalPolicy.Ordering.IN_ORDER, false, rules);
        store.save(policy);
        ApprovalPolicy read = store.find(project).orElseThrow();
        assertThat(read.departments()).isEqualTo(policy.departments());
        assertThat(read.rules().rules()).isEqualTo(policy.rules().rules());
        assertThat(read.ordering()).isEqualTo(ApprovalPolicy.Ordering.IN_ORDER);
        assertThat(read.keepApprovalsOnReschedule()).isFalse();

        store.save(ApprovalPolicy.defaults(project));
        ApprovalPolicy replaced = store.find(project).orElseThrow();
        assertThat(replaced.ordering()).isEqualTo(ApprovalPolicy.Ordering.PARALLEL);
        assertThat(replaced.rules().rules()).isEqualTo(ContentRules.defaults().rules());
        assertThat(db.ao().count(PolicyEntity.class, net.java.ao.Query.select().where("PROJECT_KEY = ?", project))).isEqualTo(1);
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void theAuditTrailKeepsEveryFieldAndTheOrderOfAppending(Database db) {
        AoAuditTrail trail = new AoAuditTrail(db.ao());
        long post = POST_IDS.incrementAndGet();
        List<AuditEvent> events = List.of(
                AuditEvent.of(post, T0, "alice", AuditKind.CREATED, "").withHash("c".repeat(64)).withStates(PostState.DRAFT, PostState.DRAFT),
                AuditEvent.of(post, T0, "lou", AuditKind.COMMENTED, "Émoji 👩🏽‍💻 and \"quotes\"\nnew line =cmd").withNetwork(Network.BLUESKY),
                AuditEvent.of(post, T0.minusSeconds(5), "socialdesk:system", AuditKind.STATE_CHANGED, "")
                        .withStates(PostState.SCHEDULED, PostState.PUBLISHING));
        events.forEach(trail::append);
        trail.append(AuditEvent.of(post + 1, T0, "x", AuditKind.EDITED, "other post"));
        assertThat(trail.list(post)).containsExactlyElementsOf(events);
        assertThat(trail.listAll(List.of(post, post + 1)).get(post)).containsExactlyElementsOf(events);
    }

    /** The publish gate's read: only the kinds asked, each post's in the order of appending, in chunks past the IN list's limit. */
    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void theAuditTrailListsOnlyTheKindsAskedForManyPosts(Database db) {
        AoAuditTrail trail = new AoAuditTrail(db.ao());
        long first = POST_IDS.getAndAdd(600) + 1;
        List<Long> ids = java.util.stream.LongStream.range(first, first + 600).boxed().toList();
        // Posts in both chunks (500 ids each at most), with every kind, interleaved across posts.
        List<Long> withEvents = List.of(first, first + 1, first + 550);
        for (AuditKind kind : AuditKind.values()) {
            for (long post : withEvents) {
                trail.append(AuditEvent.of(post, T0, "alice", kind, kind + " of " + post).withStates(PostState.APPROVED, PostState.IN_REVIEW));
            }
        }
        Set<AuditKind> kinds = Set.of(AuditKind.CREATED, AuditKind.EDITED, AuditKind.RESCHEDULED, AuditKind.FLAGGED);
        Map<Long, List<AuditEvent>> some = trail.listAll(ids, kinds);
        Map<Long, List<AuditEvent>> all = trail.listAll(ids);
        assertThat(some).hasSize(600).containsOnlyKeys(all.keySet());
        for (long post : withEvents) {
            assertThat(some.get(post)).extracting(AuditEvent::kind)
                    .containsExactly(AuditKind.CREATED, AuditKind.EDITED, AuditKind.FLAGGED, AuditKind.RESCHEDULED);
            assertThat(some.get(post)).containsExactlyElementsOf(all.get(post).stream().filter(e -> kinds.contains(e.kind())).toList());
        }
        assertThat(some.get(first + 2)).isEmpty();
        assertThat(trail.listAll(List.of(first), Set.of())).containsExactly(Map.entry(first, List.of()));
        // Read inside the transaction that appended (the server holds such rows until it inserts them in one batch).
        List<AuditEvent> seenInside = db.ao().inTransaction(() -> {
            trail.append(AuditEvent.of(first + 2, T0, "marc", AuditKind.EDITED, "inside"));
            trail.append(AuditEvent.of(first + 2, T0, "marc", AuditKind.COMMENTED, "inside"));
            return trail.listAll(List.of(first + 2), kinds).get(first + 2);
        });
        assertThat(seenInside).extracting(AuditEvent::detail).containsExactly("inside");
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void eventsAppendedInOneTransactionKeepTheirOrderAndAreReadInIt(Database db) {
        AoAuditTrail trail = new AoAuditTrail(db.ao());
        long post = POST_IDS.incrementAndGet();
        // Rows of different shapes (hash, network, states or none): the server inserts a transaction's rows in one batch.
        List<AuditEvent> events = List.of(
                AuditEvent.of(post, T0, "socialdesk:system", AuditKind.STATE_CHANGED, "").withHash("d".repeat(64))
                        .withStates(PostState.SCHEDULED, PostState.PUBLISHING),
                AuditEvent.of(post, T0, "socialdesk:system", AuditKind.SEND_RESULT, "sent hook 1: https://example.net/1").withNetwork(Network.WEBHOOK),
                AuditEvent.of(post, T0, "lou", AuditKind.COMMENTED, "plain"));
        List<AuditEvent> seenInside = db.ao().inTransaction(() -> {
            events.forEach(trail::append);
            return trail.list(post);
        });
        assertThat(seenInside).containsExactlyElementsOf(events);
        AuditEvent after = AuditEvent.of(post, T0, "socialdesk:system", AuditKind.STATE_CHANGED, "").withStates(PostState.PUBLISHING, PostState.PUBLISHED);
        db.ao().inTransaction(() -> {
            trail.append(after);
            return null;
        });
        assertThat(trail.list(post)).containsExactlyElementsOf(java.util.stream.Stream.concat(events.stream(), java.util.stream.Stream.of(after)).toList());
        // Rolled back with its transaction, like any row.
        try {
            db.ao().inTransaction(() -> {
                trail.append(AuditEvent.of(post, T0, "x", AuditKind.EDITED, "rolled back"));
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // the transaction failed
        }
        assertThat(trail.list(post)).hasSize(4);
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void theApprovedContentIsKeptOncePerHashForTheDiff(Database db) {
        AoContentVersions versions = new AoContentVersions(db.ao());
        long post = POST_IDS.incrementAndGet();
        PostContent approved = new PostContent("Prix : 19,99 € 👍", Map.of(Network.MASTODON, "Toot"),
                List.of(new Media("ab".repeat(32), "image/png", 1234, "Un vélo", "velo.png")), List.of("2/2"), Optional.of(""),
                List.of("#vélo"), new Utm("social", "rentree", ""), "Rentrée", "fr", List.of(3L, 1L));
        String hash = versions.save(post, approved);
        assertThat(versions.save(post, approved)).isEqualTo(hash).isEqualTo(ContentHash.of(approved));
        PostContent current = PostContent.ofText("Prix : 18,99 €");
        versions.save(post, current);
        assertThat(versions.find(post, hash)).contains(approved);
        assertThat(versions.find(post + 1, hash)).isEmpty();
        assertThat(ContentDiff.between(versions.find(post, hash).orElseThrow(), current)).isNotEmpty();
        assertThat(db.ao().count(ContentVersionEntity.class, net.java.ao.Query.select().where("POST_ID = ?", post))).isEqualTo(2);
    }

    @Test
    void theAoStoresOfferNoUpdateOrDelete() {
        for (Class<?> store : List.of(AoAuditTrail.class, AoDecisionStore.class, AoContentVersions.class)) {
            assertThat(Arrays.stream(store.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers())).map(Method::getName))
                    .as(store.getSimpleName()).isSubsetOf("append", "record", "save", "list", "listAll", "find");
        }
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void tablesAreNamedAsJiraNamesThem(Database db) {
        assertThat(db.tableName(ContentVersionEntity.class)).isEqualTo(Database.tablePrefix() + "_CONTENT_VERSION");
        assertThat(db.tableName(DecisionEntity.class)).isEqualTo(Database.tablePrefix() + "_APPROVAL_DECISION");
        assertThat(db.tableName(PolicyEntity.class)).isEqualTo(Database.tablePrefix() + "_APPROVAL_POLICY");
        assertThat(db.tableName(AuditEntity.class)).isEqualTo(Database.tablePrefix() + "_AUDIT_EVENT");
    }
}
