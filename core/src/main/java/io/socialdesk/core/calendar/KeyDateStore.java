package io.socialdesk.core.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: where the team's own key dates are kept (Active Objects in both hosts, memory in tests). */
public interface KeyDateStore {
    List<TeamKeyDate> list();

    Optional<TeamKeyDate> find(long id);

    TeamKeyDate create(String projectKey, String name, KeyDateRule rule, String note, String createdBy, Instant at);

    /** True when there was such a date. */
    boolean delete(long id);
}
