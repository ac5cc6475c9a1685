package io.socialdesk.server;

import io.socialdesk.core.SocialDesk;
import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.server.cli.ServeCommand;
import io.socialdesk.server.cli.UserCommand;
import io.socialdesk.server.cli.ValidateCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code socialdesk}: the server's command line. */
@Command(name = "socialdesk", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Social Desk: social media publishing, planning and listening as tracked work.",
        subcommands = {ServeCommand.class, UserCommand.class, ValidateCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Start with the demo workspace:  socialdesk serve --demo",
                "More: docs/admin-guide.md"})
public final class Main {
    public static void main(String[] args) {
        Logging.routeJulToSlf4j();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line and answers its exit code: 0 done, 1 a negative verdict, 2 bad input. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> {
            if (e instanceof InvalidInputException invalid) {
                for (FieldProblem p : invalid.problems()) cl.getErr().println("error: " + p.field() + ": " + p.message() + " [" + p.rule() + "]");
                return 2;
            }
            cl.getErr().println("error: " + rootMessage(e));
            return 2;
        });
        return commandLine.execute(args);
    }

    private static String rootMessage(Throwable e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause.getMessage() != null && cause.getMessage().contains("lockFile")) {
                return "The embedded database is in use by another Social Desk process; stop it first.";
            }
            cause = cause.getCause();
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"socialdesk " + SocialDesk.version()};
        }
    }
}
