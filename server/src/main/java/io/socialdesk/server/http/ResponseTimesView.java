package io.socialdesk.server.http;

import io.socialdesk.core.inbox.answer.ResponseTimes;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The inbox's response-times page: the period, then all tickets, per department and per network. Getters only. */
public final class ResponseTimesView {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final ResponseTimes.Report report;
    private final ZoneId zone;

    ResponseTimesView(ResponseTimes.Report report, ZoneId zone) {
        this.report = report;
        this.zone = zone;
    }

    public String getFrom() { return report.from().atZone(java.time.ZoneOffset.UTC).format(DAY); }
    public String getTo() { return report.to().atZone(java.time.ZoneOffset.UTC).format(DAY); }
    public String getFromInstant() { return report.from().toString(); }
    public String getToInstant() { return report.to().toString(); }
    public boolean getTruncated() { return report.truncated(); }
    public Row getAll() { return new Row(report.all()); }
    public List<Row> getDepartments() { return report.byDepartment().stream().map(Row::new).toList(); }
    public List<Row> getNetworks() { return report.byNetwork().stream().map(Row::new).toList(); }
    public boolean getEmpty() { return report.all().tickets() == 0; }
    public String getZone() { return zone.getId(); }

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
