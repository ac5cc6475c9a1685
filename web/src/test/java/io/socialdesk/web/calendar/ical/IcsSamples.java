package io.socialdesk.web.calendar.ical;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** Feeds the validity tests (ical4j strict, ical.js) parse: posts at 09:00 Paris on both sides of both clock changes. */
final class IcsSamples {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Instant EDITED = Instant.parse("2026-02-20T08:15:00Z");

    private IcsSamples() {}

    static IcsEvent post(long id, LocalDateTime local, ZoneId zone, int sequence, IcsEvent.Status status, String title) {
        return new IcsEvent("post-" + id + "@socialdesk", title, local.atZone(zone), Duration.ofMinutes(15),
                "Networks: Mastodon, Bluesky\nState: " + status.name().toLowerCase(java.util.Locale.ROOT) + "\nhttps://desk.example/posts/" + id,
                URI.create("https://desk.example/posts/" + id), sequence, EDITED, status, List.of("Mastodon", "Bluesky"));
    }

    /** Saturdays and Mondays around 29 March 2026 and 25 October 2026 (the EU changes), one in New York (8 March). */
    static List<IcsEvent> acrossClockChanges() {
        return List.of(
                post(1, LocalDateTime.parse("2026-03-28T09:00"), PARIS, 1, IcsEvent.Status.CONFIRMED, "Before spring, Paris"),
                post(2, LocalDateTime.parse("2026-03-30T09:00"), PARIS, 3, IcsEvent.Status.CONFIRMED, "After spring, Paris"),
                post(3, LocalDateTime.parse("2026-10-24T09:00"), PARIS, 2, IcsEvent.Status.TENTATIVE, "Before autumn; \"quoted\", comma, back\\slash"),
                post(4, LocalDateTime.parse("2026-10-26T09:00"), PARIS, 5, IcsEvent.Status.CANCELLED, "After autumn, cancelled <img src=x onerror=alert(1)>"),
                post(5, LocalDateTime.parse("2026-03-09T09:00"), NEW_YORK, 1, IcsEvent.Status.CONFIRMED,
                        "New York après le changement d'heure, un titre assez long pour être replié sur plusieurs lignes 🎉🎉"));
    }

    static List<IcsDay> keyDates() {
        return List.of(new IcsDay("keydate-cm-day-2026@socialdesk", "Community Manager Appreciation Day", LocalDate.parse("2026-01-26"),
                        LocalDate.parse("2026-01-26"), "Fourth Monday of January", 0, EDITED),
                new IcsDay("blackout-7@socialdesk", "Blackout: results", LocalDate.parse("2026-04-28"), LocalDate.parse("2026-04-30"),
                        "No post may be scheduled", 2, EDITED));
    }
}
