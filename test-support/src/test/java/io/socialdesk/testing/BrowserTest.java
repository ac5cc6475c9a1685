package io.socialdesk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BrowserTest {

    private static HttpServer http;

    /** A page that says hello in the language the browser asked for, and shows its Accept-Language header. */
    @BeforeAll
    static void serve() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            String accept = String.valueOf(exchange.getRequestHeaders().getFirst("Accept-Language"));
            String hello = accept.startsWith("fr") ? "Bonjour" : "Hello";
            byte[] body = ("<!doctype html><html><head><meta charset=utf-8><title>Social Desk</title></head><body>"
                    + "<h1>" + hello + "</h1><p id=accept>" + accept + "</p>"
                    + "<p id=js></p><script>document.getElementById('js').textContent = navigator.language;</script>"
                    + "</body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
    }

    @AfterAll
    static void stop() {
        http.stop(0);
    }

    private static String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/";
    }

    @Test
    void rendersALocalPageInEnglishAndTakesAScreenshot() throws Exception {
        long t0 = System.nanoTime();
        try (Browser browser = Browser.start()) {
            System.out.printf("Chromium start %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            browser.open(url());
            assertThat(browser.driver().getTitle()).isEqualTo("Social Desk");
            assertThat(browser.text("h1")).isEqualTo("Hello");
            assertThat(browser.text("#accept")).startsWith("en");
            Path png = browser.screenshot("browser-test-en");
            assertThat(png).isEqualTo(Browser.screenshotsDir().resolve("browser-test-en.png"));
            assertPng(png);
        }
    }

    @Test
    void speaksFrenchWhenAsked() throws Exception {
        try (Browser browser = Browser.start("fr")) {
            browser.open(url());
            assertThat(browser.text("h1")).isEqualTo("Bonjour");
            assertThat(browser.text("#accept")).startsWith("fr");
            assertThat(browser.text("#js")).startsWith("fr");
            assertPng(browser.screenshot(Browser.screenshotsDir().resolve("browser-test-fr.png")));
        }
    }

    @Test
    void loadsDataUrls() {
        try (Browser browser = Browser.start()) {
            browser.open("data:text/html;charset=utf-8,<p class=msg>Planifié ✓</p>");
            assertThat(browser.text(".msg")).isEqualTo("Planifié ✓");
            assertThat(browser.script("return 6 * 7")).isEqualTo(42L);
        }
    }

    @Test
    void acceptLanguageKeepsABaseLanguage() {
        assertThat(Browser.acceptLanguages("en")).isEqualTo("en-US,en");
        assertThat(Browser.acceptLanguages("fr")).isEqualTo("fr,en");
        assertThat(Browser.acceptLanguages("fr-FR")).isEqualTo("fr-FR,fr");
    }

    private static void assertPng(Path png) throws IOException {
        assertThat(png).exists();
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).isGreaterThan(1000);
        assertThat(Arrays.copyOf(bytes, 8)).containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
    }
}
