package io.socialdesk.channel.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialdesk.channel.http.Answer;
import io.socialdesk.channel.http.HttpCalls;
import io.socialdesk.core.channel.ChannelAccount;
import io.socialdesk.core.channel.Delivery;
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.channel.Progress;
import io.socialdesk.core.channel.RemotePost;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Meta's Send API for a direct message from a Facebook Page (Messenger) or an Instagram professional account:
 * {@code POST /{sender}/messages} with {@code recipient={"id":…}}, {@code messaging_type=RESPONSE} and
 * {@code message={"text":…}}, answered {@code {"recipient_id","message_id"}}. A response is allowed only within 24
 * hours of the person's last message (Meta's standard messaging window): the inbox checks that before queuing one,
 * and a message that waited too long (for approval) is refused by Meta with error 10 / subcode 2018278, which this
 * turns into a failure that says so. No idempotency key: the attempt time is recorded first and a lost answer is
 * settled by reading the conversation with the person. {@link #messages} imports what people sent (the
 * direct-messages stream).
 */
public final class SendApi {
    /** Meta's subcode for "this message is sent outside of allowed window". */
    static final int OUTSIDE_WINDOW = 2018278;

    private final Graph graph;
    private final String attemptedAt;
    private final String platform;

    /** {@code platform}: null for Messenger, {@code instagram} for Instagram (the conversations' filter). */
    public SendApi(Graph graph, String attemptedAt, String platform) {
        this.graph = graph;
        this.attemptedAt = attemptedAt;
        this.platform = platform;
    }

    public Outcome send(ChannelAccount account, String sender, Delivery delivery, Progress progress) {
        String to = delivery.progress(Delivery.DIRECT_TO);
        if (to == null || !to.matches("[0-9A-Za-z_.:-]{1,100}")) {
            return new Outcome.Failed("invalid-recipient", "The person to write to has no " + graph.network() + " id Social Desk can use.");
        }
        if (delivery.text().isBlank() || !delivery.media().isEmpty()) {
            return new Outcome.Failed("not-supported", "Social Desk sends " + graph.network() + " direct messages as text only, and they need some text.");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("recipient", HttpCalls.JSON.createObjectNode().put("id", to).toString());
        form.put("messaging_type", "RESPONSE");
        form.put("message", HttpCalls.JSON.createObjectNode().put("text", delivery.text()).toString());
        if (delivery.progress(attemptedAt) == null) {
            progress.record(attemptedAt, Long.toString(graph.now().getEpochSecond()));
        }
        Answer answer = graph.post(account, graph.url(sender, "messages").build(), form);
        if (!answer.ok() || !answer.isJson()) {
            Optional<GraphError> error = GraphError.of(answer);
            if (error.isPresent() && error.get().subcode() != null && error.get().subcode() == OUTSIDE_WINDOW) {
                return new Outcome.Failed("direct-window", graph.network() + " refused the direct message: more than 24 hours passed since the"
                        + " person's last message (Meta's messaging window). Answer in " + graph.network() + "'s own app.");
            }
            return graph.failure(account, answer, true);
        }
        String id = text(answer.json().path("message_id"));
        if (id == null) {
            return new Outcome.Unknown(graph.network() + " answered without the message's id; it will be looked up before anything is sent again.");
        }
        return new Outcome.Sent(RemotePost.of(id, null));
    }

    /** Reads the conversation with the person ({@code /{sender}/conversations?user_id=…}) for our message since the attempt. */
    public Outcome settle(ChannelAccount account, String sender, Delivery delivery) {
        String attempted = delivery.progress(attemptedAt);
        if (attempted == null) {
            return new Outcome.RetryLater(graph.now(), "No attempt to send this direct message was recorded, so nothing was sent; it can be sent now.");
        }
        long since;
        try {
            since = Long.parseLong(attempted) - 60;
        } catch (NumberFormatException e) {
            return new Outcome.Unknown("The recorded attempt time is unreadable; check the conversation before sending again.");
        }
        HttpUrl.Builder url = graph.url(sender, "conversations").addQueryParameter("user_id", delivery.progress(Delivery.DIRECT_TO))
                .addQueryParameter("fields", "messages.limit(25){id,message,from,created_time}");
        if (platform != null) {
            url.addQueryParameter("platform", platform);
        }
        Answer answer = graph.get(account, url.build());
        if (!answer.ok() || !answer.json().path("data").isArray()) {
            String why = answer.ok() ? "its answer was not a list" : GraphOutcomes.reason(graph.failure(account, answer, false));
            return new Outcome.Unknown(graph.network() + " could not be asked whether the direct message was sent: " + why);
        }
        String wanted = ContainerFlow.normalise(delivery.text());
        for (JsonNode conversation : answer.json().path("data")) {
            for (JsonNode message : conversation.path("messages").path("data")) {
                String id = text(message.path("id"));
                String from = text(message.path("from").path("id"));
                Instant created = GraphTime.of(message.path("created_time"));
                boolean ours = from == null || !from.equals(delivery.progress(Delivery.DIRECT_TO));
                boolean recent = created == null || created.getEpochSecond() >= since;
                if (id != null && ours && recent && wanted.equals(ContainerFlow.normalise(message.path("message").asText("")))) {
                    return new Outcome.Sent(RemotePost.of(id, null));
                }
            }
        }
        return new Outcome.RetryLater(graph.now(), "The direct message is not in the conversation, so the earlier attempt sent nothing; it can be sent again.");
    }

    /**
     * The direct messages people sent after {@code mark} ({@code GET /{sender}/conversations} with each conversation's
     * latest {@value #MESSAGES_PER_CONVERSATION} messages): each is an item of the direct-messages stream whose root is
     * its conversation's id, so one person's messages meet on one ticket; ours are left out.
     */
    public io.socialdesk.core.channel.ImportBatch messages(ChannelAccount account, String sender, String ourId, TimeMark mark, String cursor,
            io.socialdesk.core.account.Network network) {
        HttpUrl.Builder url = graph.url(sender, "conversations").addQueryParameter("fields",
                "id,updated_time,messages.limit(" + MESSAGES_PER_CONVERSATION + "){id,message,from,created_time}")
                .addQueryParameter("limit", Integer.toString(CONVERSATIONS));
        if (platform != null) {
            url.addQueryParameter("platform", platform);
        }
        Answer answer = graph.get(account, url.build());
        if (!answer.ok() || !answer.json().path("data").isArray()) {
            return Imports.failed(graph, account, answer, cursor, graph.network() + " answered with something that is not a list of conversations.");
        }
        java.util.List<io.socialdesk.core.channel.Inbound> collected = new java.util.ArrayList<>();
        for (JsonNode conversation : answer.json().path("data")) {
            String thread = text(conversation.path("id"));
            for (JsonNode message : conversation.path("messages").path("data")) {
                String id = text(message.path("id"));
                String from = text(message.path("from").path("id"));
                Instant created = GraphTime.of(message.path("created_time"));
                if (id == null || from == null || created == null || from.equals(ourId)) {
                    continue;
                }
                String name = text(message.path("from").path("name"));
                String username = text(message.path("from").path("username"));
                String handle = username != null ? username : name != null ? name : from;
                collected.add(new io.socialdesk.core.channel.Inbound(network, io.socialdesk.core.channel.Stream.DIRECT_MESSAGES, id, "message",
                        message.path("message").asText(""), created, new io.socialdesk.core.channel.Inbound.Author(from, handle, name, null, null),
                        null, null, thread, null));
            }
        }
        return Imports.after(mark, collected, false);
    }

    static final int CONVERSATIONS = 25;
    static final int MESSAGES_PER_CONVERSATION = 20;

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
