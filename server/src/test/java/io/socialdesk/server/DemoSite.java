package io.socialdesk.server;

import io.socialdesk.server.db.DatabaseConfig;
import io.socialdesk.server.demo.DemoWorkspace;
import io.socialdesk.testing.Browser;
import java.nio.file.Path;
import java.time.Duration;

/** The server on an embedded database holding the demo workspace, started in this JVM for the browser tests. */
final class DemoSite {
    final SocialDeskApp app;
    final String base;

    private DemoSite(SocialDeskApp app) {
        this.app = app;
        this.base = "http://127.0.0.1:" + app.port();
    }

    static DemoSite start(Path data) throws Exception {
        return start(data, java.util.function.UnaryOperator.identity());
    }

    /** {@code adjust}: changes to the settings, e.g. the connectors. */
    static DemoSite start(Path data, java.util.function.UnaryOperator<SocialDeskApp.Settings> adjust) throws Exception {
        SocialDeskApp app = SocialDeskApp.open(adjust.apply(SocialDeskApp.Settings.of("127.0.0.1", 0, DatabaseConfig.embedded(data), data)));
        DemoWorkspace.seedIfEmpty(app);
        return new DemoSite(app.start());
    }

    /** Signs {@code username} in afresh (whoever was signed in before is forgotten) on the site at {@code base}. */
    static void signInAfresh(Browser browser, String base, String username, Duration wait) {
        browser.driver().manage().deleteAllCookies();
        browser.open(base + "/login");
        signInOnForm(browser, username, wait);
    }

    /** Fills the sign-in form the browser shows and waits for the page it leads to (the person's home page, unless the form had a "next"). */
    static void signInOnForm(Browser browser, String username, Duration wait) {
        browser.find("#sd-username").sendKeys(username);
        browser.find("#sd-password").sendKeys(DemoWorkspace.PASSWORD);
        browser.find(".sd-login button[type=submit]").click();
        browser.waitUntil(d -> !d.getCurrentUrl().contains("/login"), wait);
    }
}
