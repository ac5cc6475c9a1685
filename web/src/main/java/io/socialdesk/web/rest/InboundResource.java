package io.socialdesk.web.rest;

import io.socialdesk.channel.webhook.InboundWebhook;
import io.socialdesk.channel.webhook.WebhookSignature;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.InboundIntake;
import io.socialdesk.core.channel.InboundSecrets;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotFoundException;
import io.socialdesk.web.rest.error.ErrorJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.inject.Inject;
import javax.ws.rs.Consumes;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * {@code POST /inbound/{accountId}}: a mention (or a JSON array of up to 500, one page for the inbox) from any automation, signed with the account's inbound
 * secret (docs/channels/webhook.md). No sign-in: the signature is the authentication. 202 with the
 * mention's id once it is handed over; 401 for a missing, stale, wrong or replayed signature; 400
 * naming each broken field; 413 over 256 KB; 404 for an account that takes no signed mentions.
 */
@Path("/inbound")
public class InboundResource {
    private final InboundSecrets secrets;
    private final InboundIntake intake;
    private final InboundWebhook webhook;

    /** What an accepted request answers: the mention's id, as sent (null for a batch), and the ids of every mention it held. */
    public record InboundAcceptedJson(String id, List<String> ids) {
    }

    @Inject
    public InboundResource(InboundSecrets secrets, InboundIntake intake, InboundWebhook webhook) {
        this.secrets = secrets;
        this.intake = intake;
        this.webhook = webhook;
    }

    @POST
    @Path("/{accountId}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@PathParam("accountId") String accountId, @HeaderParam(WebhookSignature.TIMESTAMP_HEADER) String timestamp,
            @HeaderParam(WebhookSignature.SIGNATURE_HEADER) String signature, InputStream body) throws IOException {
        long id = QueryParams.positiveLong("accountId", accountId);
        String secret = secrets.secretFor(id)
                .orElseThrow(() -> new NotFoundException("Account " + id + " takes no signed mentions: it has no inbound secret"));
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(InboundWebhook.MAX_BYTES + 1);
        InboundWebhook.Result result = webhook.receive(id, secret, timestamp, signature, bytes);
        if (result instanceof InboundWebhook.TooLarge large) {
            return json(413, new ErrorJson("The body must be at most " + large.limit() / 1024 + " KB", "body", "max-bytes", null));
        }
        if (result instanceof InboundWebhook.Unauthorized refused) {
            return json(401, new ErrorJson(refused.reason(), WebhookSignature.SIGNATURE_HEADER, "signature", null));
        }
        if (result instanceof InboundWebhook.Invalid invalid) {
            throw new InvalidInputException(invalid.problems());
        }
        InboundWebhook.Accepted accepted = (InboundWebhook.Accepted) result;
        List<String> ids = accepted.items().stream().map(Inbound::externalId).toList();
        if (accepted.batch()) {
            intake.acceptAll(id, accepted.items());
            return json(202, new InboundAcceptedJson(null, ids));
        }
        intake.accept(id, accepted.item());
        return json(202, new InboundAcceptedJson(accepted.item().externalId(), ids));
    }

    private static Response json(int status, Object entity) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(entity).build();
    }
}
