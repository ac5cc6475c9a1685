package com.atlassian.util.profiling;

/** No-op stand-in for Atlassian's profiling timer; see {@link Metrics}. */
public interface Ticker extends AutoCloseable {
    @Override
    void close();
}
