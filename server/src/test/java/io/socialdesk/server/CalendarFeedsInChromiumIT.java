package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.publish.PublishingSettings;
import io.socialdesk.testing.Browser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Subscribing to the editorial calendar from its page, in headless Chromium on the demo workspace: the "Subscribe"
 * panel adds a feed of the viewer's posts and shows its secret address once; that address, fetched without a session
 * like a calendar app does, is an iCalendar of the demo posts; a new address stops the old one; revoking stops it
 * too; a refusal shows the API's field and rule; a filtered view becomes a saved filter and its feed; the page's HTML
 * never holds an address. Screenshots: target/screenshots/calendar-subscribe-*.png.
 */
class CalendarFeedsInChromiumIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

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

    /** A GET with no cookie, as a calendar app sends it. */
    static HttpResponse<String> fetch(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String value(Browser browser, String css) {
        Object value = browser.script("var e = document.querySelector(arguments[0]); return e ? e.value : '';", css);
        return value == null ? "" : value.toString();
    }

    static String focused(Browser browser) {
        Object id = browser.script("return document.activeElement ? document.activeElement.id : '';");
        return id == null ? "" : id.toString();
    }

    /** Opens the panel from the keyboard and waits for the viewer's feeds to be listed. */
    static void openPanel(Browser browser) {
        WebElement toggle = browser.find("#sd-cal-subscribe-toggle");
        browser.waitUntil(d -> toggle.isDisplayed(), WAIT);
        toggle.sendKeys(Keys.ENTER);
        browser.waitUntil(d -> browser.find("#sd-cal-subscribe-panel").isDisplayed(), WAIT);
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(focused(browser)).as("the focus goes to the panel's heading").isEqualTo("sd-feeds-heading");
        browser.waitUntil(d -> browser.find("#sd-feeds-empty").isDisplayed() || !d.findElements(By.cssSelector("#sd-feeds-list .sd-feed")).isEmpty(), WAIT);
    }

    /** Waits for a new address in the "shown once" field, other than {@code before}. */
    static String newAddress(Browser browser, String before) {
        browser.waitUntil(d -> !value(browser, "#sd-feed-url").isEmpty() && !value(browser, "#sd-feed-url").equals(before), WAIT);
        return value(browser, "#sd-feed-url");
    }

    /** Clicks a feed's action and answers its inline question with "yes". */
    static void confirm(Browser browser, String action) {
        browser.find("#sd-feeds-list .sd-feed .sd-feed-" + action).click();
        WebElement yes = browser.find("#sd-feeds-list .sd-feed-confirm .sd-feed-yes");
        assertThat(browser.driver().switchTo().activeElement()).as("the focus is on the question's yes").isEqualTo(yes);
        yes.click();
    }

    static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    @Test
    void aFeedOfMyPostsIsShownOnceServesTheDemoPostsAndStopsWhenRotatedOrRevoked() throws Exception {
        try (Browser browser = Browser.start("en", 1400, 1600)) {
            DemoSite.signInAfresh(browser, base, "alice", WAIT);
            browser.open(base + "/calendar");
            // The demo's posts on the page from today on (a feed starts 30 days back): all are Alice's.
            LocalDate today = LocalDate.now(PARIS);
            List<String> titles = browser.driver().findElements(By.cssSelector("#sd-cal-month td.sd-day .sd-entry")).stream()
                    .filter(e -> !LocalDate.parse(e.getAttribute("data-date")).isBefore(today))
                    .map(e -> e.getAttribute("data-title")).filter(t -> !t.matches(".*[,;\\\\].*")).toList();
            openPanel(browser);
            assertThat(browser.find("#sd-feeds-empty").isDisplayed()).as("Alice has no feed yet").isTrue();

            browser.find("#sd-feed-label").sendKeys("Alice on her phone");
            browser.find("#sd-feed-add").click();
            String url = newAddress(browser, "");
            assertThat(url).startsWith(base + "/rest/socialdesk/1.0/ical/sdcal_").endsWith(".ics");
            assertThat(focused(browser)).as("the focus goes to the address").isEqualTo("sd-feed-url");
            assertThat(browser.find("#sd-feed-webcal").getAttribute("href")).isEqualTo(url.replaceFirst("^http://", "webcal://"));
            // Alice reads French (her profile's language).
            assertThat(browser.text("#sd-feed-secret")).contains("Flux \u00ab Alice on her phone \u00bb cr\u00e9\u00e9")
                    .contains("n'est affich\u00e9e qu'une seule fois").contains("Ouvrir dans votre agenda");
            assertThat(browser.find("#sd-feed-status").getAttribute("textContent")).as("said in the live region").contains("cr\u00e9\u00e9");
            browser.waitUntil(d -> d.findElements(By.cssSelector("#sd-feeds-list .sd-feed")).size() == 1, WAIT);
            String row = browser.text("#sd-feeds-list .sd-feed");
            assertThat(row).contains("Alice on her phone").contains("Mes publications").containsPattern("\u00e9mis le \\d{1,2} \\S+ \\d{4}");
            assertThat(browser.find("#sd-feeds-list .sd-feed-issued").getAttribute("datetime")).endsWith("Z");
            browser.screenshot("calendar-subscribe-created-fr");

            HttpResponse<String> feed = fetch(url);
            assertThat(feed.statusCode()).isEqualTo(200);
            assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
            assertThat(feed.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("X-WR-CALNAME:Alice on her phone").contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris");
            assertThat(titles).as("this month holds demo posts from today on").isNotEmpty();
            for (String title : titles) assertThat(unfold(feed.body())).as("the demo post " + title).contains("SUMMARY:" + title + "\r\n");

            confirm(browser, "rotate");
            String rotated = newAddress(browser, url);
            assertThat(browser.text("#sd-feed-secret")).contains("a une nouvelle adresse");
            assertThat(fetch(url).statusCode()).as("the old address").isEqualTo(401);
            assertThat(fetch(rotated).statusCode()).as("the new address").isEqualTo(200);
            browser.screenshot("calendar-subscribe-rotated-fr");

            confirm(browser, "revoke");
            browser.waitUntil(d -> browser.find("#sd-feeds-empty").isDisplayed(), WAIT);
            assertThat(browser.find("#sd-feed-secret").isDisplayed()).as("no address is left on show").isFalse();
            assertThat(value(browser, "#sd-feed-url")).isEmpty();
            assertThat(browser.find("#sd-feed-status").getAttribute("textContent")).contains("r\u00e9voqu\u00e9");
            assertThat(fetch(rotated).statusCode()).isEqualTo(401);

            // A refusal names the field and the rule; the field it is about is marked.
            browser.find("#sd-feed-kind-key-dates").click();
            WebElement countries = browser.find("#sd-feed-countries");
            countries.clear();
            countries.sendKeys("FR, XX");
            browser.find("#sd-feed-add").click();
            browser.waitUntil(d -> browser.find("#sd-feed-error").isDisplayed(), WAIT);
            assertThat(browser.text("#sd-feed-error")).contains("not 'XX'").contains("(target: known-country)");
            assertThat(countries.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(focused(browser)).isEqualTo("sd-feed-error");
            browser.screenshot("calendar-subscribe-refused-fr");

            // Escape closes the panel and gives the focus back to its button.
            new org.openqa.selenium.interactions.Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
            browser.waitUntil(d -> !browser.find("#sd-cal-subscribe-panel").isDisplayed(), WAIT);
            assertThat(focused(browser)).isEqualTo("sd-cal-subscribe-toggle");

            browser.open(base + "/calendar");
            assertThat(browser.driver().getPageSource()).doesNotContain("sdcal_").doesNotContain("/ical/");
        }
    }

    @Test
    void aFilteredCalendarBecomesASavedFilterAndAFeedOfWhatItShows() throws Exception {
        try (Browser browser = Browser.start("fr", 1400, 1600)) {
            DemoSite.signInAfresh(browser, base, "marc", WAIT);
            browser.open(base + "/calendar?state=SCHEDULED");
            openPanel(browser);
            assertThat(browser.text("#sd-cal-subscribe-panel")).contains("Vos flux").contains("ces filtres (state SCHEDULED)");
            browser.find("#sd-feed-kind-filter").click();
            browser.find("#sd-feed-add").click();
            String url = newAddress(browser, "");
            browser.waitUntil(d -> d.findElements(By.cssSelector("#sd-feeds-list .sd-feed")).size() == 1, WAIT);
            assertThat(browser.text("#sd-feeds-list .sd-feed")).startsWith("state SCHEDULED").contains("Filtre enregistr\u00e9").containsPattern("\u00e9mis le \\d{1,2} \\S+ \\d{4}");
            browser.screenshot("calendar-subscribe-filter-fr");

            String body = unfold(fetch(url).body());
            assertThat(body).startsWith("BEGIN:VCALENDAR");
            Matcher states = Pattern.compile("\\\\nState: ([^\\\\\r]+)").matcher(body);
            int events = 0;
            while (states.find()) {
                events++;
                assertThat(states.group(1)).as("only what the filter shows").isEqualTo("Scheduled");
            }
            assertThat(events).as("the demo schedules posts").isEqualTo(count(body, "BEGIN:VEVENT")).isPositive();
        }
    }

    /** RFC 5545 unfolding: a line break followed by a space continues the line. */
    static String unfold(String ics) {
        return ics.replace("\r\n ", "");
    }
}
