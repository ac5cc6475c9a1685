package io.socialdesk.core.inbox;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.AccountHealth;
import io.socialdesk.core.channel.Channel;
import io.socialdesk.core.channel.ChannelAccount;
import io.socialdesk.core.channel.Connection;
import io.socialdesk.core.channel.Delivery;
import io.socialdesk.core.channel.ImportBatch;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.channel.Progress;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.channel.Stream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A network that serves its mentions in pages the test sets (the cursor is the next page's number), and answers
 * ancestors from the posts it is told about. A page may be set to fail.
 */
final class PagedChannel implements Channel {
    private final Network network;
    private final List<List<Inbound>> pages = new CopyOnWriteArrayList<>();
    private final Map<String, Inbound> posts = new HashMap<>();
    private volatile boolean ancestry;
    private volatile String failWith;
    private volatile Instant failUntil;
    final List<String> cursorsAsked = new CopyOnWriteArrayList<>();

    PagedChannel(Network network) {
        this.network = network;
    }

    PagedChannel page(Inbound... items) {
        pages.add(List.of(items));
        return this;
    }

    PagedChannel page(List<Inbound> items) {
        pages.add(List.copyOf(items));
        return this;
    }

    /** Answers ancestors from these posts (as a network that can look a thread up does). */
    synchronized PagedChannel knowing(Inbound... known) {
        ancestry = true;
        for (Inbound post : known) posts.put(post.externalId(), post);
        return this;
    }

    /** The next fetches fail, asking not to be called before {@code until}. */
    PagedChannel failing(String why, Instant until) {
        this.failWith = why;
        this.failUntil = until;
        return this;
    }

    PagedChannel working() {
        this.failWith = null;
        return this;
    }

    @Override
    public Network network() {
        return network;
    }

    @Override
    public Connection connection() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Outcome publish(ChannelAccount account, Delivery delivery, Progress progress) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Outcome settle(ChannelAccount account, Delivery delivery) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Outcome delete(ChannelAccount account, RemotePost post) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Set<Stream> streams() {
        return Set.of(Stream.MENTIONS);
    }

    @Override
    public ImportBatch fetch(ChannelAccount account, Stream stream, String cursor) {
        cursorsAsked.add(String.valueOf(cursor));
        if (failWith != null) return ImportBatch.failed(cursor, failWith, failUntil);
        int index = cursor == null ? 0 : Integer.parseInt(cursor);
        if (index >= pages.size()) return ImportBatch.of(List.of(), cursor, false);
        return ImportBatch.of(pages.get(index), Integer.toString(index + 1), index + 1 < pages.size());
    }

    @Override
    public synchronized List<Inbound> ancestors(ChannelAccount account, Inbound item, int max) {
        if (!ancestry) return List.of();
        List<Inbound> chain = new ArrayList<>();
        String parent = item.parentId();
        while (parent != null && chain.size() < max) {
            Inbound found = posts.get(parent);
            if (found == null) break;
            chain.add(found);
            parent = found.parentId();
        }
        return chain;
    }

    @Override
    public AccountHealth check(ChannelAccount account) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instant nextAllowedAt(ChannelAccount account) {
        return allowedAt.get();
    }

    /** What {@link #nextAllowedAt} answers (a connector's rate limits answer "now" by their own clock when nothing holds). */
    PagedChannel allowedAt(java.util.function.Supplier<Instant> answer) {
        this.allowedAt = answer;
        return this;
    }

    private volatile java.util.function.Supplier<Instant> allowedAt = () -> Instant.EPOCH;
}
