package com.atlassian.util.profiling;

/**
 * No-op stand-in for Atlassian's profiling metrics, which Active Objects' EntityManager calls on
 * every create and find. Inside Jira the real class is present; outside Jira it is not on Maven
 * Central, so the server host (and only the server host) carries this one. It measures nothing.
 */
public final class Metrics {
    private Metrics() {}

    public static Builder metric(String name) {
        return new Builder();
    }

    public static final class Builder {
        public Builder tag(String key, String value) {
            return this;
        }

        public Builder invokerPluginKey(String pluginKey) {
            return this;
        }

        public Builder withAnalytics() {
            return this;
        }

        public Ticker startTimer() {
            return () -> {};
        }
    }
}
