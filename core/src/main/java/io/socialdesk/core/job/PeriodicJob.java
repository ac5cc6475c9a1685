package io.socialdesk.core.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/** {@link Job#every} and {@link Job#onEveryNode}: a key, an interval and the work. */
record PeriodicJob(String key, Duration interval, boolean onEveryNode, Consumer<Instant> work) implements Job {
    PeriodicJob {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(work, "work");
    }

    @Override
    public void run(Instant startedAt) {
        work.accept(startedAt);
    }
}
