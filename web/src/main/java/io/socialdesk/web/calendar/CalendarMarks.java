package io.socialdesk.web.calendar;

import io.socialdesk.core.calendar.Blackout;
import io.socialdesk.core.calendar.Clash;
import io.socialdesk.core.calendar.Gap;
import io.socialdesk.core.calendar.KeyDate;
import java.time.Duration;
import java.time.ZoneId;
import java.time.LocalDateTime;
import java.util.List;

/** The things a calendar marks besides posts: key dates, blackout periods, clashes and gaps. Getters only. */
public final class CalendarMarks {
    private CalendarMarks() {}

    public static final class KeyDateItem {
        private final KeyDate date;

        KeyDateItem(KeyDate date) { this.date = date; }

        public String getDate() { return date.date().toString(); }
        public String getName() { return date.name(); }
        /** holiday, observance or team. */
        public String getKind() { return date.kind().slug(); }
        public String getNote() { return date.note(); }
        /** The holiday's country code ({@code FR}), empty otherwise. */
        public String getRegion() { return date.region(); }
        public long getTeamDateId() { return date.teamDateId(); }
    }

    public static final class BlackoutItem {
        private final Blackout period;

        BlackoutItem(Blackout period) { this.period = period; }

        public long getId() { return period.id(); }
        public String getName() { return period.name(); }
        /** blackout or embargo. */
        public String getKind() { return period.kind().slug(); }
        public String getStart() { return period.start().toString(); }
        public String getEnd() { return period.end().toString(); }
        public String getLocalStart() { return period.localStart().toString(); }
        public String getLocalEnd() { return period.localEnd().toString(); }
        public String getZone() { return period.zone().getId(); }
        public String getReason() { return period.reason(); }
        public String getProjectKey() { return period.projectKey(); }
        public List<Long> getAccountIds() { return period.accountIds().stream().sorted().toList(); }
        /** The sentence an author reads when a post is refused in it. */
        public String getExplanation() { return period.explain(); }
        public int getVersion() { return period.version(); }
    }

    public static final class ClashItem {
        private final Clash clash;
        private final ZoneId viewer;

        ClashItem(Clash clash, ZoneId viewer) {
            this.clash = clash;
            this.viewer = viewer;
        }

        public long getAccountId() { return clash.accountId(); }
        public long getFirstPostId() { return clash.firstPostId(); }
        public long getSecondPostId() { return clash.secondPostId(); }
        /** The two times in the viewer's zone. */
        public String getFirst() { return LocalDateTime.ofInstant(clash.first(), viewer).toString(); }
        public String getSecond() { return LocalDateTime.ofInstant(clash.second(), viewer).toString(); }
        public String getDate() { return LocalDateTime.ofInstant(clash.second(), viewer).toLocalDate().toString(); }
        public long getApartMinutes() { return clash.apart().toMinutes(); }
        public long getMinimumMinutes() { return clash.minimum().toMinutes(); }
        /** Texts for Jira's {@code getText(key, String...)}. */
        public String getApartText() { return minutes(clash.apart()); }
        public String getMinimumText() { return minutes(clash.minimum()); }
    }

    public static final class GapItem {
        private final Gap gap;

        GapItem(Gap gap) { this.gap = gap; }

        public long getAccountId() { return gap.accountId(); }
        /** First empty day shown. */
        public String getFrom() { return gap.from().toString(); }
        /** Last empty day shown (included). */
        public String getLast() { return gap.to().minusDays(1).toString(); }
        public long getDays() { return gap.days(); }
        public String getDaysText() { return Long.toString(gap.days()); }
        public long getAfterPostId() { return gap.afterPostId(); }
    }

    static String minutes(Duration d) {
        return Long.toString(d.toMinutes());
    }
}
