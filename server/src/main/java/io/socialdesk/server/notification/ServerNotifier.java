package io.socialdesk.server.notification;

import io.socialdesk.core.approval.DepartmentRule;
import io.socialdesk.core.notification.Notice;
import io.socialdesk.core.notification.Notifier;
import io.socialdesk.core.user.Role;
import io.socialdesk.server.auth.ServerUser;
import io.socialdesk.server.auth.ServerUsers;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Notifier} for the server: finds who a notice is for (the holders of each asked
 * department's role, plus the people it names, never the person who acted), puts it in each one's
 * in-app list, and e-mails it to those with an address when SMTP is set.
 */
public final class ServerNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(ServerNotifier.class);

    /** Who the server knows: {@link ServerUsers} in the app, a list in tests. */
    public interface People {
        List<ServerUser> withRole(Role role);

        Optional<ServerUser> find(String key);

        static People of(ServerUsers users) {
            return new People() {
                @Override
                public List<ServerUser> withRole(Role role) {
                    return users.withRole(role);
                }

                @Override
                public Optional<ServerUser> find(String key) {
                    return users.find(key);
                }
            };
        }
    }

    private final People people;
    private final NoticeInbox inbox;
    private final Optional<NoticeMailer> mailer;
    private final Set<String> groupsWarnedAbout = ConcurrentHashMap.newKeySet();

    public ServerNotifier(People people, NoticeInbox inbox, Optional<NoticeMailer> mailer) {
        this.people = people;
        this.inbox = inbox;
        this.mailer = mailer;
    }

    @Override
    public void send(Notice notice) {
        Set<String> recipients = recipients(notice);
        if (recipients.isEmpty()) return;
        inbox.deliver(recipients, notice);
        mailer.ifPresent(m -> {
            String actorName = people.find(notice.actorKey()).map(u -> u.user().displayName()).orElse(notice.actorKey());
            for (String recipient : recipients) {
                people.find(recipient).ifPresent(user -> user.email().ifPresent(address -> m.mail(user, address, notice, actorName)));
            }
        });
    }

    /** Everyone the notice is for, in a stable order: role holders by department, then the people named. */
    public Set<String> recipients(Notice notice) {
        Set<String> to = new LinkedHashSet<>();
        for (DepartmentRule rule : notice.ask()) {
            rule.group().ifPresent(group -> {
                // The server has roles, not groups: say so once per group, and ask the role's holders instead.
                if (groupsWarnedAbout.add(group)) {
                    LOG.warn("The approval policy names the group '{}' for {}; the server has no groups, so the holders of the role {} are asked instead",
                            group, rule.department(), rule.role().slug());
                }
            });
            people.withRole(rule.role()).forEach(user -> to.add(user.user().key()));
        }
        to.addAll(notice.userKeys().stream().sorted().toList());
        to.remove(notice.actorKey());
        return to;
    }
}
