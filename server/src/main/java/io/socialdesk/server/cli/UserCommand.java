package io.socialdesk.server.cli;

import io.socialdesk.core.user.Role;
import io.socialdesk.server.SocialDeskApp;
import io.socialdesk.server.auth.ServerUser;
import io.socialdesk.server.auth.ServerUsers;
import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "user", description = "Manage the server's users.", mixinStandardHelpOptions = true,
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Token.class})
public final class UserCommand {

    @Command(name = "add", description = "Add a user. The password is read from standard input (--password-stdin) or asked for.",
            mixinStandardHelpOptions = true)
    static final class Add implements Callable<Integer> {
        @Mixin DatabaseOptions database;
        @Parameters(index = "0", paramLabel = "USERNAME", description = "Lower-case user name, e.g. alice.") String username;
        @Option(names = "--role", required = true, split = ",", paramLabel = "ROLE",
                description = "One or more of: marketing-author, marketing-lead, legal, hr, support-agent, admin.") List<String> roles;
        @Option(names = "--name", paramLabel = "DISPLAY-NAME", description = "Name shown in pages (default: the user name).") String displayName;
        @Option(names = "--zone", defaultValue = "UTC", paramLabel = "ZONE", description = "IANA time zone (default: ${DEFAULT-VALUE}).") String zone;
        @Option(names = "--language", defaultValue = "en", paramLabel = "LANG", description = "en or fr (default: ${DEFAULT-VALUE}).") String language;
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.") boolean passwordFromStdin;
        @Option(names = "--email", paramLabel = "ADDRESS", description = "Where notices are e-mailed when the server has SMTP settings.") String email;
        @Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Set<Role> parsed = EnumSet.noneOf(Role.class);
            for (String role : roles) {
                try {
                    parsed.add(Role.parse(role));
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "Unknown role '" + role + "': use one of "
                            + Arrays.stream(Role.values()).map(Role::slug).collect(Collectors.joining(", ")));
                }
            }
            String password = readPassword(spec.commandLine());
            try (SocialDeskApp app = SocialDeskApp.open(SocialDeskApp.Settings.of("127.0.0.1", 0, database.config()))) {
                ServerUser user = app.users().add(new ServerUsers.NewUser(username, displayName, parsed, zone, language, password, email));
                spec.commandLine().getOut().println("Added " + user.user().key() + " ("
                        + user.user().roles().stream().map(Role::slug).sorted().collect(Collectors.joining(", ")) + ")");
            }
            return 0;
        }

        private String readPassword(CommandLine cl) throws Exception {
            if (passwordFromStdin) {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                return line == null ? "" : line;
            }
            Console console = System.console();
            if (console == null) {
                throw new CommandLine.ParameterException(cl, "No terminal to ask for the password: use --password-stdin");
            }
            char[] first = console.readPassword("Password for %s: ", username);
            char[] second = console.readPassword("Again: ");
            if (!Arrays.equals(first, second)) throw new CommandLine.ParameterException(cl, "The two passwords differ");
            return new String(first);
        }
    }

    @Command(name = "list", description = "List the users.", mixinStandardHelpOptions = true)
    static final class ListUsers implements Callable<Integer> {
        @Mixin DatabaseOptions database;
        @Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (SocialDeskApp app = SocialDeskApp.open(SocialDeskApp.Settings.of("127.0.0.1", 0, database.config()))) {
                out.printf("%-16s %-24s %-36s %-20s %s%n", "USERNAME", "NAME", "ROLES", "ZONE", "LANGUAGE");
                for (ServerUser u : app.users().list()) {
                    out.printf("%-16s %-24s %-36s %-20s %s%n", u.user().key(), u.user().displayName(),
                            u.user().roles().stream().map(Role::slug).sorted().collect(Collectors.joining(",")),
                            u.user().zone().getId(), u.locale().getLanguage());
                }
            }
            return 0;
        }
    }

    @Command(name = "token", description = "Create an API token for a user; it is shown once. Send it as 'Authorization: Bearer TOKEN'.",
            mixinStandardHelpOptions = true)
    static final class Token implements Callable<Integer> {
        @Mixin DatabaseOptions database;
        @Parameters(index = "0", paramLabel = "USERNAME") String username;
        @Option(names = "--label", defaultValue = "api", paramLabel = "LABEL", description = "What the token is for (default: ${DEFAULT-VALUE}).") String label;
        @Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (SocialDeskApp app = SocialDeskApp.open(SocialDeskApp.Settings.of("127.0.0.1", 0, database.config()))) {
                if (app.users().find(username).isEmpty()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "No user named " + username);
                }
                spec.commandLine().getOut().println(app.credentials().createApiToken(username, label));
            }
            return 0;
        }
    }
}
