package io.socialdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven by Selenium through Debian's ChromeDriver. Both executables are given to
 * Selenium explicitly, so Selenium Manager never runs (and never tries to download a browser or a driver).
 *
 * <pre>{@code
 * try (Browser browser = Browser.start("fr")) {          // Accept-Language: fr, navigator.language "fr"
 *     browser.open("http://127.0.0.1:" + port + "/");
 *     assertThat(browser.text("h1")).isEqualTo("Bonjour");
 *     browser.screenshot("home-fr");                      // target/screenshots/home-fr.png
 * }
 * }</pre>
 *
 * <p>Paths: system properties {@code socialdesk.chromium} / {@code socialdesk.chromedriver} (or environment variables
 * {@code CHROME_BIN} / {@code CHROMEDRIVER}), else {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}.
 * Chromium runs with the flags it needs on a closed network and a fresh, private user-data-dir.
 */
public final class Browser implements AutoCloseable {

    public static final String INSTALL_HINT =
            "install Debian's browser and driver: apt-get install chromium chromium-driver";
    /** Flags without which Chromium hangs or floods the log on a machine without Internet access. */
    public static final List<String> FLAGS = List.of(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--disable-default-apps", "--disable-extensions",
            "--password-store=basic", "--use-mock-keychain");

    /**
     * Selenium 4.21 bundles CDP bindings only up to Chrome 125 and warns at every start that Debian's newer Chromium
     * has none; WebDriver itself works. Held here so the logging levels are not garbage-collected.
     */
    private static final List<java.util.logging.Logger> QUIET_LOGGERS = List.of(
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
            java.util.logging.Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

    static {
        QUIET_LOGGERS.forEach(l -> l.setLevel(java.util.logging.Level.SEVERE));
    }

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path workDir;
    private final String language;
    private final Thread shutdownHook;
    private volatile boolean closed;

    private Browser(ChromeDriverService service, ChromeDriver driver, Path workDir, String language) {
        this.service = service;
        this.driver = driver;
        this.workDir = workDir;
        this.language = language;
        this.shutdownHook = new Thread(this::quietQuit, "socialdesk-browser-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** An English browser. */
    public static Browser start() {
        return start("en");
    }

    /** A browser whose UI language, {@code navigator.language} and Accept-Language are {@code language} ("en", "fr", "fr-FR"). */
    public static Browser start(String language) {
        return start(language, 1280, 900);
    }

    public static Browser start(String language, int width, int height) {
        Path chromium = executable("socialdesk.chromium", "CHROME_BIN", "/usr/bin/chromium", "Chromium");
        Path chromedriver = executable("socialdesk.chromedriver", "CHROMEDRIVER", "/usr/bin/chromedriver", "ChromeDriver");
        // Belt and braces: with the driver named here, Selenium's DriverFinder never calls Selenium Manager.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, chromedriver.toString());

        Path workDir;
        try {
            workDir = Files.createTempDirectory("socialdesk-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a Chromium profile folder", e);
        }
        Path log = workDir.resolve("chromedriver.log");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        List<String> args = new ArrayList<>(FLAGS);
        args.add("--user-data-dir=" + workDir.resolve("profile"));
        args.add("--window-size=" + width + "," + height);
        args.add("--lang=" + language);
        options.addArguments(args);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("intl.accept_languages", acceptLanguages(language));
        options.setExperimentalOption("prefs", prefs);

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withLogFile(log.toFile())
                .withEnvironment(Map.of("LANGUAGE", language.replace('-', '_'), "LC_ALL", "C.UTF-8"))
                .build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            String tail = Exec.tailOf(log, 20);
            Exec.deleteRecursively(workDir);
            throw new IllegalStateException("Chromium did not start (" + chromium + " through " + chromedriver + "): "
                    + e.getMessage() + "\n--- chromedriver log ---\n" + tail, e);
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Browser(service, driver, workDir, language);
    }

    /** "fr" gives "fr,en"; "fr-FR" gives "fr-FR,fr"; "en" gives "en-US,en" so English pages stay English. */
    static String acceptLanguages(String language) {
        String lang = language.trim();
        String base = lang.contains("-") ? lang.substring(0, lang.indexOf('-')) : lang;
        if (lang.equalsIgnoreCase("en")) return "en-US,en";
        if (!base.equals(lang)) return lang + "," + base;
        return lang + ",en";
    }

    private static Path executable(String property, String env, String fallback, String what) {
        String configured = System.getProperty(property, System.getenv(env));
        Path path = Path.of(configured != null && !configured.isBlank() ? configured : fallback);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(what + " not found at " + path + "; " + INSTALL_HINT
                    + " (or set -D" + property + " / " + env + ")");
        }
        return path;
    }

    // ---------------------------------------------------------------- use

    /** The Selenium driver, for anything this class does not wrap. */
    public WebDriver driver() { return driver; }

    /** The language this browser was started with. */
    public String language() { return language; }

    /** Loads {@code url} and waits for the document to be complete. */
    public Browser open(String url) {
        driver.get(url);
        waitUntil(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")),
                Duration.ofSeconds(30));
        return this;
    }

    /**
     * Clicks the element matching {@code css} and waits until the page it was on has been replaced and the new
     * one is complete: for buttons whose script reloads the page, so that the next look-up cannot find an
     * element of the page that is going away.
     */
    public Browser clickAndWaitForReload(String css, Duration timeout) {
        WebElement before = driver.findElement(By.tagName("html"));
        find(css).click();
        waitUntil(d -> isGone(before), timeout);
        waitUntil(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")), timeout);
        return this;
    }

    /**
     * Whether the element left the document. Chromium sometimes answers a look at an element of a page being
     * replaced with "Node with given id does not belong to the document" (an unknown error) rather than as stale.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) return true;
            throw e;
        }
    }

    /** The first element matching the CSS selector, waiting up to 10 s for it to appear. */
    public WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** The visible text of the first element matching the CSS selector. */
    public String text(String css) {
        return find(css).getText();
    }

    /**
     * Waits until {@code condition} is true (or non-null), failing with Selenium's TimeoutException. An element
     * gone stale because the page reloaded meanwhile counts as "not yet", like one not found.
     */
    public <T> T waitUntil(java.util.function.Function<WebDriver, T> condition, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait.until(d -> {
            try {
                return condition.apply(d);
            } catch (org.openqa.selenium.WebDriverException e) {
                // Chromium asked about an element while the page is being replaced: the same as stale, so "not yet".
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) return null;
                throw e;
            }
        });
    }

    public Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    /** Writes a PNG of the viewport to {@code file} (parent folders created) and returns it. */
    public Path screenshot(Path file) {
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write screenshot " + file, e);
        }
        return file;
    }

    /** Writes {@code target/screenshots/NAME.png} of the calling module (Surefire's working folder) and returns it. */
    public Path screenshot(String name) {
        String file = name.toLowerCase(Locale.ROOT).endsWith(".png") ? name : name + ".png";
        return screenshot(screenshotsDir().resolve(file));
    }

    /** {@code target/screenshots} under the current module (the working folder Maven runs tests in). */
    public static Path screenshotsDir() {
        return Path.of(System.getProperty("user.dir"), "target", "screenshots");
    }

    /** Chromedriver's log (deleted on close). */
    public Path driverLog() { return workDir.resolve("chromedriver.log"); }

    // ---------------------------------------------------------------- close

    /** Quits Chromium and ChromeDriver and deletes the profile. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) return;
        quietQuit();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // shutting down
        }
    }

    private synchronized void quietQuit() {
        if (closed) return;
        closed = true;
        try {
            driver.quit();
        } catch (RuntimeException ignored) {
        } finally {
            try { service.stop(); } catch (RuntimeException ignored) { }
            Exec.deleteRecursively(workDir);
        }
    }

}
