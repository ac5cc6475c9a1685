package io.socialdesk.channel.rules;

import com.twitter.twittertext.Extractor;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.post.Media;
import io.socialdesk.core.post.PostContent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a post against the rules of each network it goes to, on a given date (submit, approve
 * and send each ask again, so a rule change between approval and send is caught). Every
 * violation names the network, the rule, the field and the range of the text at fault.
 */
public final class PostValidator {
    private final RulesTable rules;
    private final Clock clock;

    public PostValidator(RulesTable rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    /** The shipped table and the system clock (UTC dates). */
    public static PostValidator standard() {
        return new PostValidator(RulesTable.standard(), Clock.systemUTC());
    }

    public Map<Network, Verdict> validate(PostContent content, Collection<Network> networks, ValidationOptions options) {
        return validate(content, networks, options, LocalDate.now(clock));
    }

    public Map<Network, Verdict> validate(PostContent content, Collection<Network> networks, ValidationOptions options, LocalDate on) {
        Map<Network, Verdict> verdicts = new EnumMap<>(Network.class);
        for (Network network : networks) verdicts.put(network, validate(content, network, options, on));
        return Map.copyOf(verdicts);
    }

    /** One text alone, without media: what {@code socialdesk validate} and {@code POST /validate} answer. */
    public Verdict validateText(Network network, String text, ValidationOptions options) {
        NetworkRules row = rules.forNetwork(network, LocalDate.now(clock));
        List<Violation> violations = new ArrayList<>();
        TextCheck check = checkText(row, network, "text", text, options, false, violations);
        return Verdict.of(network, check.limit(), check.measures(), violations, row.effectiveFrom());
    }

    public Verdict validate(PostContent content, Network network, ValidationOptions options, LocalDate on) {
        NetworkRules row = rules.forNetwork(network, on);
        List<Violation> violations = new ArrayList<>();
        String field = content.variants().containsKey(network) ? "variants." + network.name() : "text";
        boolean hasMedia = !content.media().isEmpty();
        TextCheck main = checkText(row, network, field, content.textFor(network), options, hasMedia, violations);
        for (int i = 0; i < content.thread().size(); i++) {
            // A follow-up part has no media of its own in this model, so it always needs text.
            checkText(row, network, "thread[" + i + "]", content.thread().get(i), options, false, violations);
        }
        content.firstComment().ifPresent(comment -> checkText(row, network, "firstComment", comment, options, false, violations));
        checkMedia(row, network, content.media(), violations);
        return Verdict.of(network, main.limit(), main.measures(), violations, row.effectiveFrom());
    }

    private static TextCheck checkText(NetworkRules row, Network network, String field, String text, ValidationOptions options,
            boolean hasMedia, List<Violation> violations) {
        boolean required = switch (row.textRequirement()) {
            case ALWAYS -> true;
            case UNLESS_MEDIA -> !hasMedia;
            case NEVER -> false;
        };
        if (required && text.isBlank()) {
            violations.add(new Violation(network, "text-required",
                    network.label() + " needs text" + (row.textRequirement() == TextRequirement.UNLESS_MEDIA ? " when the post has no media" : ""),
                    field, 0, text.length()));
        }
        TextCheck check = row.text().check(text, options);
        for (Finding f : check.findings()) violations.add(Violation.of(network, field, f));
        // Only networks with a cap in the table have one; the team may lower or raise it (ValidationOptions.hashtagCap).
        if (row.defaultHashtagCap() > 0) {
            int cap = options.hashtagCap().orElse(row.defaultHashtagCap());
            List<Extractor.Entity> tags = new Extractor().extractHashtagsWithIndices(text);
            if (tags.size() > cap) {
                violations.add(new Violation(network, "max-hashtags",
                        network.label() + " posts here carry at most " + cap + " hashtags; this text has " + tags.size(),
                        field, tags.get(cap).getStart(), tags.get(tags.size() - 1).getEnd()));
            }
        }
        return check;
    }

    private static void checkMedia(NetworkRules row, Network network, List<Media> media, List<Violation> violations) {
        MediaRules rules = row.media();
        String name = network.label();
        if (rules.required() && media.isEmpty()) {
            violations.add(new Violation(network, "media-required", name + " needs at least one image or video", "media", 0, 0));
        }
        int images = 0;
        int videos = 0;
        for (int i = 0; i < media.size(); i++) {
            Media m = media.get(i);
            String field = "media[" + i + "]";
            if (m.isImage()) {
                images++;
                if (rules.maxImages() == 0 || !accepts(rules.imageTypes(), m.mimeType())) {
                    violations.add(new Violation(network, "media-type", name + " does not take " + m.mimeType()
                            + (rules.imageTypes().isEmpty() ? "" : "; it takes " + String.join(", ", sorted(rules.imageTypes()))), field, 0, 0));
                } else if (rules.maxImageBytes() > 0 && m.bytes() > rules.maxImageBytes()) {
                    violations.add(new Violation(network, "max-image-bytes", name + " takes images of at most " + rules.maxImageBytes()
                            + " bytes; this one has " + m.bytes(), field, 0, 0));
                }
                if (rules.altTextRequired() && m.altText().isBlank()) {
                    violations.add(new Violation(network, "alt-text-required", name + " needs alt text on every image", field, 0, 0));
                }
            } else if (m.isVideo()) {
                videos++;
                if (rules.maxVideos() == 0 || !accepts(rules.videoTypes(), m.mimeType())) {
                    violations.add(new Violation(network, "media-type", name + " does not take " + m.mimeType()
                            + (rules.videoTypes().isEmpty() ? "" : "; it takes " + String.join(", ", sorted(rules.videoTypes()))), field, 0, 0));
                } else if (rules.maxVideoBytes() > 0 && m.bytes() > rules.maxVideoBytes()) {
                    violations.add(new Violation(network, "max-video-bytes", name + " takes videos of at most " + rules.maxVideoBytes()
                            + " bytes; this one has " + m.bytes(), field, 0, 0));
                }
            } else {
                violations.add(new Violation(network, "media-type", name + " takes images and videos only, not " + m.mimeType(), field, 0, 0));
            }
        }
        if (!rules.mixed() && images > 0 && videos > 0) {
            violations.add(new Violation(network, "no-mixed-media", name + " takes up to " + rules.maxImages() + " images or "
                    + rules.maxVideos() + " video, not both", "media", 0, 0));
        }
        if (rules.mixed() && rules.maxImages() == rules.maxVideos() && images + videos > rules.maxImages()) {
            violations.add(new Violation(network, "max-media", name + " takes at most " + rules.maxImages() + " images and videos; this post has "
                    + (images + videos), "media", 0, 0));
        } else {
            if (images > rules.maxImages() && rules.maxImages() > 0) {
                violations.add(new Violation(network, "max-images", name + " takes at most " + rules.maxImages() + " images; this post has " + images, "media", 0, 0));
            }
            if (videos > rules.maxVideos() && rules.maxVideos() > 0) {
                violations.add(new Violation(network, "max-videos", name + " takes at most " + rules.maxVideos() + " video; this post has " + videos, "media", 0, 0));
            }
        }
    }

    /** An empty set accepts any type of the kind (Bluesky's {@code accept: image/*}). */
    private static boolean accepts(Set<String> types, String mimeType) {
        return types.isEmpty() || types.contains(mimeType);
    }

    private static List<String> sorted(Set<String> types) {
        return types.stream().sorted().toList();
    }
}
