package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.testing.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The pages as a person uses them, in headless Debian Chromium, in English and French. */
class PagesInChromiumIT {
    @TempDir
    static Path data;

    static SocialDeskApp app;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        DemoSite site = DemoSite.start(data);
        app = site.app;
        base = site.base;
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static void signIn(Browser browser, String username) {
        browser.open(base + "/posts");
        assertThat(browser.driver().getCurrentUrl()).contains("/login");
        DemoSite.signInOnForm(browser, username, Duration.ofSeconds(30));
    }

    @Test
    void anAdminSignsInSeesTheMonthAndTheFormNamesWhatIsMissing() {
        try (Browser browser = Browser.start("en")) {
            signIn(browser, "admin");
            assertThat(browser.text("h1")).isEqualTo("Social posts");
            assertThat(browser.driver().findElements(By.cssSelector("#sd-post-table tbody tr"))).hasSizeGreaterThanOrEqualTo(20);
            browser.screenshot("posts-en");

            // The form names what is missing, next to the field, without leaving the page.
            browser.find("#sd-new-post button[type=submit]").click();
            browser.waitUntil(d -> !d.findElement(By.cssSelector("[data-error-for=title]")).getText().isEmpty(), Duration.ofSeconds(30));
            assertThat(browser.text("[data-error-for=title]")).isEqualTo("The title is required");
            browser.screenshot("posts-validation-en");
        }
    }

    @Test
    void aDraftCreatedFromTheFormAppearsInTheListAndNoScriptRuns() {
        String hostile = "<img src=x onerror=\"window.__pwned=1\">Launch";
        try (Browser browser = Browser.start("en")) {
            signIn(browser, "marc");
            browser.find("#sd-title").sendKeys(hostile);
            browser.find("#sd-text").sendKeys("Hello <script>window.__pwned=2</script>");
            browser.script("document.getElementById('sd-planned').value = arguments[0];",
                    java.time.LocalDate.now().plusDays(30) + "T10:00");
            WebDriver driver = browser.driver();
            browser.find("#sd-zone").clear();
            browser.find("#sd-zone").sendKeys("Europe/Paris");
            browser.find("#sd-new-post button[type=submit]").click();
            browser.waitUntil(d -> d.findElements(By.xpath("//td[@class='sd-title' and contains(., 'Launch')]")).size() > 0,
                    Duration.ofSeconds(30));
            assertThat(driver.findElement(By.xpath("//td[@class='sd-title' and contains(., 'Launch')]")).getText()).isEqualTo(hostile);
            assertThat(browser.script("return typeof window.__pwned;")).isEqualTo("undefined");
            Path shot = browser.screenshot("post-created-fr");
            assertThat(shot).exists();
            assertThat(sizeOf(shot)).isGreaterThan(1000);
        }
    }

    @Test
    void aFrenchUserSeesThePagesInFrenchWithTimesInTheirZone() {
        try (Browser browser = Browser.start("fr")) {
            browser.open(base + "/login");
            assertThat(browser.text("h1")).isEqualTo("Connexion à Social Desk");
            signIn(browser, "alice");
            assertThat(browser.text("h1")).isEqualTo("Publications sociales");
            assertThat(browser.text("th:nth-child(3)")).isEqualTo("Prévue le");
            assertThat(browser.text("h2 small")).contains("Europe/Paris");
            browser.screenshot("posts-fr");
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void thePanelShowsHostileTextAsTextAndTheEditorCatchesSomeoneElsesSave() {
        io.socialdesk.core.user.User marc = app.users().find("marc").orElseThrow().user();
        String hostile = "Prix -50% <img src=x onerror=window.__pwned=1> \u202Eevil\u202C 👩\u200D💻";
        io.socialdesk.core.post.Post post = app.posts().create(new io.socialdesk.core.post.NewPost("Offre d'hiver", hostile,
                java.time.LocalDate.now().plusDays(20) + "T09:00", "Europe/Paris", java.util.Map.of("X", "<b>For X</b>"),
                java.util.List.of("Suite <script>window.__pwned=2</script>"), null, java.util.List.of("hiver"), null, "Hiver", "fr",
                null), marc);
        try (Browser browser = Browser.start("en")) {
            signIn(browser, "admin");
            browser.open(base + post.item().url());
            // The markup stays text; the right-to-left override is shown, not obeyed.
            assertThat(browser.text("#sd-master-text"))
                    .isEqualTo("Prix -50% <img src=x onerror=window.__pwned=1> [U+202E]evil[U+202C] 👩\u200D💻");
            assertThat(browser.text(".sd-variants dd")).isEqualTo("<b>For X</b>");
            assertThat(browser.text(".sd-thread li")).isEqualTo("Suite <script>window.__pwned=2</script>");
            assertThat(browser.script("return typeof window.__pwned;")).isEqualTo("undefined");
            browser.screenshot("post-panel-en");

            browser.find("#sd-edit-link").click();
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/edit"), Duration.ofSeconds(30));
            browser.find("#sd-title").clear();
            browser.find("#sd-title").sendKeys("Offre d'hiver, revue");

            // Meanwhile Marc saves the post: the page's version is now stale.
            app.posts().edit(post.id(), new io.socialdesk.core.post.PostEdit(1, "Marc's title", hostile,
                    post.planned().local().toString(), "Europe/Paris", null, null, null, null, null, null, null, null), marc);

            browser.find("#sd-edit-post button[type=submit]").click();
            browser.waitUntil(d -> !d.findElement(By.cssSelector("[data-error-for=version]")).getText().isEmpty(), Duration.ofSeconds(30));
            assertThat(browser.text("[data-error-for=version]")).contains("Someone else saved this post first", "marc");
            assertThat(browser.find("#sd-title").getAttribute("value")).isEqualTo("Offre d'hiver, revue");
            browser.screenshot("post-editor-conflict-en");

            // Reloaded at the new version, the same change saves and the panel shows it.
            browser.open(base + "/posts/" + post.id() + "/edit");
            browser.find("#sd-title").clear();
            browser.find("#sd-title").sendKeys("Offre d'hiver, revue");
            browser.find("#sd-edit-post button[type=submit]").click();
            browser.waitUntil(d -> d.getCurrentUrl().endsWith(post.item().url()), Duration.ofSeconds(30));
            assertThat(app.posts().get(post.id()).title()).isEqualTo("Offre d'hiver, revue");
            assertThat(app.posts().get(post.id()).version()).isEqualTo(3);
            assertThat(browser.text("#sd-post-panel .sd-facts")).contains("3, saved by admin");
        }
    }
}
