package io.socialdesk.server.cli;

import io.socialdesk.core.SocialDesk;
import io.socialdesk.server.SocialDeskApp;
import io.socialdesk.server.demo.DemoWorkspace;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SocialDeskApp app = SocialDeskApp.open(SocialDeskApp.Settings.of(host, port, database.config(), database.data));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "socialdesk-shutdown"));
        boolean seeded = demo && DemoWorkspace.seedIfEmpty(app);
        app.start();
        out.println("Database: " + app.database().check().product());
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
}
