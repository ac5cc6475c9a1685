package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.post.PostState;
import io.socialdesk.core.publish.DeliveryRecord;
import io.socialdesk.core.publish.DeliveryState;
import io.socialdesk.core.publish.PublishingSettings;
import io.socialdesk.testing.Browser;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The publishing queue in headless Chromium on the demo workspace: a marketing lead sees a failed and an unconfirmed
 * delivery, retries the failed one (it leaves the failed bucket for the due one), marks the unconfirmed one as
 * published with the address they saw (the post is then Published); a reason holding HTML shows as text; an author
 * gets neither the link nor the page. The publisher ticks once an hour here, so the retried delivery stays due while
 * the test looks at it.
 */
class QueuePagesInChromiumIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
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

    private static String row(DeliveryRecord d) {
        return "tr.sd-delivery[data-delivery-id='" + d.id() + "']";
    }

    @Test
    void aLeadRetriesAFailedDeliveryAndMarksAnUnconfirmedOneAsPublishedAndAnAuthorIsRefused() {
        Instant now = Instant.now();
        DeliveryRecord failed = QueueFixtures.failed(app, now, "invalid-token", "The token was revoked");
        DeliveryRecord unconfirmed = QueueFixtures.unconfirmed(app, now, "Spring launch", "The request timed out after it was sent");
        DeliveryRecord hostile = QueueFixtures.settled(app, now, "Summer teaser", d -> d.missed(XSS, now));

        try (Browser browser = Browser.start("en")) {
            browser.open(base + "/login");
            DemoSite.signInOnForm(browser, "marc", WAIT);
            browser.find("#sd-nav-queue").click();
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/admin/queue"), WAIT);
            assertThat(browser.text("h1")).as("Marc reads Social Desk in French").isEqualTo("File de publication");
            int failedBefore = Integer.parseInt(browser.text("#sd-count-failed"));
            int unconfirmedBefore = Integer.parseInt(browser.text("#sd-count-unconfirmed"));
            assertThat(failedBefore).isPositive();
            assertThat(unconfirmedBefore).isPositive();
            String account = app.accounts().find(failed.accountId()).orElseThrow().label();
            assertThat(browser.text("#sd-bucket-failed " + row(failed) + " .sd-reason")).isEqualTo("The token was revoked");
            assertThat(browser.text("#sd-bucket-failed " + row(failed) + " .sd-account")).isEqualTo(account);
            assertThat(browser.driver().findElements(By.cssSelector(row(failed) + " button.sd-action")))
                    .extracting(b -> b.getAttribute("data-action")).containsExactly("retry");
            assertThat(browser.driver().findElements(By.cssSelector(row(unconfirmed) + " button.sd-action")))
                    .extracting(b -> b.getAttribute("data-action")).containsExactly("send-again", "mark-published");
            assertThat(browser.text("#sd-bucket-missed " + row(hostile) + " .sd-reason")).as("the reason is text").isEqualTo(XSS);
            assertThat(browser.driver().findElements(By.cssSelector("#sd-queue img"))).as("no element was made from the reason").isEmpty();
            browser.screenshot("queue-failed-and-unconfirmed-fr");

            browser.clickAndWaitForReload(row(failed) + " button[data-action=retry]", WAIT);

            assertThat(browser.driver().findElements(By.cssSelector("#sd-bucket-failed " + row(failed)))).as("it left the failed bucket").isEmpty();
            assertThat(browser.text("#sd-count-failed")).isEqualTo(Integer.toString(failedBefore - 1));
            assertThat(browser.driver().findElements(By.cssSelector("#sd-bucket-due " + row(failed)))).hasSize(1);
            assertThat(browser.text("#sd-bucket-due " + row(failed) + " .sd-attempts")).isEqualTo("0");
            assertThat(app.publishing().deliveries().find(failed.id()).orElseThrow().state()).isEqualTo(DeliveryState.DUE);
            assertThat(app.postStore().find(failed.postId()).orElseThrow().state()).isEqualTo(PostState.PUBLISHING);

            browser.find(row(unconfirmed) + " [name=url]").sendKeys("https://mastodon.social/@acme/113");
            browser.clickAndWaitForReload(row(unconfirmed) + " button[data-action=mark-published]", WAIT);

            assertThat(browser.driver().findElements(By.cssSelector(row(unconfirmed)))).as("a sent delivery leaves the queue").isEmpty();
            assertThat(browser.text("#sd-count-unconfirmed")).isEqualTo(Integer.toString(unconfirmedBefore - 1));
            DeliveryRecord confirmed = app.publishing().deliveries().find(unconfirmed.id()).orElseThrow();
            assertThat(confirmed.state()).isEqualTo(DeliveryState.SENT);
            assertThat(confirmed.remote().url()).isEqualTo("https://mastodon.social/@acme/113");
            assertThat(app.postStore().find(unconfirmed.postId()).orElseThrow().state()).isEqualTo(PostState.PUBLISHED);
            assertThat(app.engine().trail().list(unconfirmed.postId())).anySatisfy(e -> assertThat(e.detail())
                    .isEqualTo("Marked as published by Marc Dubois on " + account + ": https://mastodon.social/@acme/113"));
            assertThat(browser.text("#sd-queue-metrics")).contains("dont 1 envoy\u00e9s");
            browser.screenshot("queue-after-actions-fr");

            browser.driver().manage().deleteAllCookies();
            browser.open(base + "/login");
            DemoSite.signInOnForm(browser, "alice", WAIT);
            assertThat(browser.driver().findElements(By.id("sd-nav-queue"))).isEmpty();
            browser.open(base + "/admin/queue");
            assertThat(browser.driver().findElements(By.id("sd-queue"))).isEmpty();
            browser.screenshot("queue-author-refused-en");
        }
    }
}
