package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.post.NewPost;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.user.User;
import io.socialdesk.testing.Browser;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The issue 3 pages in headless Chromium: the editor's live counters, hostile content stored and
 * shown as text, the review click-through in the post panel, and the policy admin page.
 */
class ReviewPagesInChromiumIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

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
        DemoSite.signInAfresh(browser, base, username, WAIT);
    }

    static User user(String name) {
        return app.users().find(name).orElseThrow().user();
    }

    static Post draftBy(String author, String title, String text) {
        return app.posts().create(new NewPost(title, text, LocalDate.now().plusDays(20) + "T09:00", "Europe/Paris"), user(author));
    }

    /** Sets a field's value as a paste would, and tells the page (an input event). */
    static void paste(Browser browser, String css, String value) {
        browser.script("var e = document.querySelector(arguments[0]); e.value = arguments[1];"
                + "e.dispatchEvent(new Event('input', {bubbles: true}));", css, value);
    }

    /** The class attribute of the first match, read in one script call: a reloading page cannot make it stale. */
    static String classOf(Browser browser, String css) {
        Object value = browser.script("var e = document.querySelector(arguments[0]); return e ? e.className : '';", css);
        return value == null ? "" : value.toString();
    }

    static String counter(Browser browser, String network) {
        return browser.find("#sd-counter-" + network).getText();
    }

    @Test
    void typingUpdatesEachNetworksCounterAndXTurnsRedPast280NamingTheRule() {
        Post post = draftBy("alice", "Counters", "Hello");
        try (Browser browser = Browser.start("en")) {
            signIn(browser, "admin");
            browser.open(base + "/posts/" + post.id() + "/edit");
            // No target account, no variant: the default networks are previewed.
            for (String network : new String[] {"X", "BLUESKY", "MASTODON", "LINKEDIN", "THREADS"}) {
                assertThat(browser.find(".sd-preview[data-network=" + network + "]").isDisplayed()).as(network).isTrue();
            }
            assertThat(browser.find(".sd-preview[data-network=INSTAGRAM]").isDisplayed()).isFalse();
            browser.waitUntil(d -> counter(browser, "X").startsWith("5 / 280"), WAIT);

            // ChromeDriver types only the Basic Multilingual Plane: the emoji comes in as a paste.
            browser.find("#sd-text").sendKeys(" world");
            browser.waitUntil(d -> counter(browser, "X").startsWith("11 / 280 weighted"), WAIT);
            paste(browser, "#sd-text", "Hello world 👋");
            // X weighs an emoji 2; Bluesky counts one grapheme of 4 bytes.
            browser.waitUntil(d -> counter(browser, "X").startsWith("14 / 280 weighted"), WAIT);
            assertThat(counter(browser, "BLUESKY")).isEqualTo("13 / 300 graphemes · 16 bytes");
            assertThat(counter(browser, "MASTODON")).isEqualTo("13 / 500 characters");
            assertThat(browser.find("#sd-counter-X").getAttribute("aria-invalid")).isNull();

            // Past 280 weighted characters X turns red and names the rule; Mastodon (500) does not.
            paste(browser, "#sd-text", "a".repeat(281));
            browser.waitUntil(d -> counter(browser, "X").startsWith("281 / 280"), WAIT);
            WebElement x = browser.find("#sd-counter-X");
            assertThat(x.getAttribute("class")).contains("sd-over");
            assertThat(x.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(x.getCssValue("color")).isEqualTo("rgba(191, 38, 0, 1)");
            assertThat(browser.text("#sd-rules-X")).contains("max-weighted-length");
            assertThat(browser.find("#sd-counter-MASTODON").getAttribute("aria-invalid")).isNull();
            browser.waitUntil(d -> counter(browser, "MASTODON").startsWith("281 / 500"), WAIT);
            browser.screenshot("editor-counters-over-en");

            // A variant for Instagram brings its card, counted on the variant's own text.
            paste(browser, "#sd-variant-INSTAGRAM", "Only for Instagram");
            browser.waitUntil(d -> d.findElement(By.cssSelector(".sd-preview[data-network=INSTAGRAM]")).isDisplayed()
                    && counter(browser, "INSTAGRAM").startsWith("18 / 2200"), WAIT);
            assertThat(browser.text(".sd-preview[data-network=INSTAGRAM] .sd-preview-text")).isEqualTo("Only for Instagram");
        }
    }

    @Test
    void hostileTitleAndTextAreStoredAndShownAsTextAndNothingRuns() {
        Post post = draftBy("alice", "Harmless", "Harmless");
        String title = "<script>window.pwned=1</script> \u202Eevil\u202C";
        String head = "<img src=x onerror=window.pwned=1> <script>window.pwned=2</script> \u202Eevil\u202C 👩\u200D💻 ";
        String text = head + "z".repeat(20_000 - head.length());
        try (Browser browser = Browser.start("en")) {
            signIn(browser, "admin");
            browser.open(base + "/posts/" + post.id() + "/edit");
            paste(browser, "#sd-title", title);
            paste(browser, "#sd-text", text);
            browser.find("#sd-edit-post button[type=submit]").click();
            try {
                browser.waitUntil(d -> d.getCurrentUrl().endsWith(post.item().url()), WAIT);
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("The save did not go through; the form says: " + browser.script(
                        "return Array.from(document.querySelectorAll('[data-error-for]')).map(function (p) { return p.textContent; }).join(' ');"), e);
            }

            Post stored = app.posts().get(post.id());
            assertThat(stored.title()).isEqualTo(title);
            assertThat(stored.text()).isEqualTo(text).hasSize(20_000);

            // On the item page: text, with the right-to-left override shown rather than obeyed.
            assertThat(browser.text("#sd-post-title")).isEqualTo("<script>window.pwned=1</script> [U+202E]evil[U+202C]");
            String shown = (String) browser.script("return document.getElementById('sd-master-text').textContent;");
            assertThat(shown).isEqualTo(text.replace("\u202E", "[U+202E]").replace("\u202C", "[U+202C]"));
            assertThat(shown).contains("👩\u200D💻");
            assertThat(browser.driver().findElements(By.cssSelector("#sd-post-panel img, #sd-post-panel script"))).isEmpty();
            assertThat(browser.script("return typeof window.pwned;")).isEqualTo("undefined");
            browser.screenshot("hostile-item-en");

            // In the editor: the fields hold the exact text, the previews show it as text.
            browser.open(base + "/posts/" + post.id() + "/edit");
            assertThat(browser.find("#sd-title").getAttribute("value")).isEqualTo(title);
            assertThat(browser.script("return document.getElementById('sd-text').value;")).isEqualTo(text);
            browser.waitUntil(d -> counter(browser, "X").contains("/ 280"), WAIT);
            assertThat(browser.script("return document.querySelector('.sd-preview[data-network=X] .sd-preview-text').textContent;"))
                    .isEqualTo(text);
            assertThat(browser.driver().findElements(By.cssSelector(".sd-editor img, .sd-editor script"))).isEmpty();
            assertThat(browser.script("return typeof window.pwned;")).isEqualTo("undefined");
            browser.screenshot("hostile-editor-en");
        }
    }

    @Test
    void aliceSubmitsLauraMustGiveAReasonAndMarcsApprovalMakesItApproved() {
        // A price claim: Legal must approve as well as Marketing.
        Post post = draftBy("alice", "Winter offer", "Winter offer: -50% on every plan this week.");
        try (Browser browser = Browser.start("en")) {
            signIn(browser, "alice");
            browser.open(base + post.item().url());
            assertThat(browser.find("#sd-post-panel .sd-state").getAttribute("class")).contains("sd-state-DRAFT");
            assertThat(browser.text("#sd-departments li[data-department=LEGAL]")).contains("-50%", "legal.prices");
            browser.find("#sd-review-actions button[data-action=submit]").click();
            browser.waitUntil(d -> classOf(browser, "#sd-post-panel .sd-state").contains("sd-state-IN_REVIEW"), WAIT);
            // Alice is the author: she may not approve her own post.
            assertThat(browser.driver().findElements(By.cssSelector("#sd-review-actions button[data-action=approve]"))).isEmpty();
            browser.screenshot("review-submitted-fr");

            signIn(browser, "laura");
            browser.open(base + post.item().url());
            browser.find("#sd-review-actions button[data-action=request-changes]").click();
            browser.waitUntil(d -> !browser.script("return document.querySelector('[data-error-for=reason]').textContent;").toString().isEmpty(), WAIT);
            assertThat(browser.text("[data-error-for=reason]")).contains("needs a reason", "reason: reason-required");
            assertThat(app.posts().get(post.id()).state()).isEqualTo(PostState.IN_REVIEW);
            browser.screenshot("review-reason-required-en");

            browser.find("#sd-review-actions button[data-action=approve]").click();
            browser.waitUntil(d -> classOf(browser, "#sd-departments li[data-department=LEGAL]").contains("sd-satisfied"), WAIT);
            assertThat(browser.text("#sd-departments li[data-department=LEGAL]")).contains("approved by laura");
            assertThat(browser.find("#sd-post-panel .sd-state").getAttribute("class")).contains("sd-state-IN_REVIEW");

            signIn(browser, "marc");
            browser.open(base + post.item().url());
            browser.find("#sd-review-actions button[data-action=approve]").click();
            browser.waitUntil(d -> classOf(browser, "#sd-post-panel .sd-state").contains("sd-state-APPROVED"), WAIT);
            // Marc reads French.
            assertThat(browser.script("return document.querySelector('#sd-post-panel .sd-state').textContent;")).isEqualTo("Approuv\u00e9e");
            assertThat(browser.find("#sd-approvals-complete").isDisplayed()).isTrue();
            assertThat(browser.text("#sd-audit tbody")).contains("marc", "laura", "alice");
            browser.screenshot("review-approved-fr");
            assertThat(app.posts().get(post.id()).state()).isEqualTo(PostState.APPROVED);

            // The editor warns that saving an approved post sends it back to review.
            browser.open(base + "/posts/" + post.id() + "/edit");
            assertThat(browser.text("#sd-back-to-review")).contains("Approuv\u00e9e", "revue");

            // Alice changes one character: back in review, and Marc sees exactly what changed since he approved.
            Post approved = app.posts().get(post.id());
            app.posts().edit(post.id(), new io.socialdesk.core.post.PostEdit(approved.version(), approved.title(),
                    "Winter offer: -40% on every plan this week.", approved.planned().local().toString(), "Europe/Paris",
                    null, null, null, null, null, null, null, null), user("alice"));
            browser.open(base + post.item().url());
            assertThat(classOf(browser, "#sd-post-panel .sd-state")).contains("sd-state-IN_REVIEW");
            assertThat(browser.text("#sd-since-approval dt")).startsWith("text");
            assertThat(browser.text("#sd-since-approval del")).isEqualTo("5");
            assertThat(browser.text("#sd-since-approval ins")).isEqualTo("4");
            assertThat(browser.text("#sd-since-approval dd")).isEqualTo("Winter offer: -540% on every plan this week.");
            browser.screenshot("review-changed-since-approval-fr");
        }
    }

    @Test
    void anAdminEditsThePolicyWithErrorsNextToTheFieldsAndOthersAreTurnedAway() {
        try (Browser browser = Browser.start("en")) {
            signIn(browser, "admin");
            browser.find("#sd-nav-policy").click();
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/admin/policy/SD"), WAIT);
            assertThat(browser.text("h1")).isEqualTo("Approval policy SD");

            new Select(browser.find("tr[data-department=HR] select[name=quorum]")).selectByValue("AT_LEAST");
            browser.find("tr[data-department=HR] input[name=n]").clear();
            browser.find("tr[data-department=HR] input[name=n]").sendKeys("0");
            browser.find("#sd-add-rule").click();
            WebElement rule = browser.driver().findElements(By.cssSelector("#sd-policy-rules .sd-rule-row")).stream()
                    .reduce((a, b) -> b).orElseThrow();
            rule.findElement(By.cssSelector("input[name=id]")).sendKeys("bad id!");
            new Select(rule.findElement(By.cssSelector("select[name=kind]"))).selectByValue("REGEX");
            rule.findElement(By.cssSelector("textarea[name=patterns]")).sendKeys("(unclosed");
            browser.find("#sd-policy-form button[type=submit]").click();

            browser.waitUntil(d -> !browser.text("tr[data-department=HR] [data-error-suffix=n]").isEmpty(), WAIT);
            assertThat(browser.text("tr[data-department=HR] [data-error-suffix=n]")).contains("from 1 to 20", "between-1-and-20");
            assertThat(rule.findElement(By.cssSelector("[data-error-suffix=id]")).getText()).contains("rule-id");
            assertThat(rule.findElement(By.cssSelector("[data-error-suffix=patterns]")).getText()).contains("(unclosed", "invalid-regex");
            browser.screenshot("policy-errors-en");

            browser.find("tr[data-department=HR] input[name=n]").clear();
            browser.find("tr[data-department=HR] input[name=n]").sendKeys("2");
            rule.findElement(By.cssSelector(".sd-remove")).click();
            browser.find("#sd-policy-form button[type=submit]").click();
            browser.waitUntil(d -> !browser.text("#sd-policy-saved").isEmpty(), WAIT);
            var hr = app.engine().policies().policyFor("SD").rule(io.socialdesk.core.approval.Department.HR).quorum();
            assertThat(hr.kind()).isEqualTo(io.socialdesk.core.approval.ApproverQuorum.Kind.AT_LEAST);
            assertThat(hr.n()).isEqualTo(2);

            // Anyone else: no link, and a friendly page rather than the form.
            signIn(browser, "sam");
            assertThat(browser.driver().findElements(By.cssSelector("#sd-nav-policy"))).isEmpty();
            browser.open(base + "/admin/policy/SD");
            assertThat(browser.text("h1")).isEqualTo("Not allowed");
            assertThat(browser.driver().findElements(By.cssSelector("#sd-policy-form"))).isEmpty();
            browser.screenshot("policy-forbidden-en");
        } finally {
            app.engine().policies().save(io.socialdesk.core.approval.ApprovalPolicy.defaults("SD"));
        }
    }
}
