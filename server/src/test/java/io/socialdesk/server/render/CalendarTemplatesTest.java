package io.socialdesk.server.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.calendar.CalendarService;
import io.socialdesk.core.memory.MemoryCalendar;
import io.socialdesk.core.post.PlannedTime;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostContent;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import io.socialdesk.web.page.CalendarPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The calendar templates rendered with real Velocity (the server's, set up as Jira's), over the shared view model:
 * times in the viewer's zone (and the post's own when it differs), networks, state by name and symbol, blackouts and
 * key dates on their days, clashes listed in words, a hostile title escaped, both languages, and an impossible
 * address answered with this month and its problems.
 */
class CalendarTemplatesTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final String XSS = "<img src=x onerror=alert(1)>";
    private static final List<String> TEMPLATES = List.of("calendar.vm", "calendar-filters.vm", "calendar-month.vm", "calendar-week.vm",
            "calendar-list.vm", "calendar-entry.vm", "calendar-day-marks.vm", "calendar-findings.vm", "calendar-subscribe.vm");
    private static final CalendarPage.Host SERVER = new CalendarPage.Host("/calendar", Map.of(), "/rest/socialdesk/1.0", "", "");
    private static final CalendarPage.Host JIRA = new CalendarPage.Host("/jira/plugins/servlet/socialdesk/calendar", Map.of("project", "MKT"),
            "/jira/rest/socialdesk/1.0", "/jira", "MKT");

    private final MemoryCalendar calendar = new MemoryCalendar(Instant.parse("2026-03-20T10:00:00Z"));
    private final User lead = new User("marc", "Marc", Set.of(Role.MARKETING_LEAD), PARIS);
    private final User laura = new User("laura", "Laura", Set.of(Role.LEGAL), NEW_YORK);
    private final long mastodon = calendar.stores.accounts.add(Network.MASTODON, "@acme@mastodon.social", "Acme").id();
    private final long bluesky = calendar.stores.accounts.add(Network.BLUESKY, "acme.bsky.social", "Acme Sky").id();

    private final java.util.concurrent.atomic.AtomicLong items = new java.util.concurrent.atomic.AtomicLong(100);

    /** A post stored as it stands in {@code state} (the workflow is not the subject here), planned at {@code local} in {@code zone}. */
    private Post post(String title, LocalDateTime local, ZoneId zone, PostState state, List<Long> accountIds) {
        long n = items.incrementAndGet();
        PostContent content = new PostContent(title + " text", Map.of(), List.of(), List.of(), java.util.Optional.empty(), List.of(), null, "", "en",
                accountIds);
        return calendar.stores.posts.create(new TrackedItem(n, "SD-" + n, "/items/SD-" + n), title, content, new PlannedTime(local, zone), state,
                "alice", calendar.clock.instant());
    }

    private String render(User viewer, Locale locale, Map<String, String> parameters, int status) throws IOException {
        return render(SERVER, viewer, locale, parameters, status);
    }

    private String render(CalendarPage.Host host, User viewer, Locale locale, Map<String, String> parameters, int status) throws IOException {
        CalendarPage.Page page = CalendarPage.of(calendar.calendar, viewer, locale, host, calendar.stores.accounts.list(), parameters::get);
        assertThat(page.status()).isEqualTo(status);
        return render(page, locale);
    }

    private static String render(CalendarPage.Page page, Locale locale) throws IOException {
        Map<String, Object> context = new HashMap<>(page.context());
        context.put("i18n", new BundleI18n(locale));
        StringWriter out = new StringWriter();
        new VelocityTemplates().render(CalendarPage.TEMPLATE, context, out);
        return out.toString();
    }

    private static String cell(String html, String date) {
        int start = html.indexOf("id=\"sd-day-" + date + "\"");
        assertThat(start).as("the day " + date + " is shown").isPositive();
        return html.substring(start, html.indexOf("</td>", start));
    }

    @Test
    void theMonthShowsEachPostInTheViewersZoneWithItsNetworksStateAndLink() throws IOException {
        Post sale = post("Spring sale", LocalDateTime.of(2026, 3, 10, 9, 0), PARIS, PostState.SCHEDULED, List.of(mastodon, bluesky));

        String html = render(laura, Locale.ENGLISH, Map.of("month", "2026-03"), 200);

        String day = cell(html, "2026-03-10");
        assertThat(day).contains("id=\"sd-entry-" + sale.id() + "\"")
                .as("09:00 in Paris (CET) is 04:00 in New York (EDT since 8 March)").contains(">04:00</time>")
                .contains("(09:00 Europe/Paris)")
                .contains("Mastodon, Bluesky")
                .contains(">Scheduled</span>")
                .contains("href=\"/posts/" + sale.id() + "\"")
                .contains("sd-cal-state-scheduled");
        assertThat(day).as("Laura is not an author: no drag and drop").doesNotContain("data-reschedule-url").doesNotContain("sd-move");
        assertThat(html).contains("<h2 id=\"sd-cal-title\">March 2026</h2>").contains("Times in America/New_York");
        assertThat(html).as("today is 20 March: this month's week view is this week").contains("id=\"sd-view-week\" href=\"/calendar?view=week&amp;week=2026-W12\"");
        assertThat(html).as("the legend names every state").contains("data-state=\"DRAFT\"").contains("data-state=\"CANCELLED\"");
    }

    @Test
    void anAuthorGetsTheMoveControlsAndTheFrenchPageSaysItInFrench() throws IOException {
        Post draft = post("Brouillon de mars", LocalDateTime.of(2026, 3, 24, 17, 0), PARIS, PostState.DRAFT, List.of(mastodon));
        Post sent = post("D\u00e9j\u00e0 publi\u00e9", LocalDateTime.of(2026, 3, 2, 12, 30), PARIS, PostState.PUBLISHED, List.of(mastodon));

        String html = render(lead, Locale.FRENCH, Map.of("month", "2026-03"), 200);

        assertThat(html).contains("Calendrier \u00e9ditorial").contains("Mars 2026");
        assertThat(cell(html, "2026-03-24")).contains("data-reschedule-url=\"/rest/socialdesk/1.0/calendar/posts/" + draft.id() + "/reschedule\"")
                .contains("data-planned-local=\"2026-03-24T17:00\"").contains("D\u00e9placer").contains(">Brouillon</span>");
        assertThat(cell(html, "2026-03-02")).as("a published post stays where it went out").contains("sd-entry-" + sent.id())
                .doesNotContain("data-reschedule-url");
    }

    @Test
    void blackoutsKeyDatesAndClashesAreShownOnTheirDaysAndListed() throws IOException {
        calendar.calendar.saveBlackout(null, new CalendarService.BlackoutRequest("Results", "blackout", "2026-03-25", "2026-03-25", "Europe/Paris",
                List.of(), "Quarterly results", "", null), lead);
        calendar.calendar.addKeyDate(new CalendarService.KeyDateRequest("Brand birthday", "2026-03-17", "Ten years", ""), lead);
        calendar.calendar.saveSchedule(mastodon, new CalendarService.ScheduleRequest("Europe/Paris", List.of(), 60, null, 0), lead);
        post("First", LocalDateTime.of(2026, 3, 12, 9, 0), PARIS, PostState.APPROVED, List.of(mastodon));
        post("Second", LocalDateTime.of(2026, 3, 12, 9, 20), PARIS, PostState.APPROVED, List.of(mastodon));

        String html = render(lead, Locale.ENGLISH, Map.of("month", "2026-03"), 200);

        assertThat(cell(html, "2026-03-25")).contains("sd-blackout").contains("Blackout: Results");
        assertThat(cell(html, "2026-03-17")).contains("Brand birthday").contains("title=\"Ten years\"");
        assertThat(cell(html, "2026-03-12")).contains("sd-clashing");
        String clashes = html.substring(html.indexOf("id=\"sd-cal-clashes\""), html.indexOf("id=\"sd-cal-gaps\""));
        assertThat(clashes).contains("\u201cFirst\u201d and \u201cSecond\u201d on @acme@mastodon.social (Mastodon)").contains("20 min apart, the account asks for 60 min");
    }

    @Test
    void aCrowdedMonthListsTheFirstFiftyClashesInWordsAndCountsTheRestWhileEveryDayStillMarksItsOwn() throws IOException {
        calendar.calendar.saveSchedule(mastodon, new CalendarService.ScheduleRequest("Europe/Paris", List.of(), 60, null, 0), lead);
        for (int i = 0; i < 60; i++) { // six days of ten posts five minutes apart: 54 clashes
            post("Flash " + i, LocalDateTime.of(2026, 3, 2 + i / 10, 9, 0).plusMinutes(5L * (i % 10)), PARIS, PostState.APPROVED, List.of(mastodon));
        }

        String html = render(lead, Locale.ENGLISH, Map.of("month", "2026-03"), 200);

        String clashes = html.substring(html.indexOf("id=\"sd-cal-clashes\""), html.indexOf("id=\"sd-cal-gaps\""));
        assertThat(clashes.split("class=\"sd-clash\"", -1).length - 1).isEqualTo(CalendarPage.CLASHES_LISTED);
        assertThat(clashes).contains("And 4 more clashes, marked on their days.");
        assertThat(cell(html, "2026-03-07")).as("the sixth day's clashes are past the list, still marked").contains("sd-clashing");
        assertThat(render(lead, Locale.FRENCH, Map.of("month", "2026-03"), 200)).contains("Et 4 autres conflits");
    }

    @Test
    void aHostileTitleIsEscapedEverywhereItAppears() throws IOException {
        post(XSS, LocalDateTime.of(2026, 3, 11, 9, 0), PARIS, PostState.DRAFT, List.of(mastodon));

        String html = render(lead, Locale.ENGLISH, Map.of("month", "2026-03", "view", "list"), 200);

        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img");
        assertThat(html).contains("data-title=\"&lt;img src=x onerror=alert(1)&gt;\"");
    }

    @Test
    void theWeekAndListViewsAndTheFiltersKeepTheirAddresses() throws IOException {
        post("Week post", LocalDateTime.of(2026, 3, 18, 9, 0), PARIS, PostState.APPROVED, List.of(bluesky));
        post("Other network", LocalDateTime.of(2026, 3, 19, 9, 0), PARIS, PostState.APPROVED, List.of(mastodon));

        String week = render(lead, Locale.ENGLISH, Map.of("week", "2026-W12", "network", "BLUESKY"), 200);

        assertThat(week).contains("id=\"sd-cal-week\"").contains("Week post").doesNotContain("Other network");
        assertThat(week).contains("href=\"/calendar?view=week&amp;week=2026-W11&amp;network=BLUESKY\"")
                .contains("href=\"/calendar?view=week&amp;week=2026-W13&amp;network=BLUESKY\"")
                .contains("<option value=\"BLUESKY\" selected>")
                .contains("id=\"sd-cal-clear\" href=\"/calendar?view=week&amp;week=2026-W12\"")
                .contains("<input type=\"hidden\" name=\"week\" value=\"2026-W12\">");
        String list = render(lead, Locale.ENGLISH, Map.of("view", "list", "month", "2026-03"), 200);
        assertThat(list).contains("id=\"sd-cal-list\"").contains("Week post").contains("Other network");
    }

    @Test
    void anImpossibleAddressGetsThisMonthAndItsProblemsNotAServerError() throws IOException {
        String html = render(lead, Locale.ENGLISH, Map.of("month", "2026-13", "network", "MYSPACE"), 400);

        assertThat(html).contains("id=\"sd-cal-problems\"").contains("Unknown network").contains("(network: known-network)");
        assertThat(html).contains("March 2026");
        assertThat(render(lead, Locale.ENGLISH, Map.of("from", "2016-01-01", "to", "2026-01-01"), 400)).contains("(to: max-range)");
        assertThat(render(lead, Locale.ENGLISH, Map.of("zone", "Mars/Olympus"), 400)).contains("(zone: iana-zone)");
        assertThat(render(lead, Locale.ENGLISH, Map.of("month", "2026-13"), 400)).contains("(month: year-month)");
    }

    @Test
    void noCalendarTemplateInsertsAReferenceUnescaped() throws IOException {
        // The hosts escape every reference unless its name ends in "Html"; the calendar has no such reference.
        Pattern unescaped = Pattern.compile("\\$!?\\{?[a-zA-Z][\\w.()]*Html\\b");
        for (String name : TEMPLATES) {
            try (InputStream in = CalendarTemplatesTest.class.getClassLoader().getResourceAsStream("templates/socialdesk/" + name)) {
                assertThat(in).as(name).isNotNull();
                Matcher m = unescaped.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                assertThat(m.find()).as(name + " inserts nothing unescaped").isFalse();
            }
        }
    }

    // ---- subscribing to feeds (calendar-subscribe.vm) and element ids ----

    private static String subscribe(String html) {
        int start = html.indexOf("class=\"sd-subscribe\"");
        assertThat(start).as("the subscribe panel is on the page").isPositive();
        return html.substring(start, html.indexOf("id=\"sd-feed-done\"", start));
    }

    @Test
    void theServerPageOffersMyPostsAndKeyDatesAndAsksForFiltersBeforeSavingThem() throws IOException {
        post("Spring sale", LocalDateTime.of(2026, 3, 10, 9, 0), PARIS, PostState.SCHEDULED, List.of(mastodon));

        String panel = subscribe(render(lead, Locale.ENGLISH, Map.of("month", "2026-03"), 200));

        assertThat(panel).contains("data-feeds-url=\"/rest/socialdesk/1.0/calendar-feeds\"").contains("data-zone=\"Europe/Paris\"")
                .contains("data-lang=\"en\"");
        assertThat(panel).as("the toggle waits for the script: without it the API cannot be used")
                .contains("id=\"sd-cal-subscribe-toggle\" aria-expanded=\"false\" aria-controls=\"sd-cal-subscribe-panel\" hidden>");
        assertThat(panel).contains("value=\"user\" id=\"sd-feed-kind-user\" checked> my posts (the posts I author)")
                .as("the server's calendar is every project's: no project feed here").doesNotContain("value=\"project\"")
                .contains("value=\"key-dates\"").contains("name=\"countries\" id=\"sd-feed-countries\" value=\"FR\"");
        assertThat(panel).as("nothing picked: a filter feed would be refused, so the choice says why it is off")
                .containsPattern("value=\"filter\"[^>]* disabled aria-describedby=\"sd-feed-filter-hint\"")
                .contains("pick filters above and apply them first");
        assertThat(panel).contains("This address is shown only this once").contains("Open in your calendar app")
                .contains("id=\"sd-feed-status\" role=\"status\" aria-live=\"polite\"");
    }

    @Test
    void theJiraProjectPageOffersThisProjectAndTheFiltersPickedInFrench() throws IOException {
        String html = render(JIRA, lead, Locale.FRENCH, Map.of("month", "2026-03", "state", "DRAFT", "network", "MASTODON"), 200);

        String panel = subscribe(html);
        assertThat(panel).contains("data-feeds-url=\"/jira/rest/socialdesk/1.0/calendar-feeds\"").contains("data-lang=\"fr\"")
                .contains("value=\"project\" id=\"sd-feed-kind-project\" data-target=\"MKT\"> publications de ce projet (MKT)");
        assertThat(panel).as("these filters: the project and what is picked, to save as a filter")
                .contains("data-filters=\"project=MKT&amp;network=MASTODON&amp;state=DRAFT\"")
                .contains("data-filter-name=\"project MKT, network MASTODON, state DRAFT\"")
                .doesNotContainPattern("value=\"filter\"[^>]* disabled");
        assertThat(panel).contains("S\u2019abonner").contains("Mes publications").contains("Vos flux").contains("Ouvrir dans votre agenda")
                .contains("qu&#39;une seule fois").contains("data-text-confirm-revoke=\"R\u00e9voquer \u00ab {0} \u00bb ?");
    }

    @Test
    void noFeedAddressIsEverInThePageEvenForSomeoneWithFeeds() throws IOException {
        io.socialdesk.core.calendar.feed.FeedTokens feeds = new io.socialdesk.core.calendar.feed.FeedTokens(
                new io.socialdesk.core.calendar.feed.MemoryCalendarFeedStore(), calendar.clock);
        String secret = feeds.issue(lead.key(), io.socialdesk.core.calendar.feed.FeedKind.USER, "", "Mine").secret();

        String html = render(JIRA, lead, Locale.ENGLISH, Map.of("month", "2026-03"), 200);

        assertThat(html).doesNotContain(secret).doesNotContain(io.socialdesk.core.calendar.feed.FeedTokens.PREFIX)
                .doesNotContain("/ical/").doesNotContain("webcal:");
        assertThat(html).as("the address is shown by the script from the add or rotate answer, into an empty field")
                .contains("id=\"sd-feed-url\" readonly").contains("id=\"sd-feed-webcal\" href=\"#\"");
    }

    @Test
    void aReadOnlyCalendarOffersNoSubscription() throws IOException {
        post("Spring sale", LocalDateTime.of(2026, 3, 10, 9, 0), PARIS, PostState.SCHEDULED, List.of(mastodon));
        io.socialdesk.core.calendar.CalendarData data = calendar.calendar.calendar(io.socialdesk.core.calendar.CalendarQuery.month(
                java.time.YearMonth.of(2026, 3), PARIS, io.socialdesk.core.calendar.CalendarFilter.NONE, Set.of()));

        String html = render(CalendarPage.of(data, Locale.ENGLISH, JIRA, calendar.stores.accounts.list()), Locale.ENGLISH);

        assertThat(html).contains("Spring sale").doesNotContain("sd-subscribe").doesNotContain("calendar-feeds");
    }

    /** Every id on the page, in order, with repeats. */
    static List<String> ids(String html) {
        List<String> ids = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("\\sid=\"([^\"]*)\"").matcher(html);
        while (m.find()) ids.add(m.group(1));
        return ids;
    }

    @Test
    void everyIdTakesTheHostsPrefixIsUniqueAndEveryReferenceToOneResolves() throws IOException {
        post("Spring sale", LocalDateTime.of(2026, 3, 10, 9, 0), PARIS, PostState.SCHEDULED, List.of(mastodon));
        post("Clash", LocalDateTime.of(2026, 3, 10, 9, 10), PARIS, PostState.SCHEDULED, List.of(mastodon));
        CalendarPage.Host prefixed = new CalendarPage.Host("/calendar", Map.of(), "/rest/socialdesk/1.0", "", "MKT", "c2-");

        for (String view : List.of("month", "week", "list")) {
            String html = render(prefixed, lead, Locale.ENGLISH, view.equals("week") ? Map.of("view", view, "week", "2026-W11")
                    : Map.of("view", view, "month", "2026-03"), 200);
            List<String> ids = ids(html);
            assertThat(ids).as(view).isNotEmpty().allMatch(id -> id.startsWith("c2-sd-")).doesNotHaveDuplicates();
            Matcher refs = Pattern.compile("\\s(?:for|headers|aria-controls|aria-labelledby|aria-describedby)=\"([^\"]*)\"").matcher(html);
            while (refs.find()) assertThat(ids).as(view + ": " + refs.group()).contains(refs.group(1));
        }
        assertThat(ids(render(lead, Locale.ENGLISH, Map.of("month", "2026-03"), 200))).as("a page's ids stay as they were")
                .contains("sd-calendar", "sd-cal-month", "sd-day-2026-03-10", "sd-cal-subscribe").doesNotHaveDuplicates();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> new CalendarPage.Host("/c", Map.of(), "/r", "", "", "\"><x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
