package io.socialdesk.web.rest;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.approval.Department;
import io.socialdesk.core.calendar.Blackout;
import io.socialdesk.core.calendar.CalendarData;
import io.socialdesk.core.calendar.CalendarEntry;
import io.socialdesk.core.calendar.CalendarFilter;
import io.socialdesk.core.calendar.CalendarQuery;
import io.socialdesk.core.calendar.Clash;
import io.socialdesk.core.calendar.Gap;
import io.socialdesk.core.calendar.KeyDate;
import io.socialdesk.core.post.PostState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /calendar-data}: what a calendar shows ({@link CalendarData}) as plain JSON (text dates, no Java time
 * types), so that another host rebuilds the same data and renders the same view model with the same templates: the
 * Confluence macro reads it from the Jira app. {@code accounts}: the accounts the clashes and gaps name.
 */
public record CalendarDataJson(Query query, List<Entry> entries, boolean truncated, List<Day> keyDates, List<Period> blackouts,
        List<ClashJson> clashes, List<GapJson> gaps, String today, List<AccountRef> accounts) {

    public record Query(String view, String from, String to, String zone, Map<String, List<String>> filter, List<String> countries) {}

    public record Entry(long postId, String itemKey, String title, String plannedAt, String plannedZone, String plannedLocal, List<String> networks,
            List<Long> accountIds, String state, String campaign, String author, List<String> departments, int version, String path,
            String updatedAt) {}

    public record Day(String date, String name, String kind, String note, String region, long teamDateId) {}

    public record Period(long id, String projectKey, String name, String kind, String start, String end, String zone, List<Long> accountIds,
            String reason, String createdAt, int version) {}

    public record ClashJson(long accountId, long firstPostId, long secondPostId, String first, String second, long apartSeconds,
            long minimumSeconds) {}

    public record GapJson(long accountId, String from, String to, long days, long afterPostId) {}

    public record AccountRef(long id, String network, String handle, String displayName) {}

    public static CalendarDataJson of(CalendarData data, List<Account> known) {
        CalendarQuery q = data.query();
        CalendarFilter f = q.filter();
        Map<String, List<String>> filter = new LinkedHashMap<>();
        put(filter, "network", f.networks().stream().map(Network::name).toList());
        put(filter, "account", f.accountIds().stream().map(String::valueOf).toList());
        put(filter, "campaign", List.copyOf(f.campaigns()));
        put(filter, "state", f.states().stream().map(PostState::name).toList());
        put(filter, "author", List.copyOf(f.authors()));
        put(filter, "department", f.departments().stream().map(Department::name).toList());
        Query query = new Query(q.view().slug(), q.from().toString(), q.to().toString(), q.zone().getId(), filter,
                q.countries().stream().sorted().toList());
        List<Entry> entries = data.entries().stream().map(e -> new Entry(e.postId(), e.itemKey(), e.title(), e.plannedAt().toString(),
                e.plannedZone().getId(), e.plannedLocal().toString(), e.networks().stream().map(Network::name).toList(), e.accountIds(),
                e.state().name(), e.campaign(), e.authorKey(), e.departments().stream().map(Department::name).sorted().toList(), e.version(),
                e.path(), e.updatedAt().toString())).toList();
        List<Day> days = data.keyDates().stream()
                .map(d -> new Day(d.date().toString(), d.name(), d.kind().name(), d.note(), d.region(), d.teamDateId())).toList();
        List<Period> periods = data.blackouts().stream().map(b -> new Period(b.id(), b.projectKey(), b.name(), b.kind().name(),
                b.start().toString(), b.end().toString(), b.zone().getId(), List.copyOf(b.accountIds()), b.reason(), b.createdAt().toString(),
                b.version())).toList();
        List<ClashJson> clashes = data.clashes().stream().map(c -> new ClashJson(c.accountId(), c.firstPostId(), c.secondPostId(),
                c.first().toString(), c.second().toString(), c.apart().toSeconds(), c.minimum().toSeconds())).toList();
        List<GapJson> gaps = data.gaps().stream()
                .map(g -> new GapJson(g.accountId(), g.from().toString(), g.to().toString(), g.days(), g.afterPostId())).toList();
        Set<Long> named = new LinkedHashSet<>();
        data.clashes().forEach(c -> named.add(c.accountId()));
        data.gaps().forEach(g -> named.add(g.accountId()));
        List<AccountRef> accounts = known.stream().filter(a -> named.contains(a.id()))
                .map(a -> new AccountRef(a.id(), a.network().name(), a.handle(), a.displayName())).toList();
        return new CalendarDataJson(query, entries, data.truncated(), days, periods, clashes, gaps, data.today().toString(), accounts);
    }

    private static void put(Map<String, List<String>> filter, String name, List<String> values) {
        if (!values.isEmpty()) filter.put(name, values);
    }

    /** The data again; entries placed in the query's zone, as the calendar that sent them placed them. */
    public CalendarData toData() {
        ZoneId viewer = ZoneId.of(query.zone());
        Map<String, List<String>> f = query.filter() == null ? Map.of() : query.filter();
        CalendarFilter filter = CalendarFilter.read(f.getOrDefault("network", List.of()), f.getOrDefault("account", List.of()),
                f.getOrDefault("campaign", List.of()), f.getOrDefault("state", List.of()), f.getOrDefault("author", List.of()),
                f.getOrDefault("department", List.of()));
        CalendarQuery q = new CalendarQuery(CalendarQuery.View.valueOf(query.view().toUpperCase(Locale.ROOT)), LocalDate.parse(query.from()),
                LocalDate.parse(query.to()), viewer, filter, new LinkedHashSet<>(query.countries()));
        List<CalendarEntry> calendarEntries = new ArrayList<>();
        for (Entry e : entries) {
            Instant at = Instant.parse(e.plannedAt());
            Set<Department> departments = new LinkedHashSet<>();
            e.departments().forEach(d -> departments.add(Department.valueOf(d)));
            calendarEntries.add(new CalendarEntry(e.postId(), e.itemKey(), e.title(), at, ZoneId.of(e.plannedZone()), LocalDateTime.parse(e.plannedLocal()),
                    viewer, LocalDateTime.ofInstant(at, viewer), e.networks().stream().map(Network::valueOf).toList(), e.accountIds(),
                    PostState.valueOf(e.state()), e.campaign(), e.author(), departments, e.version(), e.path(), Instant.parse(e.updatedAt())));
        }
        List<KeyDate> keyDates = keyDates().stream().map(d -> new KeyDate(LocalDate.parse(d.date()), d.name(), KeyDate.Kind.valueOf(d.kind()),
                d.note(), d.region(), d.teamDateId())).toList();
        List<Blackout> periods = blackouts().stream().map(b -> new Blackout(b.id(), b.projectKey(), b.name(), Blackout.Kind.valueOf(b.kind()),
                Instant.parse(b.start()), Instant.parse(b.end()), ZoneId.of(b.zone()), new LinkedHashSet<>(b.accountIds()), b.reason(), "",
                Instant.parse(b.createdAt()), b.version())).toList();
        List<Clash> clashList = clashes().stream().map(c -> new Clash(c.accountId(), c.firstPostId(), c.secondPostId(), Instant.parse(c.first()),
                Instant.parse(c.second()), Duration.ofSeconds(c.apartSeconds()), Duration.ofSeconds(c.minimumSeconds()))).toList();
        List<Gap> gapList = gaps().stream()
                .map(g -> new Gap(g.accountId(), LocalDate.parse(g.from()), LocalDate.parse(g.to()), g.days(), g.afterPostId())).toList();
        return new CalendarData(q, calendarEntries, truncated, keyDates, periods, clashList, gapList, LocalDate.parse(today));
    }

    /** The accounts the clashes and gaps name, as the page's words need them. */
    public List<Account> knownAccounts() {
        return accounts.stream().map(a -> new Account(a.id(), Network.valueOf(a.network()), a.handle(), a.displayName(), true)).toList();
    }
}
