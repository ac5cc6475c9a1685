package io.socialdesk.web.page;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.post.Post;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The post panel: what will go out on each network, the thread, tags and plan, as the viewer reads
 * it. Shown on the server's item page and, in Jira, on the issue. Getters only (Velocity allowlist).
 */
public final class PostPanel {
    public static final String TEMPLATE = "templates/socialdesk/post-panel.vm";

    private final Post post;
    private final String plannedForViewer;
    private final String updatedForViewer;
    private final String editUrl;

    private PostPanel(Post post, ZoneId viewerZone, Locale locale, String editUrl) {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
        this.post = post;
        this.plannedForViewer = post.planned().instant().atZone(viewerZone).format(format);
        this.updatedForViewer = post.updatedAt().atZone(viewerZone).format(format);
        this.editUrl = editUrl;
    }

    /** The template context: {@code panel}, the panel itself. */
    public static Map<String, Object> context(Post post, ZoneId viewerZone, Locale locale, String editUrl) {
        Map<String, Object> context = new HashMap<>();
        context.put("panel", new PostPanel(post, viewerZone, locale, editUrl));
        context.put("hasReview", false);
        return context;
    }

    /**
     * The panel with its review part ({@code review}, a {@link ReviewPanel}; {@code hasReview} true):
     * the review as {@code viewer} sees it, with the post's audit trail, sent to {@code restBase}.
     */
    public static Map<String, Object> context(io.socialdesk.core.approval.ReviewService.Review review,
            io.socialdesk.core.user.User viewer, Locale locale, String editUrl, String restBase) {
        Map<String, Object> context = context(review.post(), viewer.zone(), locale, editUrl);
        context.put("review", new ReviewPanel(review, viewer, locale, restBase));
        context.put("hasReview", true);
        return context;
    }

    /** One network's own text. */
    public static final class Variant {
        private final String network;
        private final String text;

        Variant(String network, String text) {
            this.network = network;
            this.text = text;
        }

        public String getNetwork() { return network; }
        public String getText() { return text; }
    }

    public long getId() { return post.id(); }
    public String getKey() { return post.item().key(); }
    public String getTitle() { return BidiControls.reveal(post.title()); }
    public String getText() { return BidiControls.reveal(post.text()); }
    public String getState() { return post.state().name(); }
    public String getStateKey() { return "socialdesk.state." + post.state().name().toLowerCase(Locale.ROOT); }
    public String getPlannedForViewer() { return plannedForViewer; }
    public String getPlannedAsWritten() { return post.planned().local() + " " + post.planned().zone().getId(); }
    public String getPlannedInstant() { return post.planned().instant().toString(); }
    public boolean getHasVariants() { return !post.content().variants().isEmpty(); }

    public List<Variant> getVariants() {
        List<Variant> variants = new ArrayList<>();
        for (Network network : Network.values()) {
            String text = post.content().variants().get(network);
            if (text != null) variants.add(new Variant(network.label(), BidiControls.reveal(text)));
        }
        return variants;
    }

    public boolean getHasThread() { return !post.content().thread().isEmpty(); }
    public List<String> getThread() { return post.content().thread().stream().map(BidiControls::reveal).toList(); }
    public String getFirstComment() { return BidiControls.reveal(post.content().firstComment().orElse("")); }
    public String getHashtags() { return post.content().hashtags().stream().map(tag -> "#" + tag).collect(Collectors.joining(" ")); }
    public String getCampaign() { return post.content().campaign(); }
    public String getLanguage() { return post.content().language(); }
    public int getVersion() { return post.version(); }
    public String getUpdatedBy() { return post.updatedBy(); }
    public String getUpdatedForViewer() { return updatedForViewer; }
    public String getEditUrl() { return editUrl; }
}
