package io.socialdesk.web.page;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.post.Media;
import io.socialdesk.core.post.PostState;
import java.util.EnumSet;
import java.util.Set;
import io.socialdesk.core.post.Post;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The post editor: every field of the post, a text per network, and the version being edited, so
 * that a save made meanwhile by someone else is caught (409) instead of overwritten.
 */
public final class PostEditorPage {
    public static final String TEMPLATE = "templates/socialdesk/post-editor.vm";

    private PostEditorPage() {}

    /** A network's variant field. */
    public static final class VariantField {
        private final String network;
        private final String label;
        private final String text;

        VariantField(Network network, String text) {
            this.network = network.name();
            this.label = network.label();
            this.text = text;
        }

        public String getNetwork() { return network; }
        public String getLabel() { return label; }
        public String getText() { return text; }
    }

    /** An attached file as the media section shows it: a thumbnail for an image, the file's name for a video. */
    public static final class MediaField {
        private final Media media;
        private final String url;

        MediaField(Media media, String restBase) {
            this.media = media;
            this.url = restBase + "/media/" + media.sha256();
        }

        public String getSha256() { return media.sha256(); }
        public String getMimeType() { return media.mimeType(); }
        public String getAltText() { return media.altText(); }
        public String getFileName() { return media.fileName().isEmpty() ? media.mimeType() : media.fileName(); }
        public String getUrl() { return url; }
        public boolean getImage() { return media.isImage(); }
    }

    /** The networks previewed when a post names none (no target account, no variant). */
    public static final List<Network> DEFAULT_PREVIEWS = List.of(Network.X, Network.BLUESKY, Network.MASTODON, Network.LINKEDIN, Network.THREADS);

    /** One network's live preview and counter; {@code shown} for the networks the post goes to (else shown once a variant is typed). */
    public static final class PreviewCard {
        private final String network;
        private final String label;
        private final boolean shown;

        PreviewCard(Network network, boolean shown) {
            this.network = network.name();
            this.label = network.label();
            this.shown = shown;
        }

        public String getNetwork() { return network; }
        public String getLabel() { return label; }
        public boolean getShown() { return shown; }
    }

    /** The networks the post goes to: its target accounts' and its variants', else {@link #DEFAULT_PREVIEWS}. */
    public static Set<Network> previewed(Post post, List<Account> accounts) {
        Set<Network> networks = EnumSet.noneOf(Network.class);
        networks.addAll(post.content().variants().keySet());
        Set<Long> ids = Set.copyOf(post.content().accountIds());
        accounts.stream().filter(a -> ids.contains(a.id())).map(Account::network).forEach(networks::add);
        networks.remove(Network.WEBHOOK);
        return networks.isEmpty() ? EnumSet.copyOf(DEFAULT_PREVIEWS) : networks;
    }

    public static Map<String, Object> context(Post post, String restBase, String backUrl) {
        return context(post, List.of(), restBase, backUrl);
    }

    /** {@code accounts}: the accounts the post may target, to know which networks it goes to. */
    public static Map<String, Object> context(Post post, List<Account> accounts, String restBase, String backUrl) {
        Set<Network> previewed = previewed(post, accounts);
        List<PreviewCard> previews = new ArrayList<>();
        for (Network network : Network.values()) {
            if (network != Network.WEBHOOK) previews.add(new PreviewCard(network, previewed.contains(network)));
        }
        List<VariantField> variants = new ArrayList<>();
        for (Network network : Network.values()) {
            if (network == Network.WEBHOOK) continue; // a webhook posts the master text
            variants.add(new VariantField(network, post.content().variants().getOrDefault(network, "")));
        }
        Map<String, Object> context = new HashMap<>();
        context.put("post", new Fields(post));
        context.put("variants", variants);
        context.put("media", post.content().media().stream().map(m -> new MediaField(m, restBase)).toList());
        context.put("previews", previews);
        context.put("restBase", restBase);
        context.put("backUrl", backUrl);
        return context;
    }

    /** The post's fields as the form shows them. */
    public static final class Fields {
        private final Post post;

        Fields(Post post) {
            this.post = post;
        }

        public long getId() { return post.id(); }
        public String getKey() { return post.item().key(); }
        public int getVersion() { return post.version(); }
        public String getTitle() { return post.title(); }
        public String getText() { return post.text(); }
        /** Parts separated by a line holding only {@code ---}. */
        public String getThread() { return String.join("\n---\n", post.content().thread()); }
        public String getFirstComment() { return post.content().firstComment().orElse(""); }
        public String getHashtags() { return String.join(" ", post.content().hashtags().stream().map(t -> "#" + t).toList()); }
        public String getCampaign() { return post.content().campaign(); }
        public String getLanguage() { return post.content().language(); }
        public String getPlannedAt() { return post.planned().local().toString(); }
        public String getZone() { return post.planned().zone().getId(); }
        public String getUtmMedium() { return post.content().utm().medium(); }
        public String getUtmCampaign() { return post.content().utm().campaign(); }
        public String getUtmContent() { return post.content().utm().content(); }
        public String getState() { return post.state().name(); }
        public String getStateKey() { return "socialdesk.state." + post.state().name().toLowerCase(java.util.Locale.ROOT); }
        /** Saving an approved or scheduled post sends it back to review (the workflow's EDIT); the page says so first. */
        public boolean getSendsBackToReview() { return post.state() == PostState.APPROVED || post.state() == PostState.SCHEDULED; }
        public String getAccountIds() { return String.join(",", post.content().accountIds().stream().map(String::valueOf).toList()); }
    }
}
