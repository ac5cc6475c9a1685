package io.socialdesk.web.page;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.post.Media;
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

    public static Map<String, Object> context(Post post, String restBase, String backUrl) {
        List<VariantField> variants = new ArrayList<>();
        for (Network network : Network.values()) {
            if (network == Network.WEBHOOK) continue; // a webhook posts the master text
            variants.add(new VariantField(network, post.content().variants().getOrDefault(network, "")));
        }
        Map<String, Object> context = new HashMap<>();
        context.put("post", new Fields(post));
        context.put("variants", variants);
        context.put("media", post.content().media().stream().map(m -> new MediaField(m, restBase)).toList());
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
        public String getAccountIds() { return String.join(",", post.content().accountIds().stream().map(String::valueOf).toList()); }
    }
}
