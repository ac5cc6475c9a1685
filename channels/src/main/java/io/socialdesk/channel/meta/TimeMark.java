package io.socialdesk.channel.meta;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The import cursor of the Meta connectors: the time of the newest item imported (seconds, as Meta
 * gives them) and the ids imported at exactly that second, so that two comments written in the same
 * second are neither lost nor imported twice. Written as {@code 1714555800} or {@code 1714555800:id1,id2}.
 */
public record TimeMark(long epochSecond, Set<String> idsAtSecond) {
    public TimeMark {
        idsAtSecond = Set.copyOf(idsAtSecond);
    }

    public static TimeMark at(Instant instant) {
        return new TimeMark(instant.getEpochSecond(), Set.of());
    }

    /** The mark a cursor holds, or null when the text is not one of ours. */
    public static TimeMark parse(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String[] parts = cursor.trim().split(":", 2);
        try {
            long seconds = Long.parseLong(parts[0]);
            Set<String> ids = parts.length == 2 && !parts[1].isEmpty()
                    ? new LinkedHashSet<>(Arrays.asList(parts[1].split(","))) : Set.of();
            return new TimeMark(seconds, ids);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether an item at {@code time} with {@code id} comes after this mark (is new). */
    public boolean isBefore(Instant time, String id) {
        long seconds = time.getEpochSecond();
        return seconds > epochSecond || (seconds == epochSecond && !idsAtSecond.contains(id));
    }

    /** This mark moved past an item: a later second starts a new id set, the same second adds to it. */
    public TimeMark advancedTo(Instant time, String id) {
        long seconds = time.getEpochSecond();
        if (seconds > epochSecond) {
            return new TimeMark(seconds, Set.of(id));
        }
        if (seconds == epochSecond && !idsAtSecond.contains(id)) {
            Set<String> ids = new LinkedHashSet<>(idsAtSecond);
            ids.add(id);
            return new TimeMark(seconds, ids);
        }
        return this;
    }

    public String cursor() {
        return idsAtSecond.isEmpty() ? Long.toString(epochSecond)
                : epochSecond + ":" + idsAtSecond.stream().sorted().collect(Collectors.joining(","));
    }
}
