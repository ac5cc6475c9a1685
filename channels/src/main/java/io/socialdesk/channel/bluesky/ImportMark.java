package io.socialdesk.channel.bluesky;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The high-water mark of a notification import, stored as the stream's cursor: the newest
 * {@code indexedAt} already imported and the URIs of the items at exactly that instant (several
 * notifications can share one), written as {@code "<ISO instant> <uri> <uri>…"}. Bluesky's own cursor
 * pages only backwards, so it cannot serve as a "since" position; this mark is where paging stops.
 */
record ImportMark(Instant at, List<String> uris) {
    /** Items at the same instant kept in the mark; more than this at one instant is not realistic. */
    static final int MAX_URIS = 50;

    ImportMark {
        uris = List.copyOf(uris);
    }

    static ImportMark at(Instant at) {
        return new ImportMark(at, List.of());
    }

    /** The mark in {@code cursor}, or null when there is none or it is not one this connector wrote. */
    static ImportMark parse(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String[] parts = cursor.strip().split(" ");
        try {
            Instant at = Instant.parse(parts[0]);
            List<String> uris = new ArrayList<>();
            for (int i = 1; i < parts.length && uris.size() < MAX_URIS; i++) {
                if (AtprotoSyntax.isAtUri(parts[i])) {
                    uris.add(parts[i]);
                }
            }
            return new ImportMark(at, uris);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** True when an item indexed at {@code indexedAt} was imported before: older than the mark, or one of its URIs. */
    boolean covers(Instant indexedAt, String uri) {
        return indexedAt.isBefore(at) || (indexedAt.equals(at) && uris.contains(uri));
    }

    /** This mark moved to include an item (the newer instant wins; the same instant adds the URI). */
    ImportMark include(Instant indexedAt, String uri) {
        if (indexedAt.isAfter(at)) {
            return new ImportMark(indexedAt, List.of(uri));
        }
        if (indexedAt.equals(at) && !uris.contains(uri) && uris.size() < MAX_URIS) {
            Set<String> more = new LinkedHashSet<>(uris);
            more.add(uri);
            return new ImportMark(at, new ArrayList<>(more));
        }
        return this;
    }

    String encode() {
        StringBuilder s = new StringBuilder(at.toString());
        for (String uri : uris) {
            s.append(' ').append(uri);
        }
        return s.toString();
    }
}
