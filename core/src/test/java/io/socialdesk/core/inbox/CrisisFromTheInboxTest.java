package io.socialdesk.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.approval.Department;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.crisis.CrisisSettings;
import io.socialdesk.core.inbox.crisis.CrisisStates;
import io.socialdesk.core.inbox.crisis.CrisisWatch;
import io.socialdesk.core.inbox.crisis.TicketCrisisDesk;
import io.socialdesk.core.memory.MemoryTickets;
import io.socialdesk.core.notification.Notice;
import io.socialdesk.core.tracker.Ticket;
import io.socialdesk.core.tracker.TrackedItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Crisis detection as the hosts wire it: it counts what the inbox files, and a spike is one ticket at the highest priority. */
class CrisisFromTheInboxTest {
    /** A short warm-up, so that a test need not replay a week; the bound is the default one. */
    static final CrisisSettings SETTINGS = new CrisisSettings(Duration.ofMinutes(15), 0.1, 5.0, 10, 2.0, 4, 2, 200, Set.of("hugo"));

    final InboxDesk desk = new InboxDesk();
    final List<Notice> notices = new ArrayList<>();
    final CrisisStates states = CrisisStates.inMemory();
    final FlakyTickets tickets = new FlakyTickets();
    final CrisisWatch watch = new CrisisWatch(SETTINGS, states, new TicketCrisisDesk(tickets, desk.stores.accounts,
            () -> new Route("COMMUNITY", null, null, null, "Low", List.of("social"), null), InboxDesk.SOCIAL_DESK), notices::add, desk.clock);
    final InboxImport inbox = new InboxImport(desk.stores.inbox, desk.stores.inbox, OwnPosts.NONE,
            item -> new Triage("en", item.text().contains("awful") ? -0.8 : 0.6, Triage.Urgency.NORMAL, 0),
            (accountId, item, triage) -> new Routed(Route.to("SUPPORT"), null, List.of()), tickets, desk.stores.accounts, network -> Optional.empty(),
            InboxDesk.SOCIAL_DESK, InboxSettings.DEFAULTS, desk.clock, watch.counting());
    int ids;

    @Test
    void aSpikeOfNegativeMentionsOpensOneCrisisTicketAtTheHighestPriorityNamingTheMentionsAndAlertsTheMarketingLeads() {
        ordinaryHours(3);

        for (int i = 0; i < 30; i++) {
            desk.clock.advance(Duration.ofSeconds(20));
            receive("This is awful, my account was charged twice #" + i);
        }

        List<MemoryTickets.Held> crises = crises();
        assertThat(crises).hasSize(1);
        Ticket crisis = crises.get(0).ticket;
        assertThat(crisis.route().project()).isEqualTo("COMMUNITY");
        assertThat(crisis.route().priority()).isEqualTo(TicketCrisisDesk.PRIORITY);
        assertThat(crisis.route().labels()).contains("social", TicketCrisisDesk.LABEL);
        assertThat(crisis.summary()).startsWith("Crisis on account " + desk.account.id());
        // The spike's first mentions are named with their links and the support tickets they were filed on.
        assertThat(crisis.description()).contains("https://bsky.example/post/m" + (ids - 29)).contains("(SUPPORT-");
        // Its later mentions are added as the spike grows; nothing opens a second ticket.
        assertThat(crises.get(0).comments.values()).anyMatch(c -> c.startsWith("Now ") && c.contains("More mentions in the spike"));
        List<Notice> alerts = notices.stream().filter(n -> n.kind() == Notice.Kind.CRISIS).toList();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).itemKey()).isEqualTo(crises.get(0).item.key());
        assertThat(alerts.get(0).userKeys()).containsExactly("hugo");
        assertThat(alerts.get(0).ask()).anyMatch(rule -> rule.department() == Department.MARKETING);
    }

    @Test
    void ordinaryDaysOfComplaintsNeverOpenACrisisTicket() {
        ordinaryHours(48);

        assertThat(crises()).isEmpty();
        assertThat(notices).isEmpty();
        assertThat(tickets.all()).hasSizeGreaterThan(100);
    }

    @Test
    void whatAFailedFilingRolledBackIsNotCountedAndIsCountedOnceWhenFiledLater() {
        ordinaryHours(3);
        String account = String.valueOf(desk.account.id());
        int counted = states.get(account).baseline().count();
        tickets.failing = true;
        for (int i = 0; i < 30; i++) {
            desk.clock.advance(Duration.ofSeconds(5));
            receive("This is awful #" + i);
        }
        assertThat(crises()).isEmpty();
        assertThat(states.get(account).baseline().count()).isEqualTo(counted);

        tickets.failing = false;
        inbox.fileWaiting();

        assertThat(crises()).hasSize(1);
        int negatives = states.get(account).negatives();
        assertThat(negatives).isBetween(30, counted + 30);
        inbox.fileWaiting();
        assertThat(states.get(account).negatives()).isEqualTo(negatives);
    }

    @Test
    void theSpikesEndIsToldOnItsTicketByTheJobWhenNoMentionComesAnyMore() {
        ordinaryHours(3);
        for (int i = 0; i < 30; i++) {
            desk.clock.advance(Duration.ofSeconds(20));
            receive("This is awful #" + i);
        }
        TrackedItem crisis = crises().get(0).item;

        desk.clock.advance(Duration.ofHours(2));
        watch.job().run(desk.clock.instant());

        assertThat(tickets.held(crisis.key()).comments.values()).anyMatch(c -> c.startsWith("The spike is over"));
        assertThat(watch.job().interval()).isEqualTo(Duration.ofMinutes(5));
    }

    /** {@code hours} of two negatives and four positives a window, each filed on its own ticket. */
    void ordinaryHours(int hours) {
        for (int window = 0; window < hours * 4; window++) {
            for (int i = 0; i < 6; i++) {
                desk.clock.advance(Duration.ofMinutes(15).dividedBy(6));
                receive(i % 3 == 0 ? "awful wait on the phone" : "love the new app");
            }
        }
    }

    void receive(String text) {
        String id = "m" + ++ids;
        Inbound item = new Inbound(desk.bluesky.network(), Stream.MENTIONS, id, "mention", text, desk.clock.instant(),
                new Inbound.Author("did:plc:" + id, "someone.example", "Someone", 10L, "https://bsky.example/profile/someone"),
                "https://bsky.example/post/" + id, null, null, "en");
        inbox.receive(desk.account.id(), List.of(item), InboxItem.WEBHOOK);
    }

    List<MemoryTickets.Held> crises() {
        return tickets.all().stream().filter(t -> t.ticket.route().labels().contains(TicketCrisisDesk.LABEL)).toList();
    }

    /** A tracker that can be down. */
    static final class FlakyTickets extends MemoryTickets {
        volatile boolean failing;

        @Override
        public synchronized TrackedItem open(Ticket ticket) {
            if (failing) throw new IllegalStateException("tracker down");
            return super.open(ticket);
        }
    }
}
