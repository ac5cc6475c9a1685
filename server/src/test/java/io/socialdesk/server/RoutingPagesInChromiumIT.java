package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.inbox.routing.RoutingRule;
import io.socialdesk.core.inbox.routing.RoutingRules;
import io.socialdesk.testing.Browser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The routing rules page in headless Chromium on the demo workspace: the admin moves Support above Legal, adds a rule
 * whose name and keyword hold HTML, and saves; the page comes back with the new order and the name shown as text.
 * Then Marc, a marketing lead who reads Social Desk in French, sees the rules read-only and tries a French text: it
 * now goes to Support (Legal would have taken it before the move), and the tester says why; the HTML rule's match
 * is shown as text too.
 */
class RoutingPagesInChromiumIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String HTML_NAME = "<b>VIP</b> <img src=x onerror=alert(1)>";
    private static final String HTML_KEYWORD = "<script>alert(1)</script>";

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

    private static List<String> ruleIdsOnPage(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#sd-routing-rules .sd-routing-rule")).stream()
                .map(r -> r.getAttribute("data-rule-id")).toList();
    }

    @Test
    void anAdminReordersAndSavesAndALeadTriesAFrenchTextAndSeesTheRouteAndWhy() {
        try (Browser browser = Browser.start("en")) {
            browser.open(base + "/login");
            DemoSite.signInOnForm(browser, "admin", WAIT);
            browser.find("#sd-nav-routing").click();
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/admin/routing"), WAIT);
            assertThat(browser.text("h1")).isEqualTo("Routing rules");
            assertThat(ruleIdsOnPage(browser)).containsExactly("legal", "hr", "support", "sales");
            assertThat(browser.text("#sd-routing-version")).contains("ships with");

            String support = "#sd-routing-rules .sd-routing-rule[data-rule-id='support']";
            browser.find(support + " .sd-up").click();
            browser.find(support + " .sd-up").click();
            assertThat(ruleIdsOnPage(browser)).containsExactly("support", "legal", "hr", "sales");
            assertThat(browser.text(support + " .sd-rule-number")).isEqualTo("1.");
            browser.script("document.querySelector(\"#sd-routing-rules .sd-routing-rule[data-rule-id='support']\").scrollIntoView()");
            browser.screenshot("routing-moved-up-en");

            browser.find("#sd-routing-add").click();
            String added = "#sd-routing-rules .sd-routing-rule:last-child";
            browser.find(added + " input[name=name]").sendKeys(HTML_NAME);
            browser.find(added + " textarea[name=keywords]").sendKeys(HTML_KEYWORD);
            browser.find(added + " input[name=project]").sendKeys("vip");
            browser.find(added + " input[name=labels]").sendKeys("social vip");
            assertThat(browser.text(added + " .sd-rule-number")).isEqualTo("5.");
            browser.screenshot("routing-reordered-en");

            browser.clickAndWaitForReload("#sd-routing-save", WAIT);

            assertThat(browser.find("#sd-routing-saved").getText()).isEqualTo("Saved: version 1.");
            assertThat(ruleIdsOnPage(browser)).containsExactly("support", "legal", "hr", "sales", "b-vip-b-img-src-x-onerror-alert-1");
            assertThat(browser.text(added + " .sd-rule-title")).as("the name is text").isEqualTo(HTML_NAME);
            assertThat(browser.find(added + " textarea[name=keywords]").getAttribute("value")).isEqualTo(HTML_KEYWORD);
            assertThat(browser.driver().findElements(By.cssSelector("#sd-routing img, #sd-routing b, #sd-routing script"))).isEmpty();
            RoutingRules stored = app.engine().routing().current();
            assertThat(stored.version()).isEqualTo(1);
            assertThat(stored.rules()).extracting(RoutingRule::id).containsExactly("support", "legal", "hr", "sales", "b-vip-b-img-src-x-onerror-alert-1");
            assertThat(stored.rules().get(4).route().project()).isEqualTo("VIP");
            assertThat(stored.rules().get(4).route().labels()).containsExactly("social", "vip");
            assertThat(stored.savedBy()).isEqualTo("admin");

            browser.driver().manage().deleteAllCookies();
            browser.open(base + "/login");
            DemoSite.signInOnForm(browser, "marc", WAIT);
            browser.find("#sd-nav-routing").click();
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/admin/routing"), WAIT);
            assertThat(browser.text("h1")).isEqualTo("R\u00e8gles de routage");
            assertThat(browser.find("#sd-routing-read-only").isDisplayed()).isTrue();
            assertThat(browser.find("#sd-routing-save").isDisplayed()).as("a lead cannot save").isFalse();
            assertThat(ruleIdsOnPage(browser)).startsWith("support", "legal");

            browser.find("#sd-test-text").sendKeys("Mon avocat dit que votre appli ne marche pas depuis lundi. Remboursement !");
            new org.openqa.selenium.support.ui.Select(browser.find("#sd-test-network")).selectByValue("BLUESKY");
            new org.openqa.selenium.support.ui.Select(browser.find("#sd-test-triage-mode")).selectByValue("given");
            browser.find("#sd-test-language").sendKeys("fr");
            new org.openqa.selenium.support.ui.Select(browser.find("#sd-test-mood")).selectByValue("NEGATIVE");
            browser.find("#sd-test-run").click();
            browser.waitUntil(d -> d.findElement(By.id("sd-test-result")).isDisplayed(), WAIT);

            assertThat(browser.text("#sd-test-project")).isEqualTo("SUPPORT");
            assertThat(browser.text("#sd-test-rule")).isEqualTo("Par la r\u00e8gle \u00ab Support: problems, refunds, outages \u00bb."); // getText shows a no-break space as a space
            assertThat(browser.driver().findElements(By.cssSelector("#sd-test-why li"))).extracting(WebElement::getText)
                    .as("why, in the page's language").containsExactly("mot-cl\u00e9 \u00ab ne marche pas \u00bb", "mot-cl\u00e9 \u00ab remboursement \u00bb");
            assertThat(browser.text("#sd-test-triage")).contains("fr").contains("NEGATIVE").contains("(comme indiqu\u00e9)");
            browser.script("document.getElementById('sd-test-result').scrollIntoView()");
            browser.screenshot("routing-tester-fr");

            browser.find("#sd-test-text").clear();
            browser.find("#sd-test-text").sendKeys("Bonjour " + HTML_KEYWORD);
            browser.find("#sd-test-run").click();
            browser.waitUntil(d -> d.findElement(By.id("sd-test-project")).getText().equals("VIP"), WAIT);
            assertThat(browser.text("#sd-test-rule")).isEqualTo("Par la r\u00e8gle \u00ab " + HTML_NAME + " \u00bb.");
            assertThat(browser.text("#sd-test-why li")).isEqualTo("mot-cl\u00e9 \u00ab " + HTML_KEYWORD + " \u00bb");
            assertThat(browser.driver().findElements(By.cssSelector("#sd-routing-tester img, #sd-routing-tester b, #sd-routing-tester script")))
                    .as("nothing the tester shows became an element").isEmpty();
        }
    }
}
