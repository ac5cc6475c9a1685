package io.socialdesk.web.rest;

import io.socialdesk.core.account.AccountStore;
import io.socialdesk.core.calendar.CalendarData;
import io.socialdesk.core.calendar.CalendarQuery;
import io.socialdesk.core.calendar.CalendarService;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.user.CurrentUser;
import io.socialdesk.core.user.User;
import java.util.List;
import java.util.Locale;
import javax.inject.Inject;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

/**
 * {@code GET /calendar-data}: the calendar's data for a period and filters, read as {@code GET /calendar} reads them,
 * as {@link CalendarDataJson}; with {@code project}, only that project's posts. For another host that renders the
 * same view model with the same templates (the Confluence macro).
 */
@Path("/calendar-data")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarDataResource {
    private final CalendarService calendar;
    private final AccountStore accounts;
    private final CurrentUser currentUser;

    @Inject
    public CalendarDataResource(CalendarService calendar, AccountStore accounts, CurrentUser currentUser) {
        this.calendar = calendar;
        this.accounts = accounts;
        this.currentUser = currentUser;
    }

    @GET
    public CalendarDataJson data(@QueryParam("project") String project, @QueryParam("view") String view, @QueryParam("month") String month,
            @QueryParam("week") String week, @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("zone") String zone,
            @QueryParam("network") List<String> network, @QueryParam("account") List<String> account,
            @QueryParam("campaign") List<String> campaign, @QueryParam("state") List<String> state, @QueryParam("author") List<String> author,
            @QueryParam("department") List<String> department, @QueryParam("countries") List<String> countries) {
        User viewer = currentUser.require();
        String key = project == null ? "" : project.strip().toUpperCase(Locale.ROOT);
        if (!key.isEmpty() && !key.matches("[A-Z][A-Z0-9_]{0,29}")) {
            throw new InvalidInputException("project", "project-key", "A project key is a letter then letters, digits or _, e.g. MKT");
        }
        CalendarQuery q = CalendarResource.query(view, month, week, from, to, zone, network, account, campaign, state, author, department,
                countries, viewer, calendar.today(viewer.zone()));
        CalendarData data = calendar.calendar(q);
        if (!key.isEmpty()) {
            String prefix = key + "-";
            data = new CalendarData(data.query(), data.entries().stream().filter(e -> e.itemKey().startsWith(prefix)).toList(), data.truncated(),
                    data.keyDates(), data.blackouts().stream().filter(b -> b.projectKey().isEmpty() || b.projectKey().equals(key)).toList(),
                    data.clashes(), data.gaps(), data.today());
        }
        return CalendarDataJson.of(data, accounts.list());
    }
}
