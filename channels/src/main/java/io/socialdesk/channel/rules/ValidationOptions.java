package io.socialdesk.channel.rules;

import java.util.OptionalInt;

/**
 * What the rules table cannot know by itself: a Mastodon instance's own {@code max_characters}
 * and {@code characters_reserved_per_url} (from {@code GET /api/v2/instance}), and the team's own
 * Instagram hashtag cap. Empty means "use the table's default".
 */
public record ValidationOptions(OptionalInt instanceLimit, OptionalInt urlReservation, OptionalInt hashtagCap) {
    public static final ValidationOptions DEFAULTS = new ValidationOptions(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty());

    public ValidationOptions {
        instanceLimit = positive("instanceLimit", instanceLimit);
        urlReservation = positive("urlReservation", urlReservation);
        hashtagCap = positive("hashtagCap", hashtagCap);
    }

    public ValidationOptions withInstanceLimit(int limit) {
        return new ValidationOptions(OptionalInt.of(limit), urlReservation, hashtagCap);
    }

    public ValidationOptions withUrlReservation(int characters) {
        return new ValidationOptions(instanceLimit, OptionalInt.of(characters), hashtagCap);
    }

    public ValidationOptions withHashtagCap(int cap) {
        return new ValidationOptions(instanceLimit, urlReservation, OptionalInt.of(cap));
    }

    private static OptionalInt positive(String name, OptionalInt value) {
        if (value == null) return OptionalInt.empty();
        // 0 is allowed for the URL reservation and the hashtag cap (no hashtags at all); never negative.
        if (value.isPresent() && value.getAsInt() < 0) throw new IllegalArgumentException(name + " must not be negative");
        return value;
    }
}
