package io.socialdesk.core.inbox.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Delivery;
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotAllowedException;
import io.socialdesk.core.publish.DeliveryRecord;
import io.socialdesk.core.publish.DeliveryState;
import io.socialdesk.core.publish.Replies;
import io.socialdesk.core.tracker.TrackedItem;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnsweringTest {

    @Test
    void aReplyFromTheTicketIsSentOnceInTheThreadAndRecordedWithItsLink() {
        AnswerDesk desk = new AnswerDesk(Network.BLUESKY);
        desk.receive(desk.message("at://pat/1", "pat", Stream.MENTIONS, null, "@acme my order never came"));
        TrackedItem ticket = desk.ticketOf("at://pat/1");

        Reply reply = desk.answering.write(ticket.key(), "Sorry Pat, we are on it", false, null, AnswerDesk.SAM);
        assertThat(reply.state()).isEqualTo(ReplyState.QUEUED);
        desk.tick();
        desk.tick();

        assertThat(desk.net.published).hasSize(1);
        Delivery sent = desk.net.published.get(0);
        assertThat(sent.text()).isEqualTo("Sorry Pat, we are on it");
        assertThat(sent.replyTo().id()).isEqualTo("at://pat/1");
        assertThat(sent.key()).isEqualTo(reply.deliveryKey()).startsWith("sd-reply-" + reply.id() + "-");
        Reply done = desk.replies.find(reply.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(ReplyState.SENT);
        assertThat(done.remote().url()).isEqualTo("https://net.example/post/our-reply-1");
        assertThat(desk.tickets.held(ticket.key()).comments.values())
                .anySatisfy(c -> assertThat(c).contains("Reply sent on Bluesky: https://net.example/post/our-reply-1"));

        // The network shows our reply in the thread: the import knows it as ours and never files it.
        var again = desk.receive(desk.message("our-reply-1", "acme", Stream.REPLIES, "at://pat/1", "Sorry Pat, we are on it"));
        assertThat(again.ours()).isEqualTo(1);
        assertThat(desk.stores.inbox.onTicket(ticket.key(), 10)).hasSize(1);
    }

    @Test
    void anUnknownOutcomeIsSettledAndLeftUnconfirmedForAPersonNeverResentBlindly() {
        AnswerDesk desk = new AnswerDesk(Network.BLUESKY);
        desk.receive(desk.message("at://pat/1", "pat", Stream.MENTIONS, null, "@acme hello?"));
        TrackedItem ticket = desk.ticketOf("at://pat/1");
        desk.net.publishAnswers.add(new Outcome.Unknown("The connection dropped"));
        Reply reply = desk.answering.write(ticket.key(), "Hi!", false, null, AnswerDesk.SAM);

        desk.tick();
        desk.clock.advance(java.time.Duration.ofMinutes(10));
        desk.tick();

        assertThat(desk.net.published).hasSize(1);
        assertThat(desk.net.settled).hasSize(1);
        Reply unconfirmed = desk.replies.find(reply.id()).orElseThrow();
        assertThat(unconfirmed.state()).isEqualTo(ReplyState.UNCONFIRMED);
        assertThat(desk.tickets.held(ticket.key()).comments.values()).anySatisfy(c -> assertThat(c).startsWith("Reply unconfirmed on Bluesky"));

        // A person looked: it is not there. Sent again, with the same idempotency key.
        desk.answering.sendAgain(reply.id(), AnswerDesk.SAM);
        desk.tick();
        assertThat(desk.net.published).hasSize(2);
        assertThat(desk.net.published.get(1).key()).isEqualTo(desk.net.published.get(0).key());
        assertThat(desk.replies.find(reply.id()).orElseThrow().state()).isEqualTo(ReplyState.SENT);
    }

    @Test
    void anUnconfirmedReplySeenOnTheNetworkIsConfirmedWithItsLink() {
        AnswerDesk desk = new AnswerDesk(Network.BLUESKY);
        desk.receive(desk.message("at://pat/1", "pat", Stream.MENTIONS, null, "@acme hello?"));
        TrackedItem ticket = desk.ticketOf("at://pat/1");
        desk.net.publishAnswers.add(new Outcome.Unknown("Timed out"));
        Reply reply = desk.answering.write(ticket.key(), "Hi!", false, null, AnswerDesk.SAM);
        desk.tick();

        assertThatThrownBy(() -> desk.answering.confirm(reply.id(), "not a link", AnswerDesk.SAM))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first().field()).isEqualTo("url"));
        Reply confirmed = desk.answering.confirm(reply.id(), "https://net.example/post/seen", AnswerDesk.SAM);

        assertThat(confirmed.state()).isEqualTo(ReplyState.SENT);
        DeliveryRecord d = desk.stores.deliveries.forPost(Replies.postIdOf(reply.id())).get(0);
        assertThat(d.state()).isEqualTo(DeliveryState.SENT);
        assertThat(desk.net.published).hasSize(1);
    }

    @Test
    void aLegalTicketsReplyWaitsForLegalThenGoes() {
        AnswerDesk desk = new AnswerDesk(Network.BLUESKY);
        desk.receive(desk.message("at://pat/1", "pat", Stream.MENTIONS, null, "@acme my lawyer will call you"));
        TrackedItem ticket = desk.ticketOf("at://pat/1");
        assertThat(ticket.key()).startsWith("LEGAL-");

        Reply held = desk.answering.write(ticket.key(), "Please write to legal@acme.example", false, null, AnswerDesk.SAM);
        assertThat(held.state()).isEqualTo(ReplyState.HELD);
        desk.tick();
        assertThat(desk.net.published).isEmpty();
        assertThat(desk.stores.deliveries.forPost(Replies.postIdOf(held.id()))).isEmpty();
        assertThat(desk.tickets.held(ticket.key()).comments.values())
                .anySatisfy(c -> assertThat(c).contains("waiting for Legal's approval").contains("Please write to legal@acme.example"));

        assertThatThrownBy(() -> desk.answering.approve(held.id(), AnswerDesk.SAM)).isInstanceOf(NotAllowedException.class)
                .hasMessageContaining("Legal");
        Reply approved = desk.answering.approve(held.id(), AnswerDesk.LAURA);
        assertThat(approved.state()).isEqualTo(ReplyState.QUEUED);
        assertThat(approved.decidedBy()).isEqualTo("laura");
        desk.tick();
        assertThat(desk.net.published).hasSize(1);
        assertThat(desk.replies.find(held.id()).orElseThrow().state()).isEqualTo(ReplyState.SENT);
    }

    @Test
    void aRejectedReplyIsNeverSent() {
        AnswerDesk desk = new AnswerDesk(Network.BLUESKY);
        desk.receive(desk.message("at://pat/1", "pat", Stream.MENTIONS, null, "my lawyer says hi"));
        TrackedItem ticket = desk.ticketOf("at://pat/1");
        Reply held = desk.answering.write(ticket.key(), "We admit everything", false, null, AnswerDesk.SAM);

        Reply rejected = desk.answering.reject(held.id(), "Never admit anything", AnswerDesk.LAURA);
        desk.tick();

        assertThat(rejected.state()).isEqualTo(ReplyState.REJECTED);
        assertThat(desk.net.published).isEmpty();
        assertThat(desk.tickets.held(ticket.key()).comments.values())
                .anySatisfy(c -> assertThat(c).isEqualTo("Reply rejected by Laura Legal for Legal: Never admit anything"));
    }

    @Test
    void onXOnlyAPostThatMentionsUsIsAnswered() {
        AnswerDesk desk = new AnswerDesk(Network.X);
        desk.receive(desk.message("100", "pat", Stream.REPLIES, null, "this company is slow"));
        desk.receive(desk.message("200", "kim", Stream.REPLIES, null, "hey @ACME where is my parcel"));
        desk.receive(desk.message("300", "lou", Stream.REPLIES, null, "hey @acmegroup hello"));

        assertThatThrownBy(() -> desk.answering.write(desk.ticketOf("100").key(), "Hello", false, null, AnswerDesk.SAM))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.first().field()).isEqualTo("to");
                    assertThat(e.first().rule()).isEqualTo("x-summoned");
                    assertThat(e.first().message()).contains("summoned").contains("@acme");
                });
        assertThatThrownBy(() -> desk.answering.write(desk.ticketOf("300").key(), "Hello", false, null, AnswerDesk.SAM))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first().rule()).isEqualTo("x-summoned"));
        assertThat(desk.answering.write(desk.ticketOf("200").key(), "On its way", false, null, AnswerDesk.SAM).state())
                .isEqualTo(ReplyState.QUEUED);
    }

    @Test
    void aDirectMessageNeedsAConnectorThatSendsThem() {
        AnswerDesk desk = new AnswerDesk(Network.MASTODON);
        desk.receive(desk.message("https://m.example/1", "pat", Stream.DIRECT_MESSAGES, null, "can I have my invoice"));
        String key = desk.ticketOf("https://m.example/1").key();

        assertThatThrownBy(() -> desk.answering.write(key, "Sent by mail", true, null, AnswerDesk.SAM))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.first().field()).isEqualTo("direct");
                    assertThat(e.first().rule()).isEqualTo("direct-unsupported");
                    assertThat(e.first().message()).contains("direct messages on Mastodon");
                });

        desk.net.directMessages = true;
        desk.answering.write(key, "Sent by mail", true, null, AnswerDesk.SAM);
        desk.tick();
        assertThat(desk.net.published).hasSize(1);
        assertThat(desk.net.published.get(0).progress(Delivery.DIRECT_TO)).isEqualTo("id-pat");
        assertThat(desk.net.published.get(0).progress(Delivery.DIRECT_HANDLE)).isEqualTo("pat");
    }

    @Test
    void onFacebookADirectMessageAnswersOnlyAMessageOfTheLast24Hours() {
        AnswerDesk desk = new AnswerDesk(Network.FACEBOOK);
        desk.net.directMessages = true;
        desk.receive(desk.message("c_1", "pat", Stream.COMMENTS, null, "my order never came"));
        desk.receive(desk.message("m_1", "kim", Stream.DIRECT_MESSAGES, null, "where is my parcel"));
        String comment = desk.ticketOf("c_1").key();
        String message = desk.ticketOf("m_1").key();

        assertThatThrownBy(() -> desk.answering.write(comment, "Let us talk in private", true, null, AnswerDesk.SAM))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.first().field()).isEqualTo("direct");
                    assertThat(e.first().rule()).isEqualTo("direct-not-messaged");
                    assertThat(e.first().message()).contains("public");
                });
        assertThat(desk.answering.write(comment, "Sorry, we look into it", false, null, AnswerDesk.SAM).state()).isEqualTo(ReplyState.QUEUED);
        desk.clock.advance(java.time.Duration.ofHours(23));
        assertThat(desk.answering.write(message, "It left today", true, null, AnswerDesk.SAM).direct()).isTrue();
        desk.clock.advance(java.time.Duration.ofHours(2));
        assertThatThrownBy(() -> desk.answering.write(message, "Any news?", true, null, AnswerDesk.SAM))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.first().rule()).isEqualTo("direct-window");
                    assertThat(e.first().message()).contains("24 hours");
                });
    }

    @Test
    void linkedInAndThreadsSayDirectMessagesAreNotAvailable() {
        for (Network network : List.of(Network.LINKEDIN, Network.THREADS)) {
            AnswerDesk desk = new AnswerDesk(network);
            desk.net.directMessages = true; // even a connector that claimed it: the network's API has no direct messages
            desk.receive(desk.message("urn:1", "pat", Stream.COMMENTS, null, "hello"));
            assertThatThrownBy(() -> desk.answering.write(desk.ticketOf("urn:1").key(), "hi", true, null, AnswerDesk.SAM))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.first().rule()).isEqualTo("direct-unsupported");
                        assertThat(e.first().message()).contains("not available on " + network.label());
                    });
        }
    }

    @Test
    void badReplies() {
        AnswerDesk desk = new AnswerDesk(Network.BLUESKY);
        desk.receive(desk.message("at://pat/1", "pat", Stream.MENTIONS, null, "hello"));
        String key = desk.ticketOf("at://pat/1").key();

        assertThatThrownBy(() -> desk.answering.write(key, "   ", false, null, AnswerDesk.SAM))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first().rule()).isEqualTo("required"));
        assertThatThrownBy(() -> desk.answering.write(key, "x".repeat(5001), false, null, AnswerDesk.SAM))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first().rule()).isEqualTo("max-length"));
        assertThatThrownBy(() -> desk.answering.write(key, "hi", false, "not-on-this-ticket", AnswerDesk.SAM))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.first().rule()).isEqualTo("on-ticket"));
        assertThatThrownBy(() -> desk.answering.write("SUPPORT-999", "hi", false, null, AnswerDesk.SAM))
                .isInstanceOf(io.socialdesk.core.problem.NotFoundException.class);
    }

    @Test
    void aQueuedReplyWhoseDeliveryACrashLostIsPlannedWhenItsTicketIsRead() {
        AnswerDesk desk = new AnswerDesk(Network.BLUESKY);
        desk.receive(desk.message("at://pat/1", "pat", Stream.MENTIONS, null, "hello"));
        TrackedItem ticket = desk.ticketOf("at://pat/1");
        Reply reply = desk.answering.write(ticket.key(), "Hi", false, null, AnswerDesk.SAM);
        // Planning twice is one delivery.
        assertThat(desk.answering.forTicket(ticket.key())).extracting(Reply::id).containsExactly(reply.id());
        assertThat(desk.stores.deliveries.forPost(Replies.postIdOf(reply.id()))).hasSize(1);
        desk.tick();
        desk.answering.forTicket(ticket.key());
        desk.tick();
        assertThat(desk.net.published).extracting(Delivery::text).containsExactly("Hi");
        assertThat(List.of(desk.replies.find(reply.id()).orElseThrow().remote())).extracting(RemotePost::id).containsExactly("our-reply-1");
    }
}
