package io.socialdesk.core.approval;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.post.Media;
import io.socialdesk.core.post.PostContent;
import io.socialdesk.core.post.Utm;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole {@link PostContent} as text (Base64 of the same length-prefixed encoding the hash uses,
 * with every field, campaign and file names included), so that the version a reviewer approved can
 * be kept and compared with the current one ({@link ContentDiff}).
 */
public final class ContentSnapshot {
    static final String TAG = "socialdesk-snapshot-v1";

    private ContentSnapshot() {}

    public static String encode(PostContent c) {
        ContentHash.Writer w = new ContentHash.Writer();
        w.string(TAG);
        w.string(c.text());
        List<Network> networks = c.variants().keySet().stream().sorted().toList();
        w.count(networks.size());
        for (Network n : networks) {
            w.string(n.name());
            w.string(c.variants().get(n));
        }
        w.count(c.media().size());
        for (Media m : c.media()) {
            w.string(m.sha256());
            w.string(m.mimeType());
            w.longValue(m.bytes());
            w.string(m.altText());
            w.string(m.fileName());
        }
        w.strings(c.thread());
        w.count(c.firstComment().isPresent() ? 1 : 0);
        c.firstComment().ifPresent(w::string);
        w.strings(c.hashtags());
        w.string(c.utm().medium());
        w.string(c.utm().campaign());
        w.string(c.utm().content());
        w.string(c.campaign());
        w.string(c.language());
        w.count(c.accountIds().size());
        for (long id : c.accountIds()) w.longValue(id);
        return Base64.getEncoder().encodeToString(w.bytes());
    }

    public static PostContent decode(String text) {
        ByteBuffer in = ByteBuffer.wrap(Base64.getDecoder().decode(text));
        if (!string(in).equals(TAG)) throw new IllegalArgumentException("not a content snapshot");
        String body = string(in);
        Map<Network, String> variants = new EnumMap<>(Network.class);
        for (int i = in.getInt(); i > 0; i--) variants.put(Network.valueOf(string(in)), string(in));
        List<Media> media = new ArrayList<>();
        for (int i = in.getInt(); i > 0; i--) media.add(new Media(string(in), string(in), in.getLong(), string(in), string(in)));
        List<String> thread = strings(in);
        Optional<String> firstComment = in.getInt() == 1 ? Optional.of(string(in)) : Optional.empty();
        List<String> hashtags = strings(in);
        Utm utm = new Utm(string(in), string(in), string(in));
        String campaign = string(in);
        String language = string(in);
        List<Long> accounts = new ArrayList<>();
        for (int i = in.getInt(); i > 0; i--) accounts.add(in.getLong());
        if (in.hasRemaining()) throw new IllegalArgumentException("trailing bytes in a content snapshot");
        return new PostContent(body, variants, media, thread, firstComment, hashtags, utm, campaign, language, accounts);
    }

    private static String string(ByteBuffer in) {
        int n = in.getInt();
        char[] chars = new char[n];
        for (int i = 0; i < n; i++) chars[i] = in.getChar();
        return new String(chars);
    }

    private static List<String> strings(ByteBuffer in) {
        List<String> out = new ArrayList<>();
        for (int i = in.getInt(); i > 0; i--) out.add(string(in));
        return out;
    }
}
