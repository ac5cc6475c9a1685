package io.socialdesk.store.approval;

import io.socialdesk.core.approval.ContentHash;
import io.socialdesk.core.approval.ContentSnapshot;
import io.socialdesk.core.approval.ContentVersions;
import io.socialdesk.core.post.PostContent;
import io.socialdesk.store.ao.AoAccess;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import net.java.ao.Query;

/** {@link ContentVersions} over Active Objects: inserted once per (post, hash), never changed. */
public final class AoContentVersions implements ContentVersions {
    private final AoAccess ao;

    public AoContentVersions(AoAccess ao) {
        this.ao = ao;
    }

    @Override
    public String save(long postId, PostContent content) {
        String hash = ContentHash.of(content);
        if (find(postId, hash).isPresent()) return hash;
        Map<String, Object> values = new HashMap<>();
        values.put("VERSION_KEY", postId + ":" + hash);
        values.put("POST_ID", postId);
        values.put("CONTENT_HASH", hash);
        values.put("CONTENT", ContentSnapshot.encode(content));
        try {
            ao.create(ContentVersionEntity.class, values);
        } catch (RuntimeException e) { // StoreException on the server; the host's own exception in Jira
            // Two saves of the same content at once: the unique key let one in, which is all we need.
            if (find(postId, hash).isEmpty()) throw e;
        }
        return hash;
    }

    @Override
    public Optional<PostContent> find(long postId, String contentHash) {
        ContentVersionEntity[] rows = ao.find(ContentVersionEntity.class, Query.select().where("VERSION_KEY = ?", postId + ":" + contentHash));
        return rows.length == 0 ? Optional.empty() : Optional.of(ContentSnapshot.decode(rows[0].getContent()));
    }
}
