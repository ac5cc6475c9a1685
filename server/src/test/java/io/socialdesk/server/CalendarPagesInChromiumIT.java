package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.calendar.CalendarService;
import io.socialdesk.core.post.NewPost;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.publish.PublishingSettings;
import io.socialdesk.core.user.User;
import io.socialdesk.testing.Browser;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The editorial calendar in headless Chromium on the demo workspace: it is a marketing person's home page, showing
 * this month's demo posts with their times in the viewer's zone, networks and state; a post dragged to another day
 * is rescheduled (in the store and on the page) and keeps its time; one dropped into a blackout period is refused
 * with the server's reason and snaps back; the keyboard moves a post too; the filters narrow the posts; a title
 * holding HTML shows as text and no dialog opens. The publisher ticks once an hour, so nothing is sent meanwhile.
 * Screenshots: target/screenshots/calendar-*.png.
 */
class CalendarPagesInChromiumIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String XSS = "<img src=x onerror=alert(1)>";

    @TempDir
    static Path data;

    static SocialDeskApp app;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        DemoSite site = DemoSite.start(data, s -> s.withPublishing(Duration.ofHours(1), PublishingSettings.DEFAULTS));
        app = site.app;
        base = site.base;
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static User user(String name) {
        return app.users().find(name).orElseThrow().user();
    }

    /** A draft by Alice at 09:00 Paris time on {@code day}. */
    static Post draft(String title, LocalDate day) {
        return app.posts().create(new NewPost(title, title + " text", day + "T09:00", PARIS.getId()), user("alice"));
    }

    static Post stored(Post post) {
        return app.postStore().find(post.id()).orElseThrow();
    }

    static String entry(Post post) {
        return "#sd-entry-" + post.id();
    }

    static String dayOf(Browser browser, Post post) {
        Object day = browser.script("var e = document.querySelector(arguments[0]); var d = e && e.closest('[data-drop-date]');"
                + " return d ? d.getAttribute('data-drop-date') : '';", entry(post));
        return day == null ? "" : day.toString();
    }

    /** Presses on the post, moves in steps (pointer events, as a hand would) and releases on the day. */
    static void drag(Browser browser, Post post, LocalDate target) {
        WebElement from = browser.find(entry(post) + " .sd-entry-time");
        WebElement to = browser.find("#sd-day-" + target);
        new Actions(browser.driver()).moveToElement(from).clickAndHold().moveByOffset(12, 12).pause(Duration.ofMillis(50))
                .moveToElement(to).pause(Duration.ofMillis(50)).moveToElement(to, 5, 5).release().perform();
    }

    static void signIn(Browser browser, String username) {
        DemoSite.signInAfresh(browser, base, username, WAIT);
    }

    /** A month of its own, two months ahead, so that the demo's posts stay out of the way. */
    static YearMonth quietMonth(int ahead) {
        return YearMonth.now(PARIS).plusMonths(ahead);
    }

    @Test
    void theMonthWithTheDemoPostsIsAMarketingLeadsHomePage() {
        try (Browser browser = Browser.start("fr")) {
            signIn(browser, "marc");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/calendar");
            assertThat(browser.text("h1")).isEqualTo("Calendrier \u00e9ditorial");
            List<WebElement> entries = browser.driver().findElements(By.cssSelector("#sd-cal-month .sd-entry"));
            assertThat(entries).as("this month's demo posts").isNotEmpty();
            WebElement first = entries.get(0);
            assertThat(first.findElement(By.cssSelector(".sd-entry-time")).getText()).matches("\\d\\d:\\d\\d");
            assertThat(List.of("09:00", "12:30", "17:00")).as("the demo plans at these Paris times; Marc is in Paris")
                    .contains(first.findElement(By.cssSelector(".sd-entry-time")).getText());
            assertThat(first.findElement(By.cssSelector(".sd-entry-state")).getText()).isNotBlank();
            assertThat(first.findElement(By.cssSelector(".sd-entry-title")).getAttribute("href")).contains("/posts/").endsWith("/edit");
            assertThat(browser.text("#sd-cal-zone")).contains("Europe/Paris");
            assertThat(browser.driver().findElements(By.cssSelector("#sd-legend .sd-legend-state"))).hasSize(13);
            assertThat(browser.text("#sd-legend")).contains("Brouillon").contains("Programm\u00e9e");
            browser.screenshot("calendar-month-fr");

            int inMonth = browser.driver().findElements(By.cssSelector("#sd-cal-month td.sd-day:not(.sd-outside) .sd-entry")).size();
            browser.find("#sd-view-list").click();
            browser.waitUntil(d -> !d.findElements(By.id("sd-cal-list")).isEmpty(), WAIT);
            assertThat(browser.driver().findElements(By.cssSelector("#sd-cal-list .sd-entry"))).as("the list: the month's days only").hasSize(inMonth);
            browser.screenshot("calendar-list-fr");
            browser.find("#sd-view-week").click();
            browser.waitUntil(d -> !d.findElements(By.id("sd-cal-week")).isEmpty(), WAIT);
            assertThat(browser.driver().findElements(By.cssSelector("#sd-cal-week td.sd-day"))).hasSize(7);
            browser.screenshot("calendar-week-fr");

            // An address that asks for something impossible gets this month and the reason, not a server error.
            browser.open(base + "/calendar?month=2026-13");
            assertThat(browser.text("#sd-cal-problems")).contains("month").contains("year-month");
            assertThat(browser.driver().findElements(By.id("sd-cal-month"))).hasSize(1);
        }
    }

    @Test
    void aDraggedPostIsRescheduledAndOneDroppedIntoABlackoutSnapsBackWithTheReason() {
        YearMonth month = quietMonth(2);
        Post post = draft("Drag me", month.atDay(10));
        LocalDate target = month.atDay(12);
        LocalDate blackedOut = month.atDay(20);
        app.calendar().service().saveBlackout(null, new CalendarService.BlackoutRequest("Results quiet period", "blackout",
                blackedOut.toString(), blackedOut.toString(), PARIS.getId(), List.of(), "Quarterly results are not public yet", "", null), user("marc"));
        // Tall enough for the whole month: WebDriver's pointer moves only within the viewport.
        try (Browser browser = Browser.start("en", 1400, 2000)) {
            signIn(browser, "alice");
            browser.open(base + "/calendar?month=" + month);
            assertThat(dayOf(browser, post)).isEqualTo(month.atDay(10).toString());
            assertThat(browser.text("#sd-day-" + blackedOut + " .sd-mark-blackout")).contains("Results quiet period");
            browser.screenshot("calendar-before-drag-en");

            WebElement page = browser.driver().findElement(By.tagName("html"));
            drag(browser, post, target);
            browser.waitUntil(ExpectedConditions.stalenessOf(page), WAIT);
            browser.waitUntil(d -> !d.findElements(By.cssSelector(entry(post))).isEmpty(), WAIT);

            Post moved = stored(post);
            assertThat(moved.planned().local()).as("moved two days, same wall-clock time").isEqualTo(LocalDateTime.of(target, java.time.LocalTime.of(9, 0)));
            assertThat(moved.planned().zone()).isEqualTo(PARIS);
            assertThat(dayOf(browser, post)).isEqualTo(target.toString());
            assertThat(browser.text(entry(post) + " .sd-entry-time")).isEqualTo("09:00");
            browser.screenshot("calendar-after-drag-en");

            drag(browser, post, blackedOut);
            browser.waitUntil(d -> !d.findElement(By.id("sd-calendar-error")).getText().isBlank(), WAIT);
            assertThat(browser.text("#sd-calendar-error")).contains("Results quiet period").contains("Quarterly results are not public yet");
            assertThat(dayOf(browser, post)).as("it snapped back").isEqualTo(target.toString());
            assertThat(stored(post).planned().local().toLocalDate()).as("the store kept it").isEqualTo(target);
            assertThat(stored(post).version()).isEqualTo(moved.version());
            browser.screenshot("calendar-refused-blackout-en");
        }
    }

    @Test
    void theKeyboardMovesAPostOneDayAtATime() {
        YearMonth month = quietMonth(3);
        Post post = draft("Keyboard move", month.atDay(14));
        try (Browser browser = Browser.start("en")) {
            signIn(browser, "alice");
            browser.open(base + "/calendar?month=" + month);
            browser.find(entry(post) + " button.sd-move").click();
            assertThat(browser.text("#sd-calendar-status")).contains("Keyboard move");
            WebElement page = browser.driver().findElement(By.tagName("html"));
            new Actions(browser.driver()).sendKeys(Keys.ARROW_RIGHT).sendKeys(Keys.ARROW_RIGHT).sendKeys(Keys.ARROW_LEFT).perform();
            assertThat(browser.find("#sd-day-" + month.atDay(15)).getAttribute("class")).contains("sd-drop-target");
            new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
            browser.waitUntil(ExpectedConditions.stalenessOf(page), WAIT);
            browser.waitUntil(d -> !d.findElements(By.cssSelector(entry(post))).isEmpty(), WAIT);
            assertThat(stored(post).planned().local()).isEqualTo(LocalDateTime.of(month.atDay(15), java.time.LocalTime.of(9, 0)));
            assertThat(dayOf(browser, post)).isEqualTo(month.atDay(15).toString());
        }
    }

    @Test
    void theFiltersNarrowThePostsAndAHostileTitleIsText() {
        YearMonth month = quietMonth(4);
        Post hostile = draft(XSS, month.atDay(8));
        Post other = draft("Approved later", month.atDay(9));
        try (Browser browser = Browser.start("en")) {
            signIn(browser, "alice");
            browser.open(base + "/calendar?month=" + month);
            assertThat(browser.text(entry(hostile) + " .sd-entry-title")).isEqualTo(XSS);
            assertThat(browser.driver().findElements(By.cssSelector("#sd-calendar img"))).as("no element made from the title").isEmpty();
            assertThat(alertOpens(browser)).as("no dialog").isFalse();
            browser.screenshot("calendar-hostile-title-en");

            new Select(browser.find("#sd-filter-state")).selectByValue("DRAFT");
            WebElement page = browser.driver().findElement(By.tagName("html"));
            browser.find("#sd-cal-apply").click();
            browser.waitUntil(ExpectedConditions.stalenessOf(page), WAIT);
            assertThat(browser.driver().getCurrentUrl()).contains("state=DRAFT").contains("month=" + month);
            List<WebElement> shown = browser.driver().findElements(By.cssSelector("#sd-cal-month .sd-entry"));
            assertThat(shown).extracting(e -> e.getAttribute("data-state")).containsOnly("DRAFT").hasSizeGreaterThanOrEqualTo(2);

            new Select(browser.find("#sd-filter-state")).selectByValue("SCHEDULED");
            page = browser.driver().findElement(By.tagName("html"));
            browser.find("#sd-cal-apply").click();
            browser.waitUntil(ExpectedConditions.stalenessOf(page), WAIT);
            assertThat(browser.driver().findElements(By.cssSelector(entry(other)))).isEmpty();
            assertThat(browser.text("#sd-cal-empty")).as("Alice reads French").contains("filtres");
            browser.screenshot("calendar-filtered-en");

            browser.find("#sd-cal-clear").click();
            browser.waitUntil(d -> !d.getCurrentUrl().contains("state="), WAIT);
            assertThat(browser.driver().findElements(By.cssSelector(entry(other)))).hasSize(1);
        }
    }

    private static boolean alertOpens(Browser browser) {
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(2)).until(ExpectedConditions.alertIsPresent());
            return true;
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }
}
