package io.socialdesk.core.inbox.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.audit.AuditEvent;
import io.socialdesk.core.audit.AuditKind;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.InboxItem;
import io.socialdesk.core.memory.MemoryTickets;
import io.socialdesk.core.problem.NotAllowedException;
import io.socialdesk.core.tracker.TrackedItem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForgettingTest {

    @Test
    void forgettingAPersonLeavesTheTicketsWithPlaceholdersAndAnAuditEventWithoutTheirWords() {
        AnswerDesk desk = new AnswerDesk(Network.BLUESKY);
        Inbound opening = desk.message("at://pat/1", "pat.example", Stream.MENTIONS, null, "@acme my secret address is 12 Rue X");
        Inbound kimAsks = desk.message("at://kim/1", "kim.example", Stream.MENTIONS, null, "@acme where is my parcel");
        Inbound patJoins = desk.message("at://pat/2", "pat.example", Stream.REPLIES, "at://kim/1", "me too, call me on 0612345678");
        desk.receive(opening, kimAsks);
        desk.receive(patJoins);
        TrackedItem patsTicket = desk.ticketOf("at://pat/1");
        TrackedItem kimsTicket = desk.ticketOf("at://kim/1");
        Reply held = desk.answering.write(kimsTicket.key(), "Pat, send us a DM", false, keyOf(desk, "at://pat/2"),
                AnswerDesk.SAM);
        desk.tick();
        Reply toPat = desk.answering.write(patsTicket.key(), "We will visit", false, null, AnswerDesk.SAM);
        assertThat(held.state()).isEqualTo(ReplyState.QUEUED);

        assertThatThrownBy(() -> desk.forgetting.forget(Network.BLUESKY, "pat.example", AnswerDesk.SAM)).isInstanceOf(NotAllowedException.class);
        Forgetting.Result result = desk.forgetting.forget(Network.BLUESKY, "@Pat.Example", AnswerDesk.ADMIN);

        assertThat(result.items()).isEqualTo(2);
        assertThat(result.tickets()).isEqualTo(2);
        assertThat(result.conversations()).isEqualTo(1);
        assertThat(result.replies()).isEqualTo(2);
        // Nothing of theirs is left in the inbox.
        for (InboxItem i : desk.stores.inbox.items()) {
            assertThat(i.inbound().toString()).doesNotContain("pat.example").doesNotContain("12 Rue X").doesNotContain("0612345678")
                    .doesNotContain("at://pat");
        }
        assertThat(desk.stores.inbox.items()).filteredOn(i -> i.inbound().text().equals(Forgetting.PLACEHOLDER)).hasSize(2);
        // Their ticket stays, with placeholders; Kim's ticket keeps Kim's words and loses Pat's comment.
        MemoryTickets.Held pats = desk.tickets.held(patsTicket.key());
        assertThat(pats.summary).isEqualTo(Forgetting.PLACEHOLDER);
        assertThat(pats.description).isEqualTo(Forgetting.PLACEHOLDER);
        MemoryTickets.Held kims = desk.tickets.held(kimsTicket.key());
        assertThat(kims.description).contains("where is my parcel");
        assertThat(kims.comments.values()).noneSatisfy(c -> assertThat(c).contains("0612345678"));
        assertThat(kims.comments.values()).contains(Forgetting.PLACEHOLDER);
        // The unsent reply to them is withdrawn; the sent one no longer says whom it answered.
        assertThat(desk.replies.find(toPat.id()).orElseThrow().state()).isEqualTo(ReplyState.CANCELLED);
        assertThat(desk.replies.find(held.id()).orElseThrow().recipientHandle()).isNull();
        desk.tick();
        assertThat(desk.net.published).hasSize(1);
        // One audit event: who and how many, not the words nor the handle.
        List<AuditEvent> events = desk.stores.trail.list(AuditEvent.NO_POST);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(AuditKind.PERSON_FORGOTTEN);
            assertThat(e.actor()).isEqualTo("admin");
            assertThat(e.detail()).contains("2 items").contains("2 tickets").doesNotContain("pat").doesNotContain("Rue");
        });

        // Their old messages imported again are seen already: nothing comes back.
        var again = desk.receive(opening, patJoins);
        assertThat(again.stored()).isZero();
        assertThat(again.duplicates()).isEqualTo(2);
        assertThat(desk.stores.inbox.items()).noneSatisfy(i -> assertThat(i.inbound().text()).contains("12 Rue X"));
    }

    @Test
    void aCrisisTicketNoLongerListsTheirMentionsButKeepsEveryoneElses() {
        AnswerDesk desk = new AnswerDesk(Network.BLUESKY);
        desk.receive(desk.message("at://pat/1", "pat.example", Stream.MENTIONS, null, "@acme this is a scam"));
        desk.receive(desk.message("at://kim/1", "kim.example", Stream.MENTIONS, null, "@acme awful service"));
        desk.receive(desk.message("at://pat/2", "pat.example", Stream.MENTIONS, null, "@acme worst ever"));
        io.socialdesk.core.inbox.crisis.TicketCrisisDesk crises = new io.socialdesk.core.inbox.crisis.TicketCrisisDesk(desk.tickets,
                desk.stores.accounts, () -> io.socialdesk.core.inbox.Route.to("COMMUNITY"), AnswerDesk.SOCIAL_DESK);
        io.socialdesk.core.inbox.crisis.Crisis crisis = new io.socialdesk.core.inbox.crisis.Crisis(String.valueOf(desk.account.id()),
                desk.clock.instant(), 12, 10, 2.0, java.time.Duration.ofMinutes(15));
        TrackedItem crisisTicket = crises.open(crisis, List.of(mention(desk, "at://pat/1"), mention(desk, "at://kim/1")));
        crises.grow(crisisTicket, crisis, List.of(mention(desk, "at://pat/2")));
        MemoryTickets.Held held = desk.tickets.held(crisisTicket.key());
        assertThat(held.description).contains("https://net.example/post/at://pat/1");
        assertThat(held.comments.values()).anySatisfy(c -> assertThat(c).contains("https://net.example/post/at://pat/2"));

        desk.forgetting.forget(Network.BLUESKY, "pat.example", AnswerDesk.ADMIN);

        assertThat(held.description).doesNotContain("at://pat").contains("- " + Forgetting.PLACEHOLDER + " (")
                .contains("- https://net.example/post/at://kim/1 (" + desk.ticketOf("at://kim/1").key() + ")")
                .contains("12 since").as("the counts stay");
        assertThat(held.comments.values()).noneSatisfy(c -> assertThat(c).contains("at://pat"));
        assertThat(desk.stores.trail.list(io.socialdesk.core.audit.AuditEvent.NO_POST)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("1 crisis tickets"));
    }

    private static io.socialdesk.core.inbox.crisis.Mention mention(AnswerDesk desk, String id) {
        InboxItem item = desk.stores.inbox.items().stream().filter(i -> i.inbound().externalId().equals(id)).findFirst().orElseThrow();
        return new io.socialdesk.core.inbox.crisis.Mention(id, item.inbound().url(), item.inbound().createdAt(), item.ticket().key());
    }

    @Test
    void theNotesSocialDeskWroteNoLongerNameThem() {
        AnswerDesk desk = new AnswerDesk(Network.BLUESKY);
        desk.receive(desk.message("at://pat/1", "pat.example", Stream.MENTIONS, null, "@acme my parcel"));
        desk.receive(desk.message("at://kim/1", "kim.example", Stream.MENTIONS, null, "@acme hello from kim"));
        TrackedItem patsTicket = desk.ticketOf("at://pat/1");
        TrackedItem kimsTicket = desk.ticketOf("at://kim/1");
        desk.answering.write(patsTicket.key(), "On its way", false, null, AnswerDesk.SAM);
        desk.tickets.resolve(patsTicket.key(), desk.clock.instant());
        desk.clock.advance(java.time.Duration.ofHours(1));
        desk.receive(desk.message("at://pat/2", "pat.example", Stream.REPLIES, "at://pat/1", "still nothing"));
        MemoryTickets.Held pats = desk.tickets.held(patsTicket.key());
        assertThat(pats.reopenings).singleElement().satisfies(note -> assertThat(note).contains("pat.example"));
        assertThat(pats.comments.values()).anySatisfy(c -> assertThat(c).startsWith("Reply to pat.example by"));

        desk.forgetting.forget(Network.BLUESKY, "pat.example", AnswerDesk.ADMIN);

        assertThat(pats.reopenings).singleElement().satisfies(note -> assertThat(note).doesNotContain("pat.example")
                .contains("from " + Forgetting.FORGOTTEN_NAME + " on Bluesky"));
        assertThat(pats.comments.values()).noneSatisfy(c -> assertThat(c).contains("pat.example"));
        assertThat(pats.comments.values()).anySatisfy(c -> assertThat(c).startsWith("Reply to " + Forgetting.FORGOTTEN_NAME + " by"));
        // Someone else's ticket keeps its words.
        assertThat(desk.tickets.held(kimsTicket.key()).description).contains("kim.example").contains("hello from kim");
    }

    @Test
    void aNameIsReplacedOnlyWhereItIsWholeAndNotInLongerHandles() {
        java.util.Set<String> pat = java.util.Set.of("pat", "did:plc:pat");
        assertThat(io.socialdesk.core.tracker.TicketRedaction.withoutNames("from @Pat, and @patrick, pat.example, https://bsky.app/profile/pat/post/1"
                + " by did:plc:pat.", pat, "[forgotten]"))
                .isEqualTo("from [forgotten], and @patrick, pat.example, https://bsky.app/profile/[forgotten]/post/1 by [forgotten].");
    }

    @Test
    void forgettingSomeoneUnknownChangesNothingButIsAudited() {
        AnswerDesk desk = new AnswerDesk(Network.BLUESKY);
        desk.receive(desk.message("at://kim/1", "kim.example", Stream.MENTIONS, null, "@acme hi"));

        Forgetting.Result result = desk.forgetting.forget(Network.BLUESKY, "nobody.example", AnswerDesk.ADMIN);

        assertThat(result.items()).isZero();
        assertThat(desk.stores.inbox.items()).singleElement().satisfies(i -> assertThat(i.inbound().text()).isEqualTo("@acme hi"));
        assertThat(desk.stores.trail.list(AuditEvent.NO_POST)).hasSize(1);
    }

    private static String keyOf(AnswerDesk desk, String externalId) {
        return desk.stores.inbox.items().stream().filter(i -> i.inbound().externalId().equals(externalId)).findFirst().orElseThrow().key();
    }
}
