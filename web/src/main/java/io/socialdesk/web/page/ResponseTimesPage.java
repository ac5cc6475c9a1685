package io.socialdesk.web.page;

import io.socialdesk.core.inbox.answer.ResponseTimes;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.web.rest.InboxResource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The inbox's response-times page, shared by the server ({@code /inbox/response-times}) and Jira
 * ({@code /plugins/servlet/socialdesk/response-times}): the period, then all tickets, per department and per network.
 * Getters only (Jira's Velocity allowlist lists them); the template escapes every value.
 */
public final class ResponseTimesPage {
    public static final String TEMPLATE = "templates/socialdesk/response-times.vm";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final ResponseTimes.Report report;
    private final String formAction;

    ResponseTimesPage(ResponseTimes.Report report, String formAction) {
        this.report = report;
        this.formAction = formAction;
    }

    /**
     * The template's context: {@code report} and {@code problem} (a bad period is shown above the default period's
     * figures, "" when none). {@code from} and {@code to} as the REST takes them (dates or instants, null: default).
     */
    public static Map<String, Object> context(ResponseTimes times, String from, String to, String formAction) {
        Map<String, Object> context = new HashMap<>();
        try {
            context.put("report", new ResponseTimesPage(times.report(InboxResource.instant("from", from), InboxResource.instant("to", to)), formAction));
            context.put("problem", "");
        } catch (InvalidInputException e) {
            context.put("report", new ResponseTimesPage(times.report(null, null), formAction));
            context.put("problem", e.first().message());
        }
        return context;
    }

    public String getFormAction() { return formAction; }
    public String getFrom() { return report.from().atZone(ZoneOffset.UTC).format(DAY); }
    public String getTo() { return report.to().atZone(ZoneOffset.UTC).format(DAY); }
    public String getFromInstant() { return report.from().toString(); }
    public String getToInstant() { return report.to().toString(); }
    public boolean getTruncated() { return report.truncated(); }
    public boolean getEmpty() { return report.all().tickets() == 0; }
    /** All tickets, then per department, then per network: each a heading and its rows. */
    public List<Group> getGroups() {
        return List.of(new Group("socialdesk.times.all", List.of(new Row(report.all()))),
                new Group("socialdesk.times.byDepartment", report.byDepartment().stream().map(Row::new).toList()),
                new Group("socialdesk.times.byNetwork", report.byNetwork().stream().map(Row::new).toList()));
    }

    /** A table of the page: its heading's i18n key and its rows. */
    public record Group(String titleKey, List<Row> rows) {
        public String getTitleKey() { return titleKey; }
        public List<Row> getRows() { return rows; }
    }

    /** One group's figures as the page shows them ("45 min"; empty when none). */
    public static final class Row {
        private final ResponseTimes.Figures f;

        Row(ResponseTimes.Figures f) {
            this.f = f;
        }

        public String getGroup() { return f.group(); }
        public int getTickets() { return f.tickets(); }
        public int getAnswered() { return f.answered(); }
        public String getMedianFirstResponse() { return ResponseTimes.words(f.medianFirstResponse()); }
        public String getMeanFirstResponse() { return ResponseTimes.words(f.meanFirstResponse()); }
        public int getResolved() { return f.resolved(); }
        public String getMedianResolution() { return ResponseTimes.words(f.medianResolution()); }
        public String getMeanResolution() { return ResponseTimes.words(f.meanResolution()); }
    }
}
