package io.socialdesk.core.inbox.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotAllowedException;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The crisis alert list: administrators replace it, every bad entry is named with its rule, marketing leads read it. */
class CrisisAlertsTest {
    static final User ADMIN = new User("admin", "Admin", Set.of(Role.ADMIN), ZoneOffset.UTC);
    static final User LEAD = new User("laura", "Laura", Set.of(Role.MARKETING_LEAD), ZoneOffset.UTC);
    static final User AGENT = new User("sam", "Sam", Set.of(Role.SUPPORT_AGENT), ZoneOffset.UTC);

    final List<String> saved = new ArrayList<>();
    final CrisisAlerts alerts = new CrisisAlerts(new CrisisAlerts.Store() {
        @Override public List<String> recipients() { return List.copyOf(saved); }
        @Override public void replace(List<String> keys) { saved.clear(); saved.addAll(keys); }
    }, Set.of("laura", "sam", "hugo", "JIRAUSER10100")::contains);

    @Test
    void anAdministratorReplacesTheListAndALeadReadsIt() {
        assertThat(alerts.save(List.of(" sam ", "JIRAUSER10100"), ADMIN)).containsExactly("sam", "JIRAUSER10100");
        assertThat(alerts.recipients(LEAD)).containsExactly("sam", "JIRAUSER10100");
        assertThat(alerts.save(List.of(), ADMIN)).isEmpty();
        assertThatThrownBy(() -> alerts.save(List.of("sam"), LEAD)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> alerts.recipients(AGENT)).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void everyBadEntryIsNamedWithItsRuleAndNothingIsSaved() {
        alerts.save(List.of("hugo"), ADMIN);
        List<String> entries = new ArrayList<>(List.of("sam", " ", "<script>", "sam", "nobody"));
        entries.add(null);
        assertThatThrownBy(() -> alerts.save(entries, ADMIN)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.problems()).extracting(FieldProblem::field, FieldProblem::rule).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("recipients[1]", "required"),
                        org.assertj.core.groups.Tuple.tuple("recipients[2]", "user-key"),
                        org.assertj.core.groups.Tuple.tuple("recipients[3]", "unique"),
                        org.assertj.core.groups.Tuple.tuple("recipients[4]", "unknown-user"),
                        org.assertj.core.groups.Tuple.tuple("recipients[5]", "required")));
        assertThat(saved).containsExactly("hugo");
        assertThatThrownBy(() -> alerts.save(Collections.nCopies(51, "sam"), ADMIN)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::rule).contains("max-items"));
        assertThatThrownBy(() -> alerts.save(null, ADMIN)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.first().field()).isEqualTo("recipients"));
    }
}
