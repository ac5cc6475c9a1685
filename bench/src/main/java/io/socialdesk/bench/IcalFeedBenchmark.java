package io.socialdesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.approval.Department;
import io.socialdesk.core.calendar.CalendarEntry;
import io.socialdesk.core.post.PlannedTime;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostContent;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.web.calendar.ical.CalendarFeeds;
import io.socialdesk.web.calendar.ical.IcsEvent;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The editorial calendar's iCalendar feed (issue 7) of {@code posts} calendar entries, as {@code GET /ical/{secret}.ics}
 * writes it once the calendar has read them ({@link CalendarFeeds#ics}: events in their own zones with VTIMEZONEs, text
 * escaped and folded, UTF-8 bytes), against the baseline: the same posts serialised as JSON with Jackson, and against
 * ical4j's own model and outputter (what the writer replaced). Posts every 47 minutes over a year in Paris, New York
 * and London, titles with accents and emoji, 1 to 3 networks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IcalFeedBenchmark {
    private static final URI SITE = URI.create("https://jira.example.com");
    private static final ZoneId[] ZONES = {ZoneId.of("Europe/Paris"), ZoneId.of("America/New_York"), ZoneId.of("Europe/London")};
    private static final PostState[] STATES = {PostState.SCHEDULED, PostState.APPROVED, PostState.IN_REVIEW, PostState.DRAFT,
        PostState.PUBLISHED, PostState.CANCELLED};

    @Param({"10000"})
    public int posts;

    private List<CalendarEntry> entries;
    private final ObjectMapper json = new ObjectMapper();

    /** The JSON baseline's shape: what the feed says of a post, as a JSON calendar API would send it. */
    public record PostJson(String uid, String title, String start, String zone, String end, String description, String url, int sequence,
            String lastModified, String status, List<String> networks) {}

    @Setup
    public void setUp() {
        Random random = new Random(7);
        entries = new ArrayList<>(posts);
        LocalDateTime first = LocalDateTime.parse("2026-11-02T08:00");
        Network[] networks = {Network.MASTODON, Network.BLUESKY, Network.LINKEDIN, Network.X};
        for (int i = 0; i < posts; i++) {
            ZoneId zone = ZONES[i % ZONES.length];
            LocalDateTime local = first.plusMinutes(47L * i);
            String title = "Post " + i + (i % 5 == 0 ? " : lancement de l'été ☀️, « offre » à 19,99 €" : " - weekly tips; links, and more");
            Post post = new Post(i + 1, new TrackedItem(i + 1, "MKT-" + (i + 1), "/browse/MKT-" + (i + 1)), title,
                    PostContent.ofText("Hello"), new PlannedTime(local, zone), STATES[i % STATES.length], "alice",
                    Instant.parse("2026-10-01T10:00:00Z"), 1 + random.nextInt(6), "alice", Instant.parse("2026-10-20T10:00:00Z").plusSeconds(i));
            List<Network> nets = List.of(networks).subList(0, 1 + i % 3);
            entries.add(CalendarEntry.of(post, nets, Set.<Department>of(), ZoneOffset.UTC, "/browse/MKT-" + (i + 1)));
        }
    }

    /** The whole feed, as the feed's answer sends it. */
    @Benchmark
    public byte[] ics() {
        return CalendarFeeds.ics("MKT posts", entries, SITE).getBytes(StandardCharsets.UTF_8);
    }

    /** Baseline: the same posts as JSON with Jackson (the same mapping first, so only the writing differs). */
    @Benchmark
    public byte[] jacksonJson() throws Exception {
        List<PostJson> out = new ArrayList<>(entries.size());
        for (CalendarEntry entry : entries) {
            IcsEvent e = CalendarFeeds.event(entry, SITE, SITE.getHost());
            out.add(new PostJson(e.uid(), e.title(), e.start().toLocalDateTime().toString(), e.start().getZone().getId(),
                    e.start().plus(e.length()).toLocalDateTime().toString(), e.description(), e.url().toString(), e.sequence(),
                    e.lastModified().toString(), e.status().name(), e.categories()));
        }
        return json.writeValueAsBytes(out);
    }

    /** ical4j's model and outputter for the same events (no VTIMEZONE): what the hand-written writer replaced. */
    @Benchmark
    public byte[] ical4jModel() throws Exception {
        List<CalendarComponent> components = new ArrayList<>(entries.size());
        for (CalendarEntry entry : entries) {
            IcsEvent e = CalendarFeeds.event(entry, SITE, SITE.getHost());
            components.add(new VEvent(new PropertyList(List.<Property>of(new Uid(e.uid()), new DtStamp(e.lastModified()),
                    new DtStart<>(e.start()), new DtEnd<>(e.start().plus(e.length())), new Summary(e.title()), new Description(e.description()),
                    new Url(e.url()), new Sequence(e.sequence()), new LastModified(e.lastModified())))));
        }
        Calendar calendar = new Calendar(new PropertyList(List.<Property>of(new ProdId("-//bench//EN"), ImmutableVersion.VERSION_2_0)),
                new ComponentList<>(components));
        StringWriter out = new StringWriter();
        new CalendarOutputter(false).output(calendar, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
