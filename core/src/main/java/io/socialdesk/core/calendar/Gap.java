package io.socialdesk.core.calendar;

import java.time.LocalDate;

/**
 * No post on an account for at least its gap days: the days {@code [from, to)} in the viewer's zone have
 * none. {@code afterPostId} is the last post before (0 when the gap starts with the range).
 */
public record Gap(long accountId, LocalDate from, LocalDate to, long days, long afterPostId) {}
