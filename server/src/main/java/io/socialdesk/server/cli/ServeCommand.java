package io.socialdesk.server.cli;

import io.socialdesk.core.SocialDesk;
import io.socialdesk.server.SocialDeskApp;
import io.socialdesk.server.demo.DemoWorkspace;
import io.socialdesk.server.notification.SmtpSettings;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "serve", description = "Start the server: pages, REST API and background jobs.", mixinStandardHelpOptions = true)
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions database;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "HTTP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--demo", description = "Seed a demo workspace (users, accounts, a month of posts, mentions) into an empty database.")
    boolean demo;

    @Option(names = "--smtp-host", paramLabel = "HOST",
            description = "E-mail notices through this SMTP server (off when not given). The password is read from the "
                    + SmtpSettings.PASSWORD_VARIABLE + " environment variable.")
    String smtpHost;

    @Option(names = "--smtp-port", paramLabel = "N", defaultValue = "587", description = "SMTP port (default: ${DEFAULT-VALUE}).")
    int smtpPort;

    @Option(names = "--smtp-security", paramLabel = "MODE", defaultValue = "starttls",
            description = "starttls (required), tls (from the start, usually port 465) or none (default: ${DEFAULT-VALUE}).")
    String smtpSecurity;

    @Option(names = "--smtp-from", paramLabel = "ADDRESS", description = "Sender address of the e-mails, e.g. socialdesk@example.org (required with --smtp-host).")
    String smtpFrom;

    @Option(names = "--smtp-user", paramLabel = "USER", description = "SMTP user name, when the server asks to sign in.")
    String smtpUser;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "The address people open Social Desk at, for links in e-mails, e.g. https://social.example.org (default: the address served).")
    String publicUrl;

    @Option(names = "--allow-private-addresses",
            description = "Let people connect accounts on servers at private, loopback or link-local addresses (a Mastodon instance or "
                    + "Bluesky PDS on your own network). Off: such addresses are refused, against server-side request forgery.")
    boolean allowPrivateAddresses;

    @Option(names = "--allow-plain-http",
            description = "With --allow-private-addresses: let connectors call plain http:// addresses too (a test's fake network on "
                    + "127.0.0.1). Requests and signatures then travel unencrypted: never for real accounts.")
    boolean allowPlainHttp;

    @Option(names = "--publish-every", paramLabel = "DURATION", defaultValue = "250ms",
            description = "How often the publisher looks for due posts, e.g. 500ms, 1s, 1m (default: ${DEFAULT-VALUE}).")
    String publishEvery;

    @Option(names = "--publish-lease", paramLabel = "DURATION", defaultValue = "2m",
            description = "How long a node's claim on a delivery holds before another start or node settles it (longer than any one "
                    + "request; default: ${DEFAULT-VALUE}).")
    String publishLease;

    @Option(names = "--publish-backoff", paramLabel = "DURATION", defaultValue = "30s",
            description = "First wait before a retryable failure is tried again; it doubles up to 15 minutes (default: ${DEFAULT-VALUE}).")
    String publishBackoff;

    @Option(names = "--import-every", paramLabel = "DURATION", defaultValue = "1m",
            description = "How often the social inbox polls the networks for mentions and messages, e.g. 30s, 5m (default: ${DEFAULT-VALUE}).")
    String importEvery;

    @Option(names = "--token-warning-days", paramLabel = "N", defaultValue = "7",
            description = "Open a ticket for an account's owner this many days before its connection ends (default: ${DEFAULT-VALUE}).")
    int tokenWarningDays;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SocialDeskApp.Settings settings = SocialDeskApp.Settings.of(host, port, database.config(), database.data);
        Optional<SmtpSettings> smtp = smtpSettings(System.getenv(SmtpSettings.PASSWORD_VARIABLE));
        if (smtp.isPresent()) settings = settings.withMail(smtp.get(), Optional.ofNullable(publicUrl).filter(u -> !u.isBlank()));
        settings = settings.withPublicUrl(publicUrl()).withAccounts(allowPrivateAddresses, tokenWarningDays());
        settings = settings.withPlainHttp(plainHttp()).withPublishing(duration("--publish-every", publishEvery),
                settings.publishing().withLease(duration("--publish-lease", publishLease)).withRetries(settings.publishing().maxAttempts(),
                        duration("--publish-backoff", publishBackoff), settings.publishing().maxBackoff()));
        settings = settings.withInbox(duration("--import-every", importEvery), settings.inbox());
        SocialDeskApp app = SocialDeskApp.open(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "socialdesk-shutdown"));
        boolean seeded = demo && DemoWorkspace.seedIfEmpty(app);
        app.start();
        out.println("Database: " + app.database().check().product());
        out.println(smtp.map(m -> "Notices are e-mailed through " + m + ".").orElse("Notices are shown in the app only (no --smtp-host)."));
        if (demo) {
            out.println((seeded ? "Demo workspace created. " : "Demo workspace already present. ")
                    + "Sign in as " + DemoWorkspace.USERS.stream().map(u -> u.username() + " (" + u.role().slug() + ")").collect(Collectors.joining(", "))
                    + " with the password '" + DemoWorkspace.PASSWORD + "'.");
        }
        // The URL comes last, so whoever waits for it (a person, a script, a test) has everything above it.
        out.println("Social Desk " + SocialDesk.version() + " is running at " + app.url());
        out.println("Press Ctrl+C to stop.");
        out.flush();
        stopped.await();
        return 0;
    }

    /** --public-url, checked (it is also where networks send people back after they connect an account). */
    Optional<String> publicUrl() {
        if (publicUrl == null || publicUrl.isBlank()) return Optional.empty();
        if (!publicUrl.strip().matches("https?://[^\\s]+")) throw new ParameterException(spec.commandLine(), "--public-url must start with http:// or https://");
        return Optional.of(publicUrl.strip());
    }

    boolean plainHttp() {
        if (allowPlainHttp && !allowPrivateAddresses) {
            throw new ParameterException(spec.commandLine(), "--allow-plain-http needs --allow-private-addresses (it is for a fake network on this machine)");
        }
        return allowPlainHttp;
    }

    /** A duration option: a whole number with ms, s, m or h (100ms, 2s, 1m), at least 10 ms. */
    Duration duration(String option, String value) {
        Matcher m = DURATION.matcher(value == null ? "" : value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new ParameterException(spec.commandLine(), option + " must be a number with ms, s, m or h, e.g. 500ms or 2s");
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
        if (d.toMillis() < 10) throw new ParameterException(spec.commandLine(), option + " must be at least 10ms");
        return d;
    }

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    int tokenWarningDays() {
        if (tokenWarningDays < 1 || tokenWarningDays > io.socialdesk.core.account.AccountSettings.MAX_WARNING_DAYS) {
            throw new ParameterException(spec.commandLine(), "--token-warning-days must be between 1 and "
                    + io.socialdesk.core.account.AccountSettings.MAX_WARNING_DAYS);
        }
        return tokenWarningDays;
    }

    /** The SMTP settings when --smtp-host is given; a wrong option is named, as picocli names its own. */
    Optional<SmtpSettings> smtpSettings(String password) {
        if (smtpHost == null || smtpHost.isBlank()) return Optional.empty();
        if (smtpFrom == null || smtpFrom.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--smtp-from is required with --smtp-host: the address the e-mails come from");
        }
        try {
            new InternetAddress(smtpFrom.strip(), true).validate();
        } catch (AddressException e) {
            throw new ParameterException(spec.commandLine(), "--smtp-from must be one e-mail address, e.g. socialdesk@example.org");
        }
        if (smtpPort < 1 || smtpPort > 65535) throw new ParameterException(spec.commandLine(), "--smtp-port must be between 1 and 65535");
        SmtpSettings.Security security;
        try {
            security = SmtpSettings.Security.valueOf(smtpSecurity.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--smtp-security must be starttls, tls or none");
        }
        if (publicUrl != null && !publicUrl.isBlank() && !publicUrl.matches("https?://[^\\s]+")) {
            throw new ParameterException(spec.commandLine(), "--public-url must start with http:// or https://");
        }
        return Optional.of(new SmtpSettings(smtpHost.strip(), smtpPort, security, smtpFrom.strip(), Optional.ofNullable(smtpUser),
                Optional.ofNullable(password)));
    }
}
