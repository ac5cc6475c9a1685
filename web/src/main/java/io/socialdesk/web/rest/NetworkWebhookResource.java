package io.socialdesk.web.rest;

import io.socialdesk.channel.linkedin.LinkedInWebhook;
import io.socialdesk.channel.meta.MetaWebhook;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotFoundException;
import io.socialdesk.web.inbound.NetworkWebhooks;
import io.socialdesk.web.rest.error.ErrorJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import javax.inject.Inject;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * {@code /webhooks/meta} and {@code /webhooks/linkedin}: the networks' own webhooks for comments and mentions (see
 * docs/inbox.md, "Webhooks"). No sign-in: the signature over the raw body is the authentication. A verified delivery
 * answers 200 with what it did (also when it was a replay: nothing is done twice); a missing or wrong signature 401, a body
 * over 256 KB 413, a body that is not the network's envelope 400. The subscription checks: Meta's {@code GET} echoes
 * {@code hub.challenge} for the right verify token (403 otherwise); LinkedIn's answers its {@code challengeCode}.
 */
@Path("/webhooks")
public class NetworkWebhookResource {
    private final NetworkWebhooks webhooks;

    /** What a verified delivery did: items read, stored (new), duplicates (seen before), ignored (not for us, or not items), replay. */
    public record DeliveryJson(int items, int stored, int duplicates, int ignored, boolean replay) {
    }

    @Inject
    public NetworkWebhookResource(NetworkWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GET
    @Path("/meta")
    @Produces({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    public Response metaHandshake(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
            @QueryParam("hub.challenge") String challenge) {
        MetaWebhook.Handshake handshake = webhooks.metaHandshake(mode, token, challenge);
        if (!handshake.accepted()) {
            return json(403, new ErrorJson("Refused: " + handshake.reason(), field(handshake.reason()), "verify-token", null));
        }
        return Response.ok(handshake.challenge(), MediaType.TEXT_PLAIN_TYPE).build();
    }

    @POST
    @Path("/meta")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response meta(@HeaderParam("X-Hub-Signature-256") String signature, InputStream body) throws IOException {
        return answer(webhooks.meta(read(body), signature));
    }

    @GET
    @Path("/linkedin")
    @Produces(MediaType.APPLICATION_JSON)
    public Response linkedInChallenge(@QueryParam("challengeCode") String challengeCode) {
        if (challengeCode == null || challengeCode.isBlank() || challengeCode.length() > 200) {
            throw new InvalidInputException("challengeCode", "required", "challengeCode is required (LinkedIn sends a UUID)");
        }
        Map<String, String> answer = webhooks.linkedInChallenge(challengeCode)
                .orElseThrow(() -> new NotFoundException("No LinkedIn app with a client secret is configured"));
        return json(200, answer);
    }

    @POST
    @Path("/linkedin")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response linkedIn(@HeaderParam(LinkedInWebhook.SIGNATURE_HEADER) String signature, InputStream body) throws IOException {
        return answer(webhooks.linkedIn(read(body), signature));
    }

    private static byte[] read(InputStream body) throws IOException {
        return body == null ? new byte[0] : body.readNBytes(NetworkWebhooks.MAX_BYTES + 1);
    }

    private static Response answer(NetworkWebhooks.Received r) {
        if (r.accepted()) return json(200, new DeliveryJson(r.items(), r.stored(), r.duplicates(), r.ignored(), r.replay()));
        if ("body".equals(r.field())) {
            boolean tooLarge = r.problem().contains("at most");
            return json(tooLarge ? 413 : 400, new ErrorJson(r.problem(), "body", tooLarge ? "max-bytes" : "envelope", null));
        }
        return json(401, new ErrorJson(r.problem(), r.field(), "signature", null));
    }

    private static String field(String reason) {
        if (reason == null) return "hub.verify_token";
        if (reason.startsWith("hub.mode")) return "hub.mode";
        if (reason.startsWith("hub.challenge")) return "hub.challenge";
        return "hub.verify_token";
    }

    private static Response json(int status, Object entity) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(entity).build();
    }
}
