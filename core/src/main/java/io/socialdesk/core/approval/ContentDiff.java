package io.socialdesk.core.approval;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.post.Media;
import io.socialdesk.core.post.PostContent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What changed between the content a reviewer approved and the current content, field by field
 * (the same fields the content hash covers): the master text, each network's variant, each thread
 * part, the first comment, hashtags, each medium, the UTM tags, the language and the accounts.
 * Each changed field carries a word diff and a character diff with ranges.
 */
public final class ContentDiff {
    private ContentDiff() {}

    public enum Change { ADDED, REMOVED, CHANGED }

    /** One changed field; {@code before} or {@code after} is empty when the field was added or removed. */
    public record FieldChange(String field, Change change, Optional<String> before, Optional<String> after,
            List<TextDiff.Segment> words, List<TextDiff.Segment> chars) {}

    public static List<FieldChange> between(PostContent approved, PostContent current) {
        List<FieldChange> out = new ArrayList<>();
        compare(out, "text", Optional.of(approved.text()), Optional.of(current.text()));
        EnumSet<Network> networks = EnumSet.noneOf(Network.class);
        networks.addAll(approved.variants().keySet());
        networks.addAll(current.variants().keySet());
        for (Network n : networks) {
            compare(out, "variant:" + n.name(), Optional.ofNullable(approved.variants().get(n)), Optional.ofNullable(current.variants().get(n)));
        }
        int parts = Math.max(approved.thread().size(), current.thread().size());
        for (int i = 0; i < parts; i++) compare(out, "thread[" + i + "]", at(approved.thread(), i), at(current.thread(), i));
        compare(out, "firstComment", approved.firstComment(), current.firstComment());
        compare(out, "hashtags", joined(approved.hashtags()), joined(current.hashtags()));
        int media = Math.max(approved.media().size(), current.media().size());
        for (int i = 0; i < media; i++) {
            compare(out, "media[" + i + "]", at(approved.media(), i).map(ContentDiff::describe), at(current.media(), i).map(ContentDiff::describe));
        }
        compare(out, "utm.medium", nonEmpty(approved.utm().medium()), nonEmpty(current.utm().medium()));
        compare(out, "utm.campaign", nonEmpty(approved.utm().campaign()), nonEmpty(current.utm().campaign()));
        compare(out, "utm.content", nonEmpty(approved.utm().content()), nonEmpty(current.utm().content()));
        compare(out, "language", nonEmpty(approved.language()), nonEmpty(current.language()));
        compare(out, "accounts", accounts(approved), accounts(current));
        return List.copyOf(out);
    }

    private static void compare(List<FieldChange> out, String field, Optional<String> before, Optional<String> after) {
        if (before.equals(after)) return;
        Change change = before.isEmpty() ? Change.ADDED : after.isEmpty() ? Change.REMOVED : Change.CHANGED;
        String a = before.orElse("");
        String b = after.orElse("");
        out.add(new FieldChange(field, change, before, after, TextDiff.words(a, b), TextDiff.chars(a, b)));
    }

    private static <T> Optional<T> at(List<T> list, int i) {
        return i < list.size() ? Optional.of(list.get(i)) : Optional.empty();
    }

    private static Optional<String> joined(List<String> list) {
        return list.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", list));
    }

    private static Optional<String> nonEmpty(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static Optional<String> accounts(PostContent c) {
        return c.accountIds().isEmpty() ? Optional.empty()
                : Optional.of(c.accountIds().stream().sorted().map(String::valueOf).collect(Collectors.joining(" ")));
    }

    private static String describe(Media m) {
        return m.mimeType() + " sha256:" + m.sha256().toLowerCase(java.util.Locale.ROOT) + " alt: " + m.altText();
    }
}
