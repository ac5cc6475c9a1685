package io.socialdesk.channel.rules;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.post.ContentCheck;
import io.socialdesk.core.post.PostContent;
import io.socialdesk.core.problem.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Set;

/**
 * The workflow's content check ({@link ContentCheck}) answered by the rules table: one problem per
 * violation, its field as the validator names it ({@code text}, {@code variants.X},
 * {@code thread[1]}, {@code media[0]}), its rule prefixed with the network ({@code x.max-weighted-length}),
 * and a message that names the network and the character range.
 */
public final class NetworkContentCheck implements ContentCheck {
    private final PostValidator validator;
    private final Function<PostContent, ValidationOptions> options;

    public NetworkContentCheck(PostValidator validator) {
        this(validator, content -> ValidationOptions.DEFAULTS);
    }

    /** {@code options}: what the target accounts' Mastodon instances published (see {@link InstanceLimits}); asked only when Mastodon is checked. */
    public NetworkContentCheck(PostValidator validator, Function<PostContent, ValidationOptions> options) {
        this.validator = validator;
        this.options = options;
    }

    @Override
    public List<FieldProblem> problems(PostContent content, Set<Network> networks) {
        List<FieldProblem> problems = new ArrayList<>();
        // Only Mastodon's measure reads the published limits: other networks are checked without looking the accounts up.
        ValidationOptions published = networks.contains(Network.MASTODON) ? options.apply(content) : ValidationOptions.DEFAULTS;
        validator.validate(content, networks, published).values().stream()
                .sorted(java.util.Comparator.comparing(Verdict::network))
                .flatMap(v -> v.violations().stream())
                .forEach(v -> problems.add(new FieldProblem(v.field(), v.network().name().toLowerCase(java.util.Locale.ROOT) + "." + v.rule(),
                        v.network().label() + ": " + v.message() + (v.end() > v.start() ? " (characters " + v.start() + "-" + v.end() + ")" : ""))));
        return problems;
    }
}
