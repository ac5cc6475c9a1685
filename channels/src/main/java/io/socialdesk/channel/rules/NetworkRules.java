package io.socialdesk.channel.rules;

import io.socialdesk.core.account.Network;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of the rules table: a network's rules from {@code effectiveFrom} on (until a later row
 * of the same network takes over), how its text is measured, its media rules, when it needs text,
 * its hashtag cap (0: none) and where the numbers come from.
 */
public record NetworkRules(
        Network network,
        LocalDate effectiveFrom,
        TextMeasure text,
        TextRequirement textRequirement,
        MediaRules media,
        int defaultHashtagCap,
        String source) {

    public NetworkRules {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(textRequirement, "textRequirement");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(source, "source");
        if (defaultHashtagCap < 0) throw new IllegalArgumentException("defaultHashtagCap must not be negative");
    }
}
