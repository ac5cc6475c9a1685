package io.socialdesk.web.rest;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.inbox.answer.Forgetting;
import io.socialdesk.core.inbox.answer.Reply;
import io.socialdesk.core.inbox.answer.ReplyService;
import io.socialdesk.core.inbox.answer.ResponseTimes;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.user.CurrentUser;
import io.socialdesk.core.user.User;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import javax.inject.Inject;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * {@code /inbox}: answering from a ticket (its replies, written, approved or rejected, sent again, confirmed), the
 * inbox's response times, and forgetting a person (admins).
 */
@Path("/inbox")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InboxResource {
    private final ReplyService replies;
    private final ResponseTimes times;
    private final Forgetting forgetting;
    private final CurrentUser currentUser;

    @Inject
    public InboxResource(ReplyService replies, ResponseTimes times, Forgetting forgetting, CurrentUser currentUser) {
        this.replies = replies;
        this.times = times;
        this.forgetting = forgetting;
        this.currentUser = currentUser;
    }

    @GET
    @Path("tickets/{key}/replies")
    public List<ReplyJson> replies(@PathParam("key") String key) {
        currentUser.require();
        return replies.forTicket(key).stream().map(ReplyJson::of).toList();
    }

    @POST
    @Path("tickets/{key}/replies")
    public Response write(@PathParam("key") String key, ReplyRequest body) {
        User user = currentUser.require();
        if (body == null) throw new InvalidInputException("body", "required", "A JSON object with the reply's text is required");
        Reply written = replies.write(key, body.text(), Boolean.TRUE.equals(body.direct()), body.to(), user);
        return Response.status(Response.Status.CREATED).entity(ReplyJson.of(written)).build();
    }

    @POST
    @Path("replies/{id}/approve")
    public ReplyJson approve(@PathParam("id") long id) {
        return ReplyJson.of(replies.approve(id, currentUser.require()));
    }

    @POST
    @Path("replies/{id}/reject")
    public ReplyJson reject(@PathParam("id") long id, DecisionRequest body) {
        return ReplyJson.of(replies.reject(id, body == null ? null : body.reason(), currentUser.require()));
    }

    @POST
    @Path("replies/{id}/send-again")
    public ReplyJson sendAgain(@PathParam("id") long id) {
        return ReplyJson.of(replies.sendAgain(id, currentUser.require()));
    }

    @POST
    @Path("replies/{id}/confirm")
    public ReplyJson confirm(@PathParam("id") long id, ConfirmRequest body) {
        return ReplyJson.of(replies.confirm(id, body == null ? null : body.url(), currentUser.require()));
    }

    @GET
    @Path("response-times")
    public ResponseTimesJson responseTimes(@QueryParam("from") String from, @QueryParam("to") String to) {
        currentUser.require();
        return ResponseTimesJson.of(times.report(instant("from", from), instant("to", to)));
    }

    @POST
    @Path("forget")
    public ForgottenJson forget(ForgetRequest body) {
        User user = currentUser.require();
        if (body == null) throw new InvalidInputException("body", "required", "A JSON object with the network and the author is required");
        Forgetting.Result r = forgetting.forget(network(body.network()), body.author(), user);
        return new ForgottenJson(r.reference(), r.items(), r.conversations(), r.tickets(), r.replies());
    }

    /** A network by name (BLUESKY, bluesky): null when blank, a clear error when unknown. */
    public static Network network(String name) {
        if (name == null || name.isBlank()) return null;
        try {
            return Network.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("network", "known-network", "Not a network Social Desk knows: " + name.strip());
        }
    }

    /** An instant (2026-11-22T10:00:00Z) or a date (2026-11-22, its start in UTC); null when blank. */
    public static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) return null;
        String t = text.strip();
        try {
            return t.length() == 10 ? java.time.LocalDate.parse(t).atStartOfDay(java.time.ZoneOffset.UTC).toInstant() : Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "instant", "Give a date (2026-11-22) or an instant (2026-11-22T10:00:00Z)");
        }
    }

    /** A reply to write: its text, whether it is a direct message, and the key of the message it answers (default: the latest). */
    public record ReplyRequest(String text, Boolean direct, String to) {}

    /** Why a reply is rejected. */
    public record DecisionRequest(String reason) {}

    /** Where a person saw an unconfirmed reply on the network. */
    public record ConfirmRequest(String url) {}

    /** The person to forget: the network and their id or handle there. */
    public record ForgetRequest(String network, String author) {}

    /** What forgetting did; {@code reference} names the request in the audit trail without naming the person. */
    public record ForgottenJson(String reference, int items, int conversations, int tickets, int replies) {}

    /** A reply written from a ticket. */
    public record ReplyJson(long id, String ticket, String state, boolean direct, String text, String to, String network, String author,
            String approver, String decidedBy, String decidedAt, String note, String url, String reason, String createdAt, String sentAt) {
        public static ReplyJson of(Reply r) {
            return new ReplyJson(r.id(), r.ticket().key(), r.state().name(), r.direct(), r.text(), r.recipientHandle(), r.network().name(),
                    r.authorKey(), r.approver() == null ? null : r.approver().name(), r.decidedBy(), iso(r.decidedAt()), r.note(),
                    r.remote() == null ? null : r.remote().url() == null ? r.remote().id() : r.remote().url(), r.reason(), iso(r.createdAt()),
                    iso(r.sentAt()));
        }
    }

    /** Response times over a period: all tickets, per department, per network. */
    public record ResponseTimesJson(String from, String to, FiguresJson all, List<FiguresJson> departments, List<FiguresJson> networks,
            boolean truncated) {
        static ResponseTimesJson of(ResponseTimes.Report r) {
            return new ResponseTimesJson(r.from().toString(), r.to().toString(), FiguresJson.of(r.all()),
                    r.byDepartment().stream().map(FiguresJson::of).toList(), r.byNetwork().stream().map(FiguresJson::of).toList(), r.truncated());
        }
    }

    /** One group's figures; durations in seconds, null when no ticket of the group has one. */
    public record FiguresJson(String group, int tickets, int answered, Long medianFirstResponseSeconds, Long meanFirstResponseSeconds, int resolved,
            Long medianResolutionSeconds, Long meanResolutionSeconds) {
        static FiguresJson of(ResponseTimes.Figures f) {
            return new FiguresJson(f.group(), f.tickets(), f.answered(), seconds(f.medianFirstResponse()), seconds(f.meanFirstResponse()),
                    f.resolved(), seconds(f.medianResolution()), seconds(f.meanResolution()));
        }
    }

    private static Long seconds(Duration d) {
        return d == null ? null : d.getSeconds();
    }

    private static String iso(Instant at) {
        return at == null ? null : at.toString();
    }
}
