package io.socialdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code socialdesk} command line, as a script or an admin uses it. */
class CommandLineTest {
    @TempDir
    Path data;

    record Run(int exitCode, String out, String err) {}

    static Run run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void helpListsTheCommandsAndServeItsOptions() {
        Run help = run("", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("serve", "user", "socialdesk serve --demo");
        Run serveHelp = run("", "serve", "--help");
        assertThat(serveHelp.out()).contains("--port", "--data", "--db", "--demo", "--host");
    }

    @Test
    void aUserAddedFromStandardInputCanBeListedAndSignIn() {
        Run add = run("s3cret-pass\n", "user", "add", "bob", "--role", "legal,hr", "--name", "Bob Ray", "--zone", "Europe/Brussels",
                "--language", "fr", "--password-stdin", "--data", data.toString());
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).contains("Added bob (hr, legal)");

        Run list = run("", "user", "list", "--data", data.toString());
        assertThat(list.out()).contains("bob", "Bob Ray", "hr,legal", "Europe/Brussels", "fr");
        assertThat(list.out()).doesNotContain("s3cret");

        Run token = run("", "user", "token", "bob", "--data", data.toString());
        assertThat(token.exitCode()).isZero();
        assertThat(token.out().strip()).startsWith("sdt_");
    }

    @Test
    void badInputNamesTheFieldAndExitsWith2() {
        Run badRole = run("s3cret-pass\n", "user", "add", "bob", "--role", "boss", "--password-stdin", "--data", data.toString());
        assertThat(badRole.exitCode()).isEqualTo(2);
        assertThat(badRole.err()).contains("Unknown role 'boss'", "marketing-author");

        Run shortPassword = run("short\n", "user", "add", "bob", "--role", "legal", "--password-stdin", "--data", data.toString());
        assertThat(shortPassword.exitCode()).isEqualTo(2);
        assertThat(shortPassword.err()).contains("error: password:", "[min-length]");

        Run badZone = run("s3cret-pass\n", "user", "add", "Bob!", "--role", "legal", "--zone", "Mars/Olympus", "--password-stdin",
                "--data", data.toString());
        assertThat(badZone.err()).contains("error: username:", "error: zone:");
        assertThat(badZone.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void smtpSettingsThatCannotWorkAreNamedBeforeTheServerStarts() {
        assertThat(run("", "serve", "--help").out()).contains("--smtp-host", "--smtp-port", "--smtp-from", "--smtp-user", "--smtp-security",
                "SOCIALDESK_SMTP_PASSWORD", "--public-url");
        Run noSender = run("", "serve", "--smtp-host", "mail.example.org", "--data", data.toString());
        assertThat(noSender.exitCode()).isEqualTo(2);
        assertThat(noSender.err()).contains("--smtp-from is required with --smtp-host").doesNotContain("Exception");
        Run badMode = run("", "serve", "--smtp-host", "mail.example.org", "--smtp-from", "sd@example.org", "--smtp-security", "ssl3",
                "--data", data.toString());
        assertThat(badMode.exitCode()).isEqualTo(2);
        assertThat(badMode.err()).contains("--smtp-security must be starttls, tls or none");
        Run badSender = run("", "serve", "--smtp-host", "mail.example.org", "--smtp-from", "not an address", "--data", data.toString());
        assertThat(badSender.err()).contains("--smtp-from must be one e-mail address");
    }

    @Test
    void accountOptionsAreListedAndABadOneIsNamedBeforeTheServerStarts() {
        assertThat(run("", "serve", "--help").out()).contains("--allow-private-addresses", "--token-warning-days");
        Run badDays = run("", "serve", "--token-warning-days", "0", "--data", data.toString());
        assertThat(badDays.exitCode()).isEqualTo(2);
        assertThat(badDays.err()).contains("--token-warning-days must be between 1 and 90").doesNotContain("Exception");
        Run badUrl = run("", "serve", "--public-url", "ftp://social.example.org", "--data", data.toString());
        assertThat(badUrl.exitCode()).isEqualTo(2);
        assertThat(badUrl.err()).contains("--public-url must start with http:// or https://");
        Run badEvery = run("", "serve", "--publish-every", "soon", "--data", data.toString());
        assertThat(badEvery.exitCode()).isEqualTo(2);
        assertThat(badEvery.err()).contains("--publish-every must be a number with ms, s, m or h").doesNotContain("Exception");
        Run badImport = run("", "serve", "--import-every", "-5s", "--data", data.toString());
        assertThat(badImport.exitCode()).isEqualTo(2);
        assertThat(badImport.err()).contains("--import-every must be").doesNotContain("Exception");
        Run plainAlone = run("", "serve", "--allow-plain-http", "--data", data.toString());
        assertThat(plainAlone.exitCode()).isEqualTo(2);
        assertThat(plainAlone.err()).contains("--allow-plain-http needs --allow-private-addresses");
    }

    @Test
    void aUsersEmailAddressIsChecked() {
        Run badEmail = run("s3cret-pass\n", "user", "add", "bob", "--role", "legal", "--email", "bob at example", "--password-stdin",
                "--data", data.toString());
        assertThat(badEmail.exitCode()).isEqualTo(2);
        assertThat(badEmail.err()).contains("error: email:", "[email-format]");
        Run good = run("s3cret-pass\n", "user", "add", "bob", "--role", "legal", "--email", "bob@example.org", "--password-stdin",
                "--data", data.toString());
        assertThat(good.exitCode()).as(good.err()).isZero();
    }

    @Test
    void aTokenForAnUnknownUserIsRefused() {
        Run token = run("", "user", "token", "nobody", "--data", data.toString());
        assertThat(token.exitCode()).isEqualTo(2);
        assertThat(token.err()).contains("No user named nobody");
    }
}
