package io.socialdesk.core.calendar;

import java.time.Duration;
import java.time.Instant;

/** Two posts on one account closer than the account's minimum spacing. */
public record Clash(long accountId, long firstPostId, long secondPostId, Instant first, Instant second, Duration apart, Duration minimum) {}
