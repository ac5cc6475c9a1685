package io.socialdesk.server.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.socialdesk.core.approval.ApproverQuorum;
import io.socialdesk.core.approval.Department;
import io.socialdesk.core.approval.DepartmentRule;
import io.socialdesk.core.notification.Notice;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import io.socialdesk.server.auth.ServerUser;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who a notice reaches on the server: the holders of each asked department's role, the people named, never the actor. */
class ServerNotifierTest {
    static final DepartmentRule MARKETING = new DepartmentRule(Department.MARKETING, Role.MARKETING_LEAD, Optional.empty(), ApproverQuorum.ANY_ONE);
    static final DepartmentRule LEGAL = new DepartmentRule(Department.LEGAL, Role.LEGAL, Optional.empty(), ApproverQuorum.ANY_ONE);

    final List<ServerUser> everyone = List.of(
            user("alice", Role.MARKETING_AUTHOR), user("marc", Role.MARKETING_LEAD), user("mia", Role.MARKETING_LEAD),
            user("laura", Role.LEGAL), user("hugo", Role.HR), user("lead-and-legal", Role.MARKETING_LEAD, Role.LEGAL));
    final ServerNotifier.People people = new ServerNotifier.People() {
        @Override
        public List<ServerUser> withRole(Role role) {
            return everyone.stream().filter(u -> u.user().has(role)).toList();
        }

        @Override
        public Optional<ServerUser> find(String key) {
            return everyone.stream().filter(u -> u.user().key().equals(key)).findFirst();
        }
    };
    final NoticeInbox inbox = mock(NoticeInbox.class);
    final ServerNotifier notifier = new ServerNotifier(people, inbox, Optional.empty());

    @Test
    void aReviewRequestReachesEveryHolderOfTheAskedRolesOnce() {
        Notice notice = notice("alice", List.of(MARKETING, LEGAL), Set.of());
        assertThat(notifier.recipients(notice)).containsExactly("marc", "mia", "lead-and-legal", "laura");
        notifier.send(notice);
        verify(inbox).deliver(Set.of("marc", "mia", "lead-and-legal", "laura"), notice);
    }

    @Test
    void theActorIsNeverToldAboutTheirOwnAction() {
        assertThat(notifier.recipients(notice("marc", List.of(MARKETING), Set.of()))).containsExactly("mia", "lead-and-legal");
        assertThat(notifier.recipients(notice("marc", List.of(), Set.of("alice", "marc")))).containsExactly("alice");
    }

    @Test
    void peopleNamedDirectlyAreToldWhateverTheirRole() {
        assertThat(notifier.recipients(notice("laura", List.of(), Set.of("alice", "hugo")))).containsExactly("alice", "hugo");
    }

    @Test
    void aDepartmentNamingAGroupFallsBackToItsRoleOnTheServer() {
        DepartmentRule legalGroup = new DepartmentRule(Department.LEGAL, Role.LEGAL, Optional.of("legal-fr"), ApproverQuorum.ANY_ONE);
        assertThat(notifier.recipients(notice("alice", List.of(legalGroup), Set.of()))).containsExactly("laura", "lead-and-legal");
    }

    @Test
    void aNoticeForNobodyStoresNothing() {
        Notice onlyTheActor = notice("alice", List.of(), Set.of("alice"));
        notifier.send(onlyTheActor);
        verify(inbox, never()).deliver(any(), eq(onlyTheActor));
    }

    static ServerUser user(String key, Role... roles) {
        return new ServerUser(new User(key, key.toUpperCase(Locale.ROOT), Set.of(roles), ZoneId.of("Europe/Paris")), Locale.ENGLISH);
    }

    static Notice notice(String actor, List<DepartmentRule> ask, Set<String> userKeys) {
        return new Notice(ask.isEmpty() ? Notice.Kind.APPROVED : Notice.Kind.REVIEW_REQUESTED, 7, "SD-7", "/items/SD-7", "Winter launch",
                actor, ask, userKeys, "", Instant.parse("2026-11-22T10:00:00Z"));
    }
}
