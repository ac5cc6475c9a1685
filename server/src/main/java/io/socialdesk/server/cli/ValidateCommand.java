package io.socialdesk.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialdesk.channel.rules.PostValidator;
import io.socialdesk.web.rest.TextValidation;
import io.socialdesk.web.rest.ValidationJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code socialdesk validate}: checks a text against one network's rules without a server or a
 * database, for marketing teams' scripts and CI pipelines. Prints the same JSON object as
 * {@code POST /rest/socialdesk/1.0/validate}; exits 0 when valid, 1 when not, 2 on bad input.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a text against a network's rules and print the verdict as one JSON object.",
                "Exit code: 0 valid, 1 not valid, 2 bad input (e.g. an unknown network)."},
        footer = {"", "Examples:", "  socialdesk validate --network bluesky 'Launch day! https://example.com'",
                "  socialdesk validate --network mastodon --instance-limit 1000 - < post.txt"})
public final class ValidateCommand implements Callable<Integer> {
    @Option(names = "--network", required = true, paramLabel = "NAME",
            description = "One of: MASTODON, BLUESKY, X, LINKEDIN, FACEBOOK, INSTAGRAM, THREADS, WEBHOOK (any case).")
    String network;

    @Option(names = "--instance-limit", paramLabel = "N",
            description = "Mastodon only: the instance's max_characters when it is not 500.")
    Integer instanceLimit;

    @Parameters(index = "0", paramLabel = "TEXT|-",
            description = "The text, or - to read it from standard input as UTF-8 (one final line break is dropped).")
    String text;

    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String input = "-".equals(text) ? readStandardInput() : text;
        ValidationJson verdict = TextValidation.validate(PostValidator.standard(), network, input, instanceLimit);
        spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(verdict));
        return verdict.valid() ? 0 : 1;
    }

    /** Standard input as UTF-8, without the line break that {@code echo} and editors put at the end of a file. */
    private static String readStandardInput() throws IOException {
        String all = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        if (all.endsWith("\r\n")) return all.substring(0, all.length() - 2);
        if (all.endsWith("\n")) return all.substring(0, all.length() - 1);
        return all;
    }
}
