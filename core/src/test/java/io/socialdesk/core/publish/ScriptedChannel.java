package io.socialdesk.core.publish;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.AccountHealth;
import io.socialdesk.core.channel.Channel;
import io.socialdesk.core.channel.ChannelAccount;
import io.socialdesk.core.channel.Connection;
import io.socialdesk.core.channel.Delivery;
import io.socialdesk.core.channel.ImportBatch;
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.channel.Progress;
import io.socialdesk.core.channel.RemotePost;
import io.socialdesk.core.channel.Stream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A network played by the test: each publish and settle call takes the next scripted answer for its account
 * (Sent with a fresh remote post when nothing is scripted for publish, Unknown for settle), every call is
 * recorded with the delivery it carried, and the account's "next allowed at" is whatever the test sets. It
 * also counts calls in flight per account, to prove the engine's pacing.
 */
final class ScriptedChannel implements Channel {
    /** One call as the network saw it. */
    record Call(long accountId, Delivery delivery, Outcome answer, boolean settle) {
        String key() {
            return delivery.key();
        }
    }

    private final Map<Long, Deque<Outcome>> publishAnswers = new ConcurrentHashMap<>();
    private final Map<Long, Deque<Outcome>> settleAnswers = new ConcurrentHashMap<>();
    private final Map<Long, Instant> nextAllowed = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<Long, Integer> maxInFlight = new ConcurrentHashMap<>();
    private final AtomicInteger inFlightAll = new AtomicInteger();
    private final AtomicInteger maxInFlightAll = new AtomicInteger();
    private final AtomicInteger posted = new AtomicInteger();
    final List<Call> published = new CopyOnWriteArrayList<>();
    final List<Call> settled = new CopyOnWriteArrayList<>();
    /** Publish and settle calls together, in the order they were answered. */
    final List<Call> calls = new CopyOnWriteArrayList<>();
    /** Whether it drops a repeat of a key it has (an idempotent network): the engine then writes no "sending now" mark first. */
    volatile boolean dropsRepeats;
    /** Runs inside each publish call, while it is in flight (a slow network, a clock that jumps). */
    volatile Consumer<Call> during = c -> { };

    @Override
    public boolean resendIsSafe(io.socialdesk.core.channel.ChannelAccount account) {
        return dropsRepeats;
    }

    ScriptedChannel publishes(long accountId, Outcome... answers) {
        Deque<Outcome> q = publishAnswers.computeIfAbsent(accountId, k -> new ArrayDeque<>());
        synchronized (q) {
            q.addAll(List.of(answers));
        }
        return this;
    }

    ScriptedChannel settles(long accountId, Outcome... answers) {
        Deque<Outcome> q = settleAnswers.computeIfAbsent(accountId, k -> new ArrayDeque<>());
        synchronized (q) {
            q.addAll(List.of(answers));
        }
        return this;
    }

    void allowNextAt(long accountId, Instant at) {
        nextAllowed.put(accountId, at);
    }

    int maxInFlight(long accountId) {
        return maxInFlight.getOrDefault(accountId, 0);
    }

    int maxInFlightAll() {
        return maxInFlightAll.get();
    }

    List<Call> publishedFor(long accountId) {
        return published.stream().filter(c -> c.accountId() == accountId).toList();
    }

    /** A remote post as a network would answer it. */
    RemotePost fresh() {
        int n = posted.incrementAndGet();
        return RemotePost.of("remote-" + n, "https://social.example/@shop/" + n);
    }

    private Outcome next(Map<Long, Deque<Outcome>> script, long accountId, Outcome otherwise) {
        Deque<Outcome> q = script.get(accountId);
        if (q == null) return otherwise;
        synchronized (q) {
            return q.isEmpty() ? otherwise : q.poll();
        }
    }

    @Override
    public Network network() {
        return Network.MASTODON;
    }

    @Override
    public Connection connection() {
        return (Connection.AppPassword) (instance, identifier, password) -> {
            throw new UnsupportedOperationException("The scripted network is connected through the store");
        };
    }

    @Override
    public Outcome publish(ChannelAccount account, Delivery delivery, Progress progress) {
        int now = inFlight.computeIfAbsent(account.id(), k -> new AtomicInteger()).incrementAndGet();
        maxInFlight.merge(account.id(), now, Math::max);
        maxInFlightAll.accumulateAndGet(inFlightAll.incrementAndGet(), Math::max);
        try {
            Outcome answer = next(publishAnswers, account.id(), null);
            if (answer == null) answer = new Outcome.Sent(fresh());
            Call call = new Call(account.id(), delivery, answer, false);
            during.accept(call);
            published.add(call);
            calls.add(call);
            return answer;
        } finally {
            inFlightAll.decrementAndGet();
            inFlight.get(account.id()).decrementAndGet();
        }
    }

    @Override
    public Outcome settle(ChannelAccount account, Delivery delivery) {
        Outcome answer = next(settleAnswers, account.id(), new Outcome.Unknown("The network cannot tell"));
        Call call = new Call(account.id(), delivery, answer, true);
        settled.add(call);
        calls.add(call);
        return answer;
    }

    @Override
    public Outcome delete(ChannelAccount account, RemotePost post) {
        return new Outcome.Sent(post);
    }

    @Override
    public Set<Stream> streams() {
        return Set.of();
    }

    @Override
    public ImportBatch fetch(ChannelAccount account, Stream stream, String cursor) {
        return new ImportBatch(List.of(), cursor, false, null, null);
    }

    @Override
    public AccountHealth check(ChannelAccount account) {
        return new AccountHealth(Instant.EPOCH, null, null, account.remoteId(), account.handle(), Set.of(), null);
    }

    @Override
    public Instant nextAllowedAt(ChannelAccount account) {
        return nextAllowed.getOrDefault(account.id(), Instant.EPOCH);
    }
}
