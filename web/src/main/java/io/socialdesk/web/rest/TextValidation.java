package io.socialdesk.web.rest;

import io.socialdesk.channel.rules.PostValidator;
import io.socialdesk.channel.rules.ValidationOptions;
import io.socialdesk.channel.rules.Verdict;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.problem.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Validates one text for one network from loosely typed input (a REST body, command-line
 * arguments): the REST resource and the command line share it, so they give the same answer and
 * the same errors for bad input.
 */
public final class TextValidation {
    private TextValidation() {}

    /** The identifiers a caller may give, in the order of {@link Network}: {@code MASTODON, BLUESKY, …}. */
    public static String knownNetworks() {
        return Arrays.stream(Network.values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    public static Network network(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("network", "required", "Name a network: one of " + knownNetworks());
        }
        try {
            return Network.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("network", "known-network", "Unknown network '" + name.strip() + "'; known networks: " + knownNetworks());
        }
    }

    public static ValidationJson validate(PostValidator validator, String network, String text, Integer instanceLimit) {
        Network target = network(network);
        if (text == null) throw new InvalidInputException("text", "required", "Give the text to check (it may be empty)");
        ValidationOptions options = ValidationOptions.DEFAULTS;
        if (instanceLimit != null) {
            if (instanceLimit < 1) throw new InvalidInputException("instanceLimit", "positive-integer", "instanceLimit must be a whole number of at least 1");
            if (target != Network.MASTODON) {
                throw new InvalidInputException("instanceLimit", "mastodon-only", "instanceLimit is a Mastodon instance's max_characters; "
                        + target.label() + " has one limit for everyone");
            }
            options = options.withInstanceLimit(instanceLimit);
        }
        Verdict verdict = validator.validateText(target, text, options);
        return ValidationJson.of(verdict);
    }
}
