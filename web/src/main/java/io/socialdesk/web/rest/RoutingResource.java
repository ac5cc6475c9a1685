package io.socialdesk.web.rest;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.Triage;
import io.socialdesk.core.inbox.Triager;
import io.socialdesk.core.inbox.routing.RoutingRules;
import io.socialdesk.core.inbox.routing.RoutingService;
import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotAllowedException;
import io.socialdesk.core.user.CurrentUser;
import io.socialdesk.core.user.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.inject.Inject;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/**
 * {@code /routing}: the inbox's routing rules. Admins and marketing leads read them and try a text against them
 * ({@code POST /routing/test}); admins replace them whole ({@code PUT /routing/rules}) on the version they read.
 * {@code triager} reads a tested text when the caller gives no triage of their own.
 */
@Path("/routing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoutingResource {
    /** The longest text the tester takes (routing reads the first {@value io.socialdesk.core.inbox.routing.TextMatch#MAX_TEXT} characters). */
    public static final int MAX_TEST_TEXT = 100_000;

    private final RoutingService routing;
    private final Triager triager;
    private final CurrentUser currentUser;

    @Inject
    public RoutingResource(RoutingService routing, Triager triager, CurrentUser currentUser) {
        this.routing = routing;
        this.triager = triager;
        this.currentUser = currentUser;
    }

    @GET
    @Path("rules")
    public RoutingJson rules() {
        return RoutingJson.of(routing.rules(currentUser.require()));
    }

    @PUT
    @Path("rules")
    public RoutingJson save(RoutingJson body) {
        User user = currentUser.require();
        if (!RoutingService.mayEdit(user)) throw new NotAllowedException(RoutingService.ADMINS_ONLY);
        if (body == null) throw new InvalidInputException("body", "required", "A JSON object with the version, the rules and the default route is required");
        RoutingJson.Draft draft = body.toRules();
        RoutingRules saved = routing.save(user, draft.version(), draft.rules(), draft.defaultRoute());
        return RoutingJson.of(saved);
    }

    @POST
    @Path("test")
    public RoutingTestJson test(RoutingTestRequest body) {
        User user = currentUser.require();
        if (!RoutingService.mayRead(user)) throw new NotAllowedException(RoutingService.READERS_ONLY);
        if (body == null) throw new InvalidInputException("body", "required", "A JSON object with the text to route is required");
        List<FieldProblem> problems = new ArrayList<>();
        if (body.text() == null) {
            problems.add(new FieldProblem("text", "required", "Give the text to route (it may be empty)"));
        } else if (body.text().length() > MAX_TEST_TEXT) {
            problems.add(new FieldProblem("text", "max-length", "The text is at most " + MAX_TEST_TEXT + " characters"));
        }
        Network network = body.network() == null || body.network().isBlank() ? Network.WEBHOOK
                : one("network", body.network(), Network.class, "known-network", problems);
        Stream stream = body.stream() == null || body.stream().isBlank() ? Stream.MENTIONS
                : one("stream", body.stream(), Stream.class, "known-stream", problems);
        if (body.accountId() != null && body.accountId() < 1) {
            problems.add(new FieldProblem("accountId", "positive-integer", "The accountId is a positive whole number"));
        }
        if (body.followers() != null && body.followers() < 0) {
            problems.add(new FieldProblem("followers", "non-negative", "A follower count is 0 or more"));
        }
        Triage triage = body.triage() == null ? null : body.triage().toTriage(problems);
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        String handle = body.author() == null || body.author().isBlank() ? "tester" : body.author().strip();
        Inbound item = new Inbound(network, stream, "routing-test", null, body.text(), java.time.Instant.EPOCH,
                new Inbound.Author(handle, handle, null, body.followers(), null), null, null, null,
                body.language() == null || body.language().isBlank() ? null : body.language().strip());
        RoutingService.Tested tested = routing.test(user, body.accountId() == null ? 0 : body.accountId(), item, triage, triager);
        return RoutingTestJson.of(tested, io.socialdesk.web.i18n.Messages.of(body.locale()));
    }

    private static <E extends Enum<E>> E one(String field, String value, Class<E> type, String rule, List<FieldProblem> problems) {
        List<E> parsed = RoutingJson.enums(field, List.of(value), type, rule, problems);
        if (parsed.isEmpty()) {
            // enums() named it field[0]; a single value is named by its field alone.
            FieldProblem p = problems.remove(problems.size() - 1);
            problems.add(new FieldProblem(field, p.rule(), p.message()));
            return null;
        }
        return parsed.get(0);
    }

    /**
     * A text to route, as if it came from {@code network} (default WEBHOOK, the inbound webhook) on {@code stream}
     * (default MENTIONS) to account {@code accountId} (default none), written by {@code author} with {@code followers};
     * {@code language} is what the network would declare. {@code triage}: the triage to route on, or null to have the
     * text triaged.
     */
    public record RoutingTestRequest(String text, String network, Long accountId, String stream, String author, Long followers, String language,
            TriageJson triage, String locale) {}

    /**
     * A triage. {@code sentiment} from -1 to 1; when only {@code mood} is given (NEGATIVE, NEUTRAL, POSITIVE) it stands
     * for -0.5, 0 or 0.5. {@code urgency}: LOW, NORMAL (default) or HIGH; {@code spam} from 0 to 1 (default 0).
     */
    public record TriageJson(String language, Double sentiment, String mood, String urgency, Double spam) {
        static TriageJson of(Triage t) {
            return new TriageJson(t.language(), t.sentiment(), t.mood().name(), t.urgency().name(), t.spam());
        }

        Triage toTriage(List<FieldProblem> problems) {
            int before = problems.size();
            double s = 0;
            if (sentiment != null) {
                if (!(sentiment >= -1 && sentiment <= 1)) problems.add(new FieldProblem("triage.sentiment", "between-minus-1-and-1", "The sentiment is from -1 to 1"));
                else s = sentiment;
            } else if (mood != null && !mood.isBlank()) {
                Triage.Sentiment m = one("triage.mood", mood, Triage.Sentiment.class, "known-sentiment", problems);
                s = m == Triage.Sentiment.NEGATIVE ? -0.5 : m == Triage.Sentiment.POSITIVE ? 0.5 : 0;
            }
            Triage.Urgency u = urgency == null || urgency.isBlank() ? Triage.Urgency.NORMAL
                    : one("triage.urgency", urgency, Triage.Urgency.class, "known-urgency", problems);
            double p = 0;
            if (spam != null) {
                if (!(spam >= 0 && spam <= 1)) problems.add(new FieldProblem("triage.spam", "between-0-and-1", "The spam score is from 0 to 1"));
                else p = spam;
            }
            String lang = language == null ? null : language.strip().toLowerCase(Locale.ROOT);
            if (lang != null && !lang.isEmpty() && !lang.matches("[a-z]{2,3}([-_][a-z0-9]{2,8})*")) {
                problems.add(new FieldProblem("triage.language", "language-code", "A language is an ISO 639-1 code such as en or fr"));
            }
            return problems.size() > before ? null : new Triage(lang, s, u, p);
        }
    }

    /**
     * What the tester found: the route, the rule that gave it ({@code ruleId} and {@code ruleName} null and
     * {@code byDefault} true for the default route), why in words (English, stable) and {@code whyText} (the same in the
     * request's {@code locale}, English by default), the triage it was decided on and whether it was
     * given ({@code triageGiven}) or worked out; {@code version}: of the rules tested.
     */
    public record RoutingTestJson(RoutingJson.RouteJson route, String ruleId, String ruleName, boolean byDefault, List<String> why,
            List<String> whyText, TriageJson triage, boolean triageGiven, int version) {
        static RoutingTestJson of(RoutingService.Tested t, io.socialdesk.web.i18n.Messages messages) {
            return new RoutingTestJson(RoutingJson.RouteJson.of(t.routed().route()), t.routed().ruleId(), t.rule() == null ? null : t.rule().name(),
                    t.routed().byDefault(), t.routed().why(), io.socialdesk.web.page.RoutingWhyText.localise(t.routed().why(), messages::getText),
                    TriageJson.of(t.triage()), t.triageGiven(), t.version());
        }
    }
}
