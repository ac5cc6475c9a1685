package io.socialdesk.core.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialdesk.core.post.PostState;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotAllowedException;
import io.socialdesk.core.user.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The permission matrix: every actor × every action × every state, allowed or refused with a
 * reason. The table below is written by hand, independently of {@link PostWorkflow}'s data; a
 * (state, action) pair that is not in it must be refused with rule transition-not-allowed.
 *
 * <p>Cells: {@code Y} allowed, {@code -} refused (role), {@code S} refused (separation of duties).
 * Actors: au = the post's author (Marketing author), ma = another Marketing author, ld = Marketing
 * lead, lg = Legal, hr = HR, su = Support agent, ad = Admin, sy = the publishing engine,
 * la = a Marketing lead who is an author of this version, lga = a Legal reviewer who edited it.
 */
class PermissionMatrixTest {
    static final String MATRIX = """
            from               action             to                      au ma ld lg hr su ad sy la lga
            DRAFT              edit               DRAFT                   Y  Y  Y  -  -  -  Y  -  Y  Y
            DRAFT              submit             IN_REVIEW               Y  -  Y  -  -  -  Y  -  Y  Y
            DRAFT              reschedule         DRAFT                   Y  -  Y  -  -  -  Y  -  Y  Y
            DRAFT              cancel             CANCELLED               Y  -  Y  -  -  -  Y  -  Y  Y
            IN_REVIEW          edit               IN_REVIEW               Y  Y  Y  Y  Y  -  Y  -  Y  Y
            IN_REVIEW          approve            APPROVED/IN_REVIEW      -  -  Y  Y  Y  -  -  -  S  S
            IN_REVIEW          request-changes    CHANGES_REQUESTED       -  -  Y  Y  Y  -  -  -  S  S
            IN_REVIEW          reject             REJECTED                -  -  Y  Y  Y  -  -  -  S  S
            IN_REVIEW          withdraw           DRAFT                   Y  -  Y  -  -  -  Y  -  Y  Y
            IN_REVIEW          reschedule         IN_REVIEW               Y  -  Y  -  -  -  Y  -  Y  Y
            IN_REVIEW          cancel             CANCELLED               Y  -  Y  -  -  -  Y  -  Y  Y
            CHANGES_REQUESTED  edit               IN_REVIEW               Y  Y  Y  Y  Y  -  Y  -  Y  Y
            CHANGES_REQUESTED  submit             IN_REVIEW               Y  -  Y  -  -  -  Y  -  Y  Y
            CHANGES_REQUESTED  withdraw           DRAFT                   Y  -  Y  -  -  -  Y  -  Y  Y
            CHANGES_REQUESTED  reschedule         CHANGES_REQUESTED       Y  -  Y  -  -  -  Y  -  Y  Y
            CHANGES_REQUESTED  cancel             CANCELLED               Y  -  Y  -  -  -  Y  -  Y  Y
            APPROVED           edit               IN_REVIEW               Y  Y  Y  Y  Y  -  Y  -  Y  Y
            APPROVED           schedule           SCHEDULED               Y  -  Y  -  -  -  Y  -  Y  Y
            APPROVED           reschedule         APPROVED/IN_REVIEW      Y  -  Y  -  -  -  Y  -  Y  Y
            APPROVED           request-changes    CHANGES_REQUESTED       -  -  Y  Y  Y  -  -  -  S  S
            APPROVED           reject             REJECTED                -  -  Y  Y  Y  -  -  -  S  S
            APPROVED           withdraw           DRAFT                   Y  -  Y  -  -  -  Y  -  Y  Y
            APPROVED           cancel             CANCELLED               Y  -  Y  -  -  -  Y  -  Y  Y
            SCHEDULED          edit               IN_REVIEW               Y  Y  Y  Y  Y  -  Y  -  Y  Y
            SCHEDULED          reschedule         SCHEDULED/IN_REVIEW     Y  -  Y  -  -  -  Y  -  Y  Y
            SCHEDULED          unschedule         APPROVED                Y  -  Y  -  -  -  Y  -  Y  Y
            SCHEDULED          request-changes    CHANGES_REQUESTED       -  -  Y  Y  Y  -  -  -  S  S
            SCHEDULED          reject             REJECTED                -  -  Y  Y  Y  -  -  -  S  S
            SCHEDULED          cancel             CANCELLED               Y  -  Y  -  -  -  Y  -  Y  Y
            SCHEDULED          start-publishing   PUBLISHING              -  -  -  -  -  -  -  Y  -  -
            SCHEDULED          mark-missed        MISSED                  -  -  -  -  -  -  -  Y  -  -
            PUBLISHING         mark-published     PUBLISHED               -  -  -  -  -  -  -  Y  -  -
            PUBLISHING         mark-partial       PARTIAL                 -  -  -  -  -  -  -  Y  -  -
            PUBLISHING         mark-failed        FAILED                  -  -  -  -  -  -  -  Y  -  -
            PUBLISHING         mark-unconfirmed   UNCONFIRMED             -  -  -  -  -  -  -  Y  -  -
            PUBLISHING         mark-missed        MISSED                  -  -  -  -  -  -  -  Y  -  -
            PUBLISHING         cancel             CANCELLED               -  -  -  -  -  -  -  Y  -  -
            PARTIAL            resume-publishing  PUBLISHING              -  -  -  -  -  -  -  Y  -  -
            FAILED             resume-publishing  PUBLISHING              -  -  -  -  -  -  -  Y  -  -
            UNCONFIRMED        resume-publishing  PUBLISHING              -  -  -  -  -  -  -  Y  -  -
            MISSED             resume-publishing  PUBLISHING              -  -  -  -  -  -  -  Y  -  -
            PARTIAL            retry              SCHEDULED               -  -  Y  -  -  -  Y  -  Y  -
            FAILED             retry              SCHEDULED               -  -  Y  -  -  -  Y  -  Y  -
            FAILED             edit               IN_REVIEW               Y  Y  Y  -  -  -  Y  -  Y  Y
            FAILED             cancel             CANCELLED               Y  -  Y  -  -  -  Y  -  Y  Y
            UNCONFIRMED        retry              SCHEDULED               -  -  Y  -  -  -  Y  -  Y  -
            UNCONFIRMED        mark-as-published  PUBLISHED               -  -  Y  -  -  -  Y  -  Y  -
            UNCONFIRMED        mark-failed        FAILED                  -  -  Y  -  -  -  Y  -  Y  -
            MISSED             reschedule         SCHEDULED/IN_REVIEW     Y  -  Y  -  -  -  Y  -  Y  Y
            MISSED             edit               IN_REVIEW               Y  Y  Y  -  -  -  Y  -  Y  Y
            MISSED             cancel             CANCELLED               Y  -  Y  -  -  -  Y  -  Y  Y
            """;

    record Who(String code, Actor actor, boolean author) {
        @Override
        public String toString() {
            return code;
        }
    }

    static final List<Who> ACTORS = List.of(
            new Who("au", Actor.person("alice", Set.of(Role.MARKETING_AUTHOR)), true),
            new Who("ma", Actor.person("bob", Set.of(Role.MARKETING_AUTHOR)), false),
            new Who("ld", Actor.person("lea", Set.of(Role.MARKETING_LEAD)), false),
            new Who("lg", Actor.person("lou", Set.of(Role.LEGAL)), false),
            new Who("hr", Actor.person("hana", Set.of(Role.HR)), false),
            new Who("su", Actor.person("sam", Set.of(Role.SUPPORT_AGENT)), false),
            new Who("ad", Actor.person("ada", Set.of(Role.ADMIN)), false),
            new Who("sy", Actor.SYSTEM, false),
            new Who("la", Actor.person("lena", Set.of(Role.MARKETING_LEAD)), true),
            new Who("lga", Actor.person("lina", Set.of(Role.LEGAL)), true));

    record Row(PostState from, Action action, String to, Map<String, String> cells) {}

    static Map<String, Row> rows() {
        Map<String, Row> rows = new LinkedHashMap<>();
        List<String> lines = MATRIX.lines().filter(l -> !l.isBlank()).toList();
        List<String> header = List.of(lines.get(0).trim().split("\\s+"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.trim().split("\\s+");
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 3; i < f.length; i++) cells.put(header.get(i), f[i]);
            Row row = new Row(PostState.valueOf(f[0]), Action.parse(f[1]), f[2], cells);
            rows.put(row.from() + " " + row.action(), row);
        }
        return rows;
    }

    static Stream<Arguments> everyStateActionAndActor() {
        List<Arguments> out = new ArrayList<>();
        for (PostState s : PostState.values()) for (Action a : Action.values()) for (Who w : ACTORS) out.add(Arguments.of(s, a, w));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} by {2}")
    @MethodSource("everyStateActionAndActor")
    void everyActorEveryActionEveryState(PostState state, Action action, Who who) {
        Row row = rows().get(state + " " + action);
        Verdict v = PostWorkflow.get().check(state, action, who.actor(), who.author());
        if (row == null) {
            assertThat(v.allowed()).isFalse();
            assertThat(v.refusal()).isEqualTo(Verdict.Refusal.NOT_FROM_THIS_STATE);
            assertThat(v.reason()).contains("transition-not-allowed", StateNames.label(state), action.label());
            assertThatThrownBy(() -> PostWorkflow.get().require(state, action, who.actor(), who.author()))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.first().field()).isEqualTo("action");
                        assertThat(e.first().rule()).isEqualTo("transition-not-allowed");
                        assertThat(e.getMessage()).contains(StateNames.label(state), action.label());
                    });
            return;
        }
        String cell = row.cells().get(who.code());
        switch (cell) {
            case "Y" -> {
                assertThat(v.allowed()).as(v.reason()).isTrue();
                Transition t = v.transition().orElseThrow();
                String to = t.to() + t.otherwise().map(o -> "/" + o).orElse("");
                assertThat(to).isEqualTo(row.to());
                assertThat(PostWorkflow.get().require(state, action, who.actor(), who.author())).isEqualTo(t);
            }
            case "-" -> {
                assertThat(v.allowed()).isFalse();
                assertThat(v.refusal()).isEqualTo(Verdict.Refusal.NOT_PERMITTED);
                assertThat(v.reason()).startsWith("Only ").contains(action.label(), StateNames.label(state));
                assertThatThrownBy(() -> PostWorkflow.get().require(state, action, who.actor(), who.author()))
                        .isInstanceOf(NotAllowedException.class).hasMessage(v.reason());
            }
            case "S" -> {
                assertThat(v.allowed()).isFalse();
                assertThat(v.refusal()).isEqualTo(Verdict.Refusal.SEPARATION_OF_DUTIES);
                assertThat(v.reason()).contains("Separation of duties", who.actor().key(), "author");
                assertThatThrownBy(() -> PostWorkflow.get().require(state, action, who.actor(), who.author()))
                        .isInstanceOf(NotAllowedException.class);
            }
            default -> throw new AssertionError("unknown cell " + cell);
        }
    }

    @Test
    void theTableNamesExactlyTheWorkflowsTransitions() {
        List<String> inWorkflow = PostWorkflow.get().transitions().stream().map(t -> t.from() + " " + t.action()).toList();
        assertThat(rows().keySet()).containsExactlyElementsOf(inWorkflow);
        assertThat(rows().values()).allSatisfy(r -> assertThat(r.cells()).hasSize(ACTORS.size()));
    }

    @Test
    void publishedRejectedAndCancelledAreFinal() {
        assertThat(PostWorkflow.get().isFinal(PostState.PUBLISHED)).isTrue();
        assertThat(PostWorkflow.get().isFinal(PostState.REJECTED)).isTrue();
        assertThat(PostWorkflow.get().isFinal(PostState.CANCELLED)).isTrue();
        assertThat(PostWorkflow.get().check(PostState.PUBLISHED, Action.EDIT, ACTORS.get(0).actor(), true).reason())
                .isEqualTo("Rule transition-not-allowed: a post that is Published cannot be moved by \"edit the content\". "
                        + "Published is final: no action leads out of it.");
    }

    @Test
    void aRefusalNamesTheStateTheActionAndWhatIsPossible() {
        Verdict v = PostWorkflow.get().check(PostState.DRAFT, Action.SCHEDULE, ACTORS.get(0).actor(), true);
        assertThat(v.reason()).isEqualTo("Rule transition-not-allowed: a post that is Draft cannot be moved by \"schedule\". "
                + "From Draft the workflow allows: edit the content, submit for review, reschedule (time only), cancel.");
        Verdict role = PostWorkflow.get().check(PostState.IN_REVIEW, Action.APPROVE, ACTORS.get(5).actor(), false);
        assertThat(role.reason()).isEqualTo("Only a reviewer (Marketing lead, Legal or HR) who is not an author may approve a post "
                + "that is In review; sam (roles: support-agent) may not.");
    }

    @Test
    void pagesGetOnlyTheActionsThatWork() {
        assertThat(PostWorkflow.get().actionsFor(PostState.IN_REVIEW, ACTORS.get(3).actor(), false))
                .containsExactly(Action.EDIT, Action.APPROVE, Action.REQUEST_CHANGES, Action.REJECT);
        assertThat(PostWorkflow.get().actionsFor(PostState.PUBLISHING, ACTORS.get(2).actor(), false)).isEmpty();
    }
}
