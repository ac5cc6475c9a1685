package io.socialdesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialdesk.core.account.AccountStore;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.calendar.Blackout;
import io.socialdesk.core.calendar.CalendarData;
import io.socialdesk.core.calendar.CalendarFilter;
import io.socialdesk.core.calendar.CalendarQuery;
import io.socialdesk.core.calendar.CalendarService;
import io.socialdesk.core.calendar.PlannedPosts;
import io.socialdesk.core.calendar.PostingSchedule;
import io.socialdesk.core.calendar.PostingSlot;
import io.socialdesk.core.post.PlannedTime;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostContent;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.post.Utm;
import io.socialdesk.core.secret.SecretBox;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.server.ServerEntities;
import io.socialdesk.server.db.Database;
import io.socialdesk.server.db.DatabaseConfig;
import io.socialdesk.store.account.AoAccountStore;
import io.socialdesk.store.approval.AoPolicyStore;
import io.socialdesk.store.calendar.AoBlackoutStore;
import io.socialdesk.store.calendar.AoKeyDateStore;
import io.socialdesk.store.calendar.AoPostingScheduleStore;
import io.socialdesk.store.post.AoPostStore;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import io.socialdesk.server.auth.ServerUser;
import io.socialdesk.server.http.Pages;
import io.socialdesk.server.render.VelocityTemplates;
import io.socialdesk.web.calendar.CalendarView;
import io.socialdesk.web.page.CalendarPage;
import io.socialdesk.web.rest.CalendarResource;
import io.socialdesk.web.rest.PostJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The editorial calendar's month view with {@code posts} posts (default 2,000) in March 2026, on the server's real stores
 * (Active Objects on the embedded HSQLDB file database), against serialising the same posts as JSON with Jackson.
 *
 * <ul>
 *   <li>{@link #monthFromDatabase()}: what {@code GET /calendar?month=2026-03} does: read the month's posts (pages of 500),
 *       key dates of two countries, blackouts, three accounts' schedules; clashes and gaps; the view model; its JSON.</li>
 *   <li>{@link #monthViewOnly()}: the view model and its JSON from the data already read (the rendering alone).</li>
 *   <li>{@link #monthPageFromDatabase()}: what the page {@code /calendar?month=2026-03} does: the same reads, the page model,
 *       and the HTML through the real Velocity templates inside the server's layout (about 2 MB of HTML).</li>
 *   <li>{@link #monthPageOnly()}: the page model and its HTML from the data already read.</li>
 *   <li>{@link #postsFromDatabaseAsJson()}: the baseline - the same posts read with the same pages, each as {@link PostJson}, as JSON.</li>
 *   <li>{@link #postsAsJson()}: the baseline's serialisation alone, from the posts already read.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// The page of 2,000 posts needs about 20 s of warm-up before the JIT is done with it (docs/benchmarks.md).
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class CalendarBenchmark {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String TEXT = "Our spring release is out: a calendar per network, approvals in Jira, and 09:00 Paris stays 09:00. #socialdesk";

    @Param({"2000"})
    public int posts;

    private Path dataDir;
    private Database db;
    private AoPostStore postStore;
    private CalendarService calendar;
    private CalendarQuery march;
    private CalendarData read;
    private List<Post> readPosts;
    private final ObjectMapper json = new ObjectMapper();
    /** Only {@link Pages#html} is called: no request, so no request user. */
    private final Pages pages = new Pages(new VelocityTemplates(), null);
    private final User lead = new User("marc", "Marc", Set.of(Role.MARKETING_LEAD), PARIS);
    private final CalendarPage.Host host = new CalendarPage.Host("/calendar", Map.of(), "/rest/socialdesk/1.0", "", "");
    private AccountStore accountStore;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dataDir = Files.createTempDirectory("socialdesk-bench-calendar");
        db = Database.open(DatabaseConfig.embedded(dataDir), ServerEntities.all());
        Clock clock = Clock.fixed(Instant.parse("2026-02-20T08:00:00Z"), ZoneOffset.UTC);
        postStore = new AoPostStore(db.ao());
        SecretBox box = SecretBox.of(SecretBox.newKey());
        AccountStore accounts = new AoAccountStore(db.ao(), () -> box, clock);
        accountStore = accounts;
        List<Long> ids = new ArrayList<>();
        for (Network n : List.of(Network.BLUESKY, Network.MASTODON, Network.LINKEDIN)) ids.add(accounts.add(n, "@acme-" + n, "Acme").id());
        AoPostingScheduleStore schedules = new AoPostingScheduleStore(db.ao());
        for (long id : ids) {
            schedules.save(new PostingSchedule(id, PARIS, List.of(new PostingSlot(DayOfWeek.MONDAY, LocalTime.of(9, 0)),
                    new PostingSlot(DayOfWeek.THURSDAY, LocalTime.of(12, 30))), Duration.ofMinutes(30), 2, 1), 0);
        }
        AoBlackoutStore blackouts = new AoBlackoutStore(db.ao());
        blackouts.create(new Blackout(0, "", "Quiet period", Blackout.Kind.BLACKOUT, Instant.parse("2026-03-16T23:00:00Z"),
                Instant.parse("2026-03-18T23:00:00Z"), PARIS, Set.of(), "Results", "bench", clock.instant(), 1));
        Random random = new Random(7);
        LocalDateTime first = LocalDateTime.of(2026, 3, 1, 7, 0);
        for (int i = 0; i < posts; i++) {
            // Spread over the month's 31 days between 07:00 and 21:00, one or two accounts each.
            LocalDateTime at = first.plusDays(random.nextInt(31)).plusMinutes(random.nextInt(14 * 60));
            List<Long> targets = random.nextBoolean() ? List.of(ids.get(i % 3)) : List.of(ids.get(i % 3), ids.get((i + 1) % 3));
            PostContent content = new PostContent(TEXT, Map.of(), List.of(), List.of(), Optional.empty(), List.of("socialdesk"), Utm.NONE,
                    i % 4 == 0 ? "Spring" : "", "en", targets);
            postStore.create(new TrackedItem(i + 1, "MKT-" + (i + 1), "/items/MKT-" + (i + 1)), "Post " + i, content, new PlannedTime(at, PARIS),
                    PostState.values()[i % 6], "alice", clock.instant());
        }
        calendar = new CalendarService(postStore, accounts, new AoPolicyStore(db.ao()), new AoKeyDateStore(db.ao()), blackouts, schedules, null,
                p -> "/posts/" + p.id() + "/edit", clock);
        march = CalendarQuery.month(YearMonth.of(2026, 3), PARIS, CalendarFilter.NONE, Set.of("FR", "US"));
        read = calendar.calendar(march);
        readPosts = readPosts();
        if (read.entries().size() != posts || readPosts.size() != posts) {
            throw new IllegalStateException("expected " + posts + " posts, read " + read.entries().size() + " and " + readPosts.size());
        }
        String html = monthPageFromDatabase();
        int shown = html.split("id=\"sd-entry-", -1).length - 1;
        if (shown != posts || !html.contains("March 2026")) {
            throw new IllegalStateException("expected the page to show " + posts + " posts in March 2026, it shows " + shown);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        if (db != null) db.close();
        BenchFiles.deleteTree(dataDir);
    }

    @Benchmark
    public byte[] monthFromDatabase() throws IOException {
        return json.writeValueAsBytes(CalendarResource.CalendarJson.of(CalendarView.of(calendar.calendar(march), Locale.ENGLISH)));
    }

    @Benchmark
    public byte[] monthViewOnly() throws IOException {
        return json.writeValueAsBytes(CalendarResource.CalendarJson.of(CalendarView.of(read, Locale.ENGLISH)));
    }

    @Benchmark
    public String monthPageFromDatabase() {
        CalendarPage.Page page = CalendarPage.of(calendar, lead, Locale.ENGLISH, host, accountStore.list(), Map.of("month", "2026-03")::get);
        return html(page);
    }

    @Benchmark
    public String monthPageOnly() {
        return html(CalendarPage.of(read, Locale.ENGLISH, host, accountStore.list()));
    }

    /** The page as the server sends it: {@link Pages#html}, the calendar's template inside the server's layout. */
    private String html(CalendarPage.Page page) {
        return pages.html(Locale.ENGLISH, Optional.of(new ServerUser(lead, Locale.ENGLISH, Optional.empty())), "socialdesk.calendar.heading",
                CalendarPage.TEMPLATE, page.context());
    }

    @Benchmark
    public byte[] postsFromDatabaseAsJson() throws IOException {
        return json.writeValueAsBytes(readPosts().stream().map(PostJson::of).toList());
    }

    @Benchmark
    public byte[] postsAsJson() throws IOException {
        return json.writeValueAsBytes(readPosts.stream().map(PostJson::of).toList());
    }

    /** The month's posts as the calendar reads them (the same pages). */
    private List<Post> readPosts() {
        return PlannedPosts.read(postStore, march.start(), march.end(), Integer.MAX_VALUE).posts();
    }
}
