package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.memory.FakeChannel;
import io.socialdesk.testing.Browser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The accounts page in headless Chromium, on a server whose Bluesky connector is played in memory: an address
 * on the loopback network is refused next to the server address field, then the account connects with its app
 * password and shows in the table; an OAuth network without a client says which field is missing.
 */
class AccountPagesInChromiumIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path data;

    static SocialDeskApp app;
    static String base;
    static final FakeChannel bluesky = FakeChannel.appPassword(Network.BLUESKY);

    @BeforeAll
    static void start() throws Exception {
        DemoSite site = DemoSite.start(data, s -> s.withChannels(List.of(bluesky, FakeChannel.oauth(Network.X))));
        app = site.app;
        base = site.base;
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void anAdminConnectsABlueskyAccountWithAnAppPasswordAfterAPrivateAddressIsRefused() {
        try (Browser browser = Browser.start("en")) {
            browser.open(base + "/login");
            DemoSite.signInOnForm(browser, "admin", WAIT);
            browser.find("#sd-nav-accounts").click();
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/admin/accounts"), WAIT);
            assertThat(browser.text("h1")).isEqualTo("Social accounts");

            String form = "form.sd-connect-app-password[data-network=BLUESKY] ";
            browser.find(form + "[name=identifier]").sendKeys("acme.bsky.social");
            browser.find(form + "[name=password]").sendKeys(FakeChannel.APP_PASSWORD);
            browser.find(form + "[name=instance]").sendKeys("https://127.0.0.1:2583");
            browser.find(form + "button[type=submit]").click();
            browser.waitUntil(d -> !d.findElement(By.cssSelector(form + "[data-error-for=instance]")).getText().isEmpty(), WAIT);

            assertThat(browser.text(form + "[data-error-for=instance]"))
                    .isEqualTo("The address 127.0.0.1 points into a private network; an admin must allow private addresses first.");
            assertThat(browser.find(form + "[name=instance]").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.find(form + "[name=password]").getAttribute("value")).as("the password is not kept in the page").isEmpty();
            assertThat(bluesky.logins.get()).as("the refused address was never called").isZero();
            browser.screenshot("accounts-ssrf-refused-en");

            browser.find(form + "[name=instance]").clear();
            browser.find(form + "[name=password]").sendKeys(FakeChannel.APP_PASSWORD);
            browser.find(form + "button[type=submit]").click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("connected="), WAIT);

            assertThat(browser.text("#sd-accounts-result")).isEqualTo("Connected acme.bsky.social (Bluesky).");
            Account connected = app.accounts().list().stream().filter(a -> a.handle().equals("acme.bsky.social")).findFirst().orElseThrow();
            String row = "tr[data-account-id='" + connected.id() + "'] ";
            assertThat(browser.text(row + ".sd-handle")).isEqualTo("acme.bsky.social");
            assertThat(browser.text(row + ".sd-owner")).isEqualTo("admin");
            assertThat(browser.text(row + ".sd-account-status")).isEqualTo("Connected");
            assertThat(browser.text(row + ".sd-last-success")).isNotEqualTo("never");
            assertThat(browser.driver().getPageSource()).doesNotContain(FakeChannel.APP_PASSWORD).doesNotContain(bluesky.accessToken());
            browser.screenshot("accounts-connected-en");

            browser.clickAndWaitForReload(row + ".sd-check", WAIT);
            assertThat(bluesky.checks.get()).as("the check called the network once").isEqualTo(1);

            String x = "form.sd-connect-oauth[data-network=X] ";
            browser.find(x + "button[type=submit]").click();
            browser.waitUntil(d -> !d.findElement(By.cssSelector(x + "[data-error-for=clientId]")).getText().isEmpty(), WAIT);
            assertThat(browser.text(x + "[data-error-for=clientId]")).startsWith("No OAuth client is set for X");
        }
    }

    @Test
    void aMarketingLeadReadsThePageInFrenchAndAnAuthorIsToldTheyMayNot() {
        try (Browser browser = Browser.start("fr")) {
            browser.open(base + "/login");
            DemoSite.signInOnForm(browser, "marc", WAIT);
            browser.find("#sd-nav-accounts").click();
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/admin/accounts"), WAIT);
            assertThat(browser.text("h1")).isEqualTo("Comptes sociaux");
            assertThat(browser.driver().findElements(By.cssSelector("form.sd-oauth-client"))).as("OAuth clients are for admins").isEmpty();
            browser.open(base + "/admin/accounts?error=state-expired");
            assertThat(browser.text("#sd-accounts-result"))
                    .isEqualTo("La connexion n\u2019a pas abouti : plus de 10 minutes se sont \u00e9coul\u00e9es depuis le d\u00e9but ; recommencez.");
            browser.open(base + "/admin/accounts?error=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");
            assertThat(browser.text("#sd-accounts-result")).endsWith("(unknown).");

            browser.driver().manage().deleteAllCookies();
            browser.open(base + "/login");
            DemoSite.signInOnForm(browser, "alice", WAIT);
            assertThat(browser.driver().findElements(By.id("sd-nav-accounts"))).isEmpty();
            browser.open(base + "/admin/accounts");
            assertThat(browser.driver().findElements(By.id("sd-accounts"))).isEmpty();
            assertThat(browser.text("h1")).isNotEmpty();
        }
    }
}
