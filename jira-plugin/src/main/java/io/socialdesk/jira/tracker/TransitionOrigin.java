package io.socialdesk.jira.tracker;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who is moving an issue right now, on this thread: Jira (a person took a transition and our
 * post-function is applying it to the engine) or the engine (we are mirroring its new state onto
 * the issue). Each side skips its echo: without this, a submit taken in Jira would ask Jira to
 * transition the issue it is already transitioning, and a mirrored transition would run our
 * post-function and apply the action to the engine a second time.
 */
public final class TransitionOrigin {
    private static final ThreadLocal<Set<Long>> FROM_JIRA = ThreadLocal.withInitial(HashSet::new);
    private static final ThreadLocal<Set<Long>> FROM_ENGINE = ThreadLocal.withInitial(HashSet::new);

    private TransitionOrigin() {}

    /** Runs {@code work} (an engine action) while Jira is transitioning this issue. */
    public static <T> T jiraTransitioning(long issueId, Supplier<T> work) {
        return within(FROM_JIRA.get(), issueId, work);
    }

    /** Runs {@code work} (a Jira transition) while the engine's new state is being mirrored onto this issue. */
    public static <T> T engineMirroring(long issueId, Supplier<T> work) {
        return within(FROM_ENGINE.get(), issueId, work);
    }

    public static boolean isJiraTransitioning(long issueId) {
        return FROM_JIRA.get().contains(issueId);
    }

    public static boolean isEngineMirroring(long issueId) {
        return FROM_ENGINE.get().contains(issueId);
    }

    private static <T> T within(Set<Long> ongoing, long issueId, Supplier<T> work) {
        boolean added = ongoing.add(issueId);
        try {
            return work.get();
        } finally {
            if (added) ongoing.remove(issueId);
        }
    }
}
