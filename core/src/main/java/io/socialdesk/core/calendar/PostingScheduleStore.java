package io.socialdesk.core.calendar;

import java.util.List;
import java.util.Optional;

/** Port: the accounts' posting schedules, one per account. */
public interface PostingScheduleStore {
    Optional<PostingSchedule> find(long accountId);

    List<PostingSchedule> list();

    /**
     * Saves {@code next} as version {@code expectedVersion + 1} when the stored one is still
     * {@code expectedVersion} (0: none stored yet); empty when someone saved first.
     */
    Optional<PostingSchedule> save(PostingSchedule next, int expectedVersion);
}
