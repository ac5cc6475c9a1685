package io.socialdesk.web.rest;

import io.socialdesk.core.calendar.Blackout;
import io.socialdesk.core.calendar.CalendarData;
import io.socialdesk.core.calendar.CalendarFilter;
import io.socialdesk.core.calendar.CalendarQuery;
import io.socialdesk.core.calendar.CalendarService;
import io.socialdesk.core.calendar.KeyDate;
import io.socialdesk.core.calendar.PostingSchedule;
import io.socialdesk.core.calendar.PostingSlot;
import io.socialdesk.core.calendar.PublicHolidays;
import io.socialdesk.core.calendar.Rescheduled;
import io.socialdesk.core.calendar.TeamKeyDate;
import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.user.CurrentUser;
import io.socialdesk.core.user.User;
import io.socialdesk.web.calendar.CalendarDay;
import io.socialdesk.web.calendar.CalendarLegend;
import io.socialdesk.web.calendar.CalendarMarks;
import io.socialdesk.web.calendar.CalendarView;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * {@code /calendar}: the editorial calendar. The calendar of a month, week or range as the shared view model's JSON
 * (the pages and the Confluence macro render the same model); key dates; blackout periods (leads and admins keep
 * them); posting slots per account, the next free slot and a queue that fills them; a reschedule on the version the
 * person saw (409 when it moved on, 400 naming the field and rule, a blackout among them).
 */
@Path("/calendar")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {
    private final CalendarService calendar;
    private final CurrentUser currentUser;

    @Inject
    public CalendarResource(CalendarService calendar, CurrentUser currentUser) {
        this.calendar = calendar;
        this.currentUser = currentUser;
    }

    /** Reads the calendar's question from query parameters: the same for the JSON, the pages and the macro. */
    public static CalendarQuery query(String view, String month, String week, String from, String to, String zone, List<String> network,
            List<String> account, List<String> campaign, List<String> state, List<String> author, List<String> department,
            List<String> countries, User viewer, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        CalendarFilter filter = null;
        try {
            filter = CalendarFilter.read(network, account, campaign, state, author, department);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        Set<String> codes = countries(countries, problems);
        CalendarQuery query = null;
        try {
            query = CalendarQuery.read(view, month, week, from, to, zone, viewer.zone(), filter, codes, today);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        return query;
    }

    /** {@code countries=FR,US}: public holidays to show (UK is read as GB). */
    public static Set<String> countries(List<String> raw, List<FieldProblem> problems) {
        Set<String> codes = new LinkedHashSet<>();
        if (raw == null) return codes;
        for (String r : raw) {
            if (r == null) continue;
            for (String c : r.split(",")) {
                if (c.isBlank()) continue;
                Optional<String> known = PublicHolidays.country(c);
                if (known.isPresent()) codes.add(known.get());
                else problems.add(new FieldProblem("countries", "known-country", "Public holidays are known for " + PublicHolidays.COUNTRIES
                        + " (UK is GB), not '" + (c.length() > 10 ? c.substring(0, 10) + "…" : c.strip()) + "'"));
            }
        }
        return codes;
    }

    @GET
    public CalendarJson calendar(@QueryParam("view") String view, @QueryParam("month") String month, @QueryParam("week") String week,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("zone") String zone,
            @QueryParam("network") List<String> network, @QueryParam("account") List<String> account,
            @QueryParam("campaign") List<String> campaign, @QueryParam("state") List<String> state, @QueryParam("author") List<String> author,
            @QueryParam("department") List<String> department, @QueryParam("countries") List<String> countries) {
        User viewer = currentUser.require();
        CalendarQuery q = query(view, month, week, from, to, zone, network, account, campaign, state, author, department, countries, viewer,
                calendar.today(viewer.zone()));
        return CalendarJson.of(CalendarView.of(calendar.calendar(q), Locale.ENGLISH));
    }

    /** The view model's parts a client needs, once each (the grid's days carry the posts; no second copy per view). */
    public record CalendarJson(String view, String zone, String from, String to, String month, String week, String title, String today,
            int entryCount, boolean truncated, boolean filtered, Map<String, List<String>> filter, List<String> countries,
            List<CalendarLegend.Item> legend, List<CalendarDay> days, List<CalendarMarks.BlackoutItem> blackouts,
            List<CalendarMarks.ClashItem> clashes, List<CalendarMarks.GapItem> gaps) {
        public static CalendarJson of(CalendarView v) {
            return new CalendarJson(v.getView(), v.getZone(), v.getFrom(), v.getTo(), v.getMonth(), v.getWeek(), v.getTitle(), v.getToday(),
                    v.getEntryCount(), v.getTruncated(), v.getFiltered(), v.getFilter(), v.getCountries(), v.getLegend(), v.getDays(),
                    v.getBlackouts(), v.getClashes(), v.getGaps());
        }
    }

    // ---- Key dates ----

    /** The key dates of {@code [from, to)} (default: this month), with the public holidays of {@code countries}; and the team's stored dates. */
    @GET
    @Path("key-dates")
    public KeyDatesJson keyDates(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("countries") List<String> countries) {
        User viewer = currentUser.require();
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> codes = countries(countries, problems);
        CalendarQuery q = null;
        try {
            q = CalendarQuery.read("list", null, null, from, to, null, viewer.zone(), null, codes, calendar.today(viewer.zone()));
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        return new KeyDatesJson(calendar.keyDates(q.from(), q.to(), codes).stream().map(KeyDateJson::of).toList(),
                calendar.teamKeyDates().stream().map(TeamKeyDateJson::of).toList());
    }

    public record KeyDatesJson(List<KeyDateJson> keyDates, List<TeamKeyDateJson> team) {}

    public record KeyDateJson(String date, String name, String kind, String note, String region, long teamDateId) {
        static KeyDateJson of(KeyDate k) {
            return new KeyDateJson(k.date().toString(), k.name(), k.kind().slug(), k.note(), k.region(), k.teamDateId());
        }
    }

    public record TeamKeyDateJson(long id, String projectKey, String name, String rule, String note, String createdBy, String createdAt) {
        static TeamKeyDateJson of(TeamKeyDate d) {
            return new TeamKeyDateJson(d.id(), d.projectKey(), d.name(), d.rule().text(), d.note(), d.createdBy(), d.createdAt().toString());
        }
    }

    @POST
    @Path("key-dates")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addKeyDate(CalendarService.KeyDateRequest body) {
        return Response.status(Response.Status.CREATED).entity(TeamKeyDateJson.of(calendar.addKeyDate(body, currentUser.require()))).build();
    }

    @DELETE
    @Path("key-dates/{id}")
    public Response removeKeyDate(@PathParam("id") String id) {
        User user = currentUser.require();
        calendar.removeKeyDate(QueryParams.positiveLong("id", id), user);
        return Response.noContent().build();
    }

    // ---- Blackouts ----

    @GET
    @Path("blackouts")
    public List<BlackoutJson> blackouts() {
        currentUser.require();
        return calendar.blackouts().stream().map(BlackoutJson::of).toList();
    }

    @GET
    @Path("blackouts/{id}")
    public BlackoutJson blackout(@PathParam("id") String id) {
        currentUser.require();
        return BlackoutJson.of(calendar.blackout(QueryParams.positiveLong("id", id)));
    }

    @POST
    @Path("blackouts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createBlackout(CalendarService.BlackoutRequest body) {
        return Response.status(Response.Status.CREATED).entity(BlackoutJson.of(calendar.saveBlackout(null, body, currentUser.require()))).build();
    }

    @PUT
    @Path("blackouts/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public BlackoutJson updateBlackout(@PathParam("id") String id, CalendarService.BlackoutRequest body) {
        User user = currentUser.require();
        return BlackoutJson.of(calendar.saveBlackout(QueryParams.positiveLong("id", id), body, user));
    }

    @DELETE
    @Path("blackouts/{id}")
    public Response deleteBlackout(@PathParam("id") String id) {
        User user = currentUser.require();
        calendar.deleteBlackout(QueryParams.positiveLong("id", id), user);
        return Response.noContent().build();
    }

    public record BlackoutJson(long id, String projectKey, String name, String kind, String start, String end, String localStart, String localEnd,
            String zone, List<Long> accountIds, String reason, String explanation, String createdBy, String createdAt, int version) {
        public static BlackoutJson of(Blackout b) {
            return new BlackoutJson(b.id(), b.projectKey(), b.name(), b.kind().slug(), b.start().toString(), b.end().toString(),
                    b.localStart().toString(), b.localEnd().toString(), b.zone().getId(), b.accountIds().stream().sorted().toList(), b.reason(),
                    b.explain(), b.createdBy(), b.createdAt().toString(), b.version());
        }
    }

    // ---- Slots, next free slot, queue ----

    @GET
    @Path("slots/{accountId}")
    public ScheduleJson slots(@PathParam("accountId") String accountId) {
        User viewer = currentUser.require();
        return ScheduleJson.of(calendar.schedule(QueryParams.positiveLong("accountId", accountId), viewer.zone()));
    }

    @PUT
    @Path("slots/{accountId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ScheduleJson saveSlots(@PathParam("accountId") String accountId, CalendarService.ScheduleRequest body) {
        User user = currentUser.require();
        return ScheduleJson.of(calendar.saveSchedule(QueryParams.positiveLong("accountId", accountId), body, user));
    }

    public record ScheduleJson(long accountId, String zone, List<String> slots, long minSpacingMinutes, int gapDays, int version) {
        static ScheduleJson of(PostingSchedule s) {
            return new ScheduleJson(s.accountId(), s.zone().getId(), s.slots().stream().map(PostingSlot::text).toList(), s.minSpacing().toMinutes(),
                    s.gapDays(), s.version());
        }
    }

    /** The account's next free slot after {@code after} (an ISO instant; default now), for a post of {@code project}. */
    @GET
    @Path("slots/{accountId}/next")
    public NextSlotJson nextSlot(@PathParam("accountId") String accountId, @QueryParam("after") String after, @QueryParam("project") String project) {
        currentUser.require();
        long id = QueryParams.positiveLong("accountId", accountId);
        Instant from = null;
        if (after != null && !after.isBlank()) {
            try {
                from = Instant.parse(after.strip());
            } catch (DateTimeException e) {
                throw new InvalidInputException("after", "iso-instant", "after must be an ISO instant such as 2026-03-09T08:00:00Z");
            }
        }
        Optional<ZonedDateTime> slot = calendar.nextFreeSlot(id, project, from);
        return new NextSlotJson(id, slot.isPresent(), slot.map(s -> s.toInstant().toString()).orElse(null),
                slot.map(s -> s.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString()).orElse(null),
                slot.map(s -> s.getZone().getId()).orElse(null));
    }

    /** {@code found} false: no free slot in the next {@link io.socialdesk.core.calendar.Slots#HORIZON_DAYS} days (or no slots). */
    public record NextSlotJson(long accountId, boolean found, String at, String local, String zone) {}

    public record QueueRequest(Long accountId, List<Long> postIds, List<Integer> versions) {}

    /** Moves the posts, in order, to the account's next free slots. */
    @POST
    @Path("queue")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<RescheduledJson> fillQueue(QueueRequest body) {
        User user = currentUser.require();
        if (body == null || body.accountId() == null) throw new InvalidInputException("accountId", "required", "Name the account whose slots to fill");
        return calendar.fillQueue(body.accountId(), body.postIds(), body.versions(), user).stream().map(RescheduledJson::of).toList();
    }

    // ---- Reschedule ----

    public record RescheduleRequest(Integer version, String plannedAt, String zone) {}

    /** {@code notice}: set when the time asked did not exist (a clock change) and the post was planned at the next one. */
    public record RescheduledJson(PostJson post, String notice) {
        static RescheduledJson of(Rescheduled r) {
            return new RescheduledJson(PostJson.of(r.post()), r.notice().orElse(null));
        }
    }

    @POST
    @Path("posts/{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    public RescheduledJson reschedule(@PathParam("id") String id, RescheduleRequest body) {
        User user = currentUser.require();
        if (body == null) throw new InvalidInputException("body", "required", "A JSON object with the version and the new time is required");
        return RescheduledJson.of(calendar.reschedule(QueryParams.positiveLong("id", id), body.version(), body.plannedAt(), body.zone(), user));
    }

    // ---- Clashes and gaps ----

    /** The clashes and gaps of the same question as {@code GET /calendar}. */
    @GET
    @Path("cadence")
    public CadenceJson cadence(@QueryParam("view") String view, @QueryParam("month") String month, @QueryParam("week") String week,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("zone") String zone,
            @QueryParam("network") List<String> network, @QueryParam("account") List<String> account) {
        User viewer = currentUser.require();
        CalendarQuery q = query(view, month, week, from, to, zone, network, account, null, null, null, null, null, viewer,
                calendar.today(viewer.zone()));
        CalendarData data = calendar.calendar(q);
        CalendarView v = CalendarView.of(data, Locale.ENGLISH);
        return new CadenceJson(v.getFrom(), v.getTo(), v.getZone(), v.getClashes(), v.getGaps());
    }

    public record CadenceJson(String from, String to, String zone, List<CalendarMarks.ClashItem> clashes, List<CalendarMarks.GapItem> gaps) {}

}
