package io.socialdesk.store.inbox;

import io.socialdesk.core.inbox.OwnPosts;
import io.socialdesk.store.ao.AoAccess;
import io.socialdesk.store.publish.DeliveryEntity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.java.ao.Query;

/** {@link OwnPosts} from the publishing engine's deliveries: the remote id of every part it published. */
public final class AoOwnPosts implements OwnPosts {
    private static final int IN_CHUNK = 500;

    private final AoAccess ao;

    public AoOwnPosts(AoAccess ao) {
        this.ao = ao;
    }

    @Override
    public Set<String> ours(Collection<String> remoteIds) {
        Set<String> ours = new HashSet<>();
        List<String> all = new ArrayList<>(new HashSet<>(remoteIds));
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            String in = chunk.stream().map(id -> "?").collect(Collectors.joining(", "));
            for (DeliveryEntity row : ao.find(DeliveryEntity.class, Query.select("ID, REMOTE_ID").where("REMOTE_ID IN (" + in + ")", chunk.toArray()))) {
                ours.add(row.getRemoteId());
            }
        }
        return ours;
    }
}
