package io.socialdesk.core.calendar;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.AccountStore;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.approval.ApprovalPolicy;
import io.socialdesk.core.approval.Department;
import io.socialdesk.core.approval.PolicyStore;
import io.socialdesk.core.approval.ReviewService;
import io.socialdesk.core.post.PlannedTime;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostStore;
import io.socialdesk.core.problem.ConflictException;
import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotAllowedException;
import io.socialdesk.core.problem.NotFoundException;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The editorial calendar: the posts of a bounded range with their key dates, blackout periods, clashes and gaps;
 * the team's key dates, the blackout periods and the accounts' posting schedules (kept by marketing leads and
 * admins); the next free slot of an account, a queue that fills the next free slots, and a reschedule that goes
 * through the one post workflow ({@link ReviewService}: the same checks, the blackout check, the project's policy
 * on approvals after a time-only change).
 */
public final class CalendarService {
    /** Posts one calendar answer carries at most: work stays bounded whatever the range and the data. */
    public static final int MAX_ENTRIES = 5000;
    public static final int MAX_QUEUE = 50;
    public static final int MAX_NAME = 100;
    public static final int MAX_NOTE = 1000;
    public static final int MAX_BLACKOUTS = 500;
    public static final String LEADS_ONLY = "Only marketing leads and administrators change key dates, blackout periods and posting slots";
    private static final Set<Role> KEEPERS = EnumSet.of(Role.MARKETING_LEAD, Role.ADMIN);

    private final PostStore posts;
    private final AccountStore accounts;
    private final PolicyStore policies;
    private final KeyDateStore keyDates;
    private final BlackoutStore blackouts;
    private final PostingScheduleStore schedules;
    private final ReviewService reviews;
    private final Function<Post, String> postPath;
    private final Clock clock;

    /** {@code postPath}: where the host opens a post (the server's editor, Jira's issue), a path under the host's base. */
    public CalendarService(PostStore posts, AccountStore accounts, PolicyStore policies, KeyDateStore keyDates, BlackoutStore blackouts,
            PostingScheduleStore schedules, ReviewService reviews, Function<Post, String> postPath, Clock clock) {
        this.posts = posts;
        this.accounts = accounts;
        this.policies = policies;
        this.keyDates = keyDates;
        this.blackouts = blackouts;
        this.schedules = schedules;
        this.reviews = reviews;
        this.postPath = postPath;
        this.clock = clock;
    }

    public static boolean mayKeep(User user) {
        return KEEPERS.stream().anyMatch(user::has);
    }

    public Clock clock() {
        return clock;
    }

    /** The viewer's today, in the query's zone. */
    public LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    // ---- The calendar ----

    /** Everything a view of {@code query} shows: posts that match its filter, key dates, blackouts, clashes, gaps. */
    public CalendarData calendar(CalendarQuery query) {
        Map<Long, PostingSchedule> rhythm = schedulesById(query.zone());
        int lookBack = rhythm.values().stream().mapToInt(PostingSchedule::gapDays).max().orElse(0);
        Instant readFrom = query.start().minus(Duration.ofDays(lookBack));
        Read read = read(readFrom, query.end(), query.zone(), !query.filter().departments().isEmpty());
        List<CalendarEntry> inRange = read.entries.stream().filter(e -> !e.plannedAt().isBefore(query.start())).toList();
        List<CalendarEntry> shown = inRange.stream().filter(query.filter()::matches).toList();
        Set<Long> accountsShown = accountsOf(query.filter(), read.networks);
        Map<Long, PostingSchedule> checked = new LinkedHashMap<>();
        rhythm.forEach((id, s) -> {
            if (accountsShown == null || accountsShown.contains(id)) checked.put(id, s);
        });
        List<Clash> clashes = Cadence.clashes(inRange, checked);
        List<Gap> gaps = Cadence.gaps(read.entries, checked, query.gridFrom(), query.gridTo(), query.zone());
        List<KeyDate> dates = KeyDates.between(query.gridFrom(), query.gridTo(), query.countries(), keyDates.list(), "");
        List<Blackout> periods = blackouts.overlapping(query.start(), query.end());
        return new CalendarData(query, shown, read.truncated, dates, periods, clashes, gaps, today(query.zone()));
    }

    /** The accounts a filter narrows clashes and gaps to; null for every account. */
    private static Set<Long> accountsOf(CalendarFilter filter, Map<Long, Network> networks) {
        if (filter.accountIds().isEmpty() && filter.networks().isEmpty()) return null;
        Set<Long> ids = new HashSet<>(filter.accountIds());
        if (!filter.networks().isEmpty()) {
            networks.forEach((id, n) -> {
                if (filter.networks().contains(n) && (filter.accountIds().isEmpty() || filter.accountIds().contains(id))) ids.add(id);
            });
            if (!filter.accountIds().isEmpty()) ids.removeIf(id -> !filter.networks().contains(networks.get(id)));
        }
        return ids;
    }

    private record Read(List<CalendarEntry> entries, boolean truncated, Map<Long, Network> networks) {}

    /** The entries of the posts planned in {@code [from, to)}, up to {@link #MAX_ENTRIES} ({@link PlannedPosts}). */
    private Read read(Instant from, Instant to, ZoneId viewer, boolean departments) {
        Map<Long, Network> networks = new HashMap<>();
        for (Account a : accounts.list()) networks.put(a.id(), a.network());
        Map<String, ApprovalPolicy> policyByProject = new HashMap<>();
        PlannedPosts planned = PlannedPosts.read(posts, from, to, MAX_ENTRIES);
        List<CalendarEntry> entries = new ArrayList<>(planned.posts().size());
        for (Post p : planned.posts()) entries.add(entry(p, networks, departments ? policyByProject : null, viewer));
        return new Read(entries, planned.truncated(), networks);
    }

    private CalendarEntry entry(Post p, Map<Long, Network> networks, Map<String, ApprovalPolicy> policyByProject, ZoneId viewer) {
        List<Network> nets = p.content().accountIds().stream().map(networks::get).filter(n -> n != null).distinct().sorted().toList();
        // Departments from the policy's content rules, worked out only for a department filter: matching the rules is most of a
        // month's cost (docs/benchmarks.md). Hand flags live in each post's trail and are not read for a whole month.
        Set<Department> departments = EnumSet.noneOf(Department.class);
        if (policyByProject != null) {
            ApprovalPolicy policy = policyByProject.computeIfAbsent(p.item().projectKey(), policies::policyFor);
            departments.addAll(policy.required(p.content(), Set.of()).departments());
        }
        return CalendarEntry.of(p, nets, departments, viewer, postPath.apply(p));
    }

    // ---- Key dates ----

    public List<KeyDate> keyDates(LocalDate from, LocalDate to, Set<String> countries) {
        if (ChronoUnit.DAYS.between(from, to) > CalendarQuery.MAX_DAYS) {
            throw new InvalidInputException("to", "max-range", "range: at most " + CalendarQuery.MAX_DAYS + " days");
        }
        return KeyDates.between(from, to, countries, keyDates.list(), "");
    }

    public List<TeamKeyDate> teamKeyDates() {
        return keyDates.list();
    }

    /** What a lead sends to add one of the team's dates: {@code rule} in one of {@link KeyDateRule}'s forms. */
    public record KeyDateRequest(String name, String rule, String note, String projectKey) {}

    public TeamKeyDate addKeyDate(KeyDateRequest request, User user) {
        requireKeeper(user);
        if (request == null) throw new InvalidInputException("body", "required", "A JSON object with the name and the rule is required");
        List<FieldProblem> problems = new ArrayList<>();
        String name = text("name", request.name(), MAX_NAME, true, problems);
        String note = text("note", request.note(), MAX_NOTE, false, problems);
        String project = text("projectKey", request.projectKey(), 50, false, problems);
        Optional<KeyDateRule> rule = KeyDateRule.parse(request.rule());
        if (rule.isEmpty()) {
            problems.add(new FieldProblem("rule", "key-date-rule", "The rule must be a date (2026-06-11), a day of every year (05-04), "
                    + "a weekday of a month (fourth monday of january, last friday of the month) or a day from Easter (easter+1)"));
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        return keyDates.create(project, name, rule.get(), note, user.key(), clock.instant());
    }

    public void removeKeyDate(long id, User user) {
        requireKeeper(user);
        if (!keyDates.delete(id)) throw new NotFoundException("No key date with id " + id);
    }

    // ---- Blackouts ----

    public List<Blackout> blackouts() {
        return blackouts.list(MAX_BLACKOUTS);
    }

    public Blackout blackout(long id) {
        return blackouts.find(id).orElseThrow(() -> new NotFoundException("No blackout period with id " + id));
    }

    /**
     * A period as a lead sends it: {@code start} and {@code end} local date-times ({@code 2026-07-20T08:00}) or
     * dates (a start date is that day's start, an end date that day's end), read in {@code zone}; {@code kind}
     * blackout or embargo; {@code accountIds} empty for every account; {@code version} for an update.
     */
    public record BlackoutRequest(String name, String kind, String start, String end, String zone, List<Long> accountIds, String reason,
            String projectKey, Integer version) {}

    public Blackout saveBlackout(Long id, BlackoutRequest request, User user) {
        requireKeeper(user);
        if (request == null) throw new InvalidInputException("body", "required", "A JSON object with the period is required");
        List<FieldProblem> problems = new ArrayList<>();
        String name = text("name", request.name(), MAX_NAME, true, problems);
        String reason = text("reason", request.reason(), MAX_NOTE, false, problems);
        String project = text("projectKey", request.projectKey(), 50, false, problems);
        Blackout.Kind kind = Blackout.Kind.BLACKOUT;
        if (request.kind() != null && !request.kind().isBlank()) {
            try {
                kind = Blackout.Kind.valueOf(request.kind().strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("kind", "blackout-kind", "The kind is blackout or embargo"));
            }
        }
        ZoneId zone = zone(request.zone(), problems);
        Set<Long> accountIds = new LinkedHashSet<>();
        if (request.accountIds() != null) {
            for (int i = 0; i < request.accountIds().size(); i++) {
                Long a = request.accountIds().get(i);
                if (a == null || a < 1) problems.add(new FieldProblem("accountIds[" + i + "]", "positive-integer", "An account id is a positive whole number"));
                else accountIds.add(a);
            }
        }
        Instant start = zone == null ? null : moment("start", request.start(), zone, false, problems);
        Instant end = zone == null ? null : moment("end", request.end(), zone, true, problems);
        if (start != null && end != null) {
            if (!start.isBefore(end)) {
                problems.add(new FieldProblem("end", "after-start", "The period must end after it starts"));
            } else if (Duration.between(start, end).compareTo(Duration.ofDays(CalendarQuery.MAX_DAYS)) > 0) {
                problems.add(new FieldProblem("end", "max-range", "range: at most " + CalendarQuery.MAX_DAYS + " days"));
            }
        }
        if (id != null && request.version() == null) {
            problems.add(new FieldProblem("version", "required", "Send the version you edited (from the period you read)"));
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        Instant now = clock.instant();
        if (id == null) {
            return blackouts.create(new Blackout(0, project, name, kind, start, end, zone, accountIds, reason, user.key(), now, 1));
        }
        Blackout current = blackout(id);
        Blackout next = new Blackout(id, project, name, kind, start, end, zone, accountIds, reason, current.createdBy(), current.createdAt(),
                current.version() + 1);
        return blackouts.update(next, request.version()).orElseThrow(() -> new ConflictException("version", "stale-version",
                "Someone else saved this period first; nothing was overwritten. Reload and apply your change again.", blackout(id)));
    }

    public void deleteBlackout(long id, User user) {
        requireKeeper(user);
        if (!blackouts.delete(id)) throw new NotFoundException("No blackout period with id " + id);
    }

    /** Why posting for {@code projectKey} on {@code accountId} at {@code at} is blocked, or empty. */
    public Optional<String> blocking(String projectKey, long accountId, Instant at) {
        return new CalendarBlackouts(blackouts).blocking(projectKey, accountId, at);
    }

    // ---- Posting schedules, next free slot, queue ----

    public PostingSchedule schedule(long accountId, ZoneId defaultZone) {
        requireAccount(accountId);
        return schedules.find(accountId).orElse(PostingSchedule.none(accountId, defaultZone));
    }

    public List<PostingSchedule> schedules() {
        return schedules.list();
    }

    /** An account's rhythm as a lead sends it: slots such as {@code MONDAY 09:00}, spacing in minutes, gap days. */
    public record ScheduleRequest(String zone, List<String> slots, Integer minSpacingMinutes, Integer gapDays, Integer version) {}

    public PostingSchedule saveSchedule(long accountId, ScheduleRequest request, User user) {
        requireKeeper(user);
        requireAccount(accountId);
        if (request == null) throw new InvalidInputException("body", "required", "A JSON object with the zone and the slots is required");
        List<FieldProblem> problems = new ArrayList<>();
        ZoneId zone = zone(request.zone(), problems);
        List<PostingSlot> slots = new ArrayList<>();
        List<String> raw = request.slots() == null ? List.of() : request.slots();
        if (raw.size() > PostingSchedule.MAX_SLOTS) {
            problems.add(new FieldProblem("slots", "max-slots", "An account has at most " + PostingSchedule.MAX_SLOTS + " slots a week"));
        } else {
            for (int i = 0; i < raw.size(); i++) {
                Optional<PostingSlot> slot = PostingSlot.parse(raw.get(i));
                if (slot.isEmpty()) problems.add(new FieldProblem("slots[" + i + "]", "weekday-time", "A slot is a weekday and a time such as MONDAY 09:00"));
                else slots.add(slot.get());
            }
        }
        int spacing = request.minSpacingMinutes() == null ? 0 : request.minSpacingMinutes();
        if (spacing < 0 || spacing > PostingSchedule.MAX_SPACING.toMinutes()) {
            problems.add(new FieldProblem("minSpacingMinutes", "range", "The minimum spacing is 0 to " + PostingSchedule.MAX_SPACING.toMinutes() + " minutes"));
        }
        int gap = request.gapDays() == null ? 0 : request.gapDays();
        if (gap < 0 || gap > PostingSchedule.MAX_GAP_DAYS) {
            problems.add(new FieldProblem("gapDays", "range", "The gap days are 0 (no gap check) to " + PostingSchedule.MAX_GAP_DAYS));
        }
        if (request.version() == null) problems.add(new FieldProblem("version", "required", "Send the version you edited (0 for a new schedule)"));
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        PostingSchedule next = new PostingSchedule(accountId, zone, slots, Duration.ofMinutes(spacing), gap, request.version() + 1);
        return schedules.save(next, request.version()).orElseThrow(() -> new ConflictException("version", "stale-version",
                "Someone else saved this account's slots first; nothing was overwritten. Reload and apply your change again.",
                schedules.find(accountId).orElse(null)));
    }

    /** The account's next free slot after {@code after} (now when null), for a post of {@code projectKey} (blank: any). */
    public Optional<ZonedDateTime> nextFreeSlot(long accountId, String projectKey, Instant after) {
        requireAccount(accountId);
        Instant from = after == null || after.isBefore(clock.instant()) ? clock.instant() : after;
        PostingSchedule s = schedules.find(accountId).orElse(PostingSchedule.none(accountId, ZoneId.of("UTC")));
        return Slots.nextFree(s, from, taken(accountId, from, s, Set.of()), blocked(projectKey, accountId));
    }

    /**
     * Moves each post, in the order given, to the account's next free slot (each slot taken before the next is
     * looked for), every move a reschedule through the workflow. Checked first as a whole: every post must
     * exist, target the account and have a version; there must be enough free slots.
     */
    public List<Rescheduled> fillQueue(long accountId, List<Long> postIds, List<Integer> versions, User user) {
        requireAccount(accountId);
        List<FieldProblem> problems = new ArrayList<>();
        if (postIds == null || postIds.isEmpty()) throw new InvalidInputException("postIds", "required", "Name the posts to queue");
        if (postIds.size() > MAX_QUEUE) throw new InvalidInputException("postIds", "max-posts", "A queue fills at most " + MAX_QUEUE + " posts at once");
        if (versions == null || versions.size() != postIds.size()) {
            throw new InvalidInputException("versions", "one-per-post", "Send the version of each post, in the same order");
        }
        List<Post> queued = new ArrayList<>();
        for (int i = 0; i < postIds.size(); i++) {
            Long id = postIds.get(i);
            Optional<Post> p = id == null ? Optional.empty() : posts.find(id);
            if (p.isEmpty()) problems.add(new FieldProblem("postIds[" + i + "]", "known-post", "No post with id " + id));
            else if (!p.get().content().accountIds().contains(accountId)) {
                problems.add(new FieldProblem("postIds[" + i + "]", "targets-account", "Post " + id + " is not published to account " + accountId));
            } else queued.add(p.get());
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        PostingSchedule s = schedules.find(accountId).orElse(PostingSchedule.none(accountId, ZoneId.of("UTC")));
        if (s.slots().isEmpty()) throw new InvalidInputException("accountId", "has-slots", "Account " + accountId + " has no posting slots yet");
        Instant now = clock.instant();
        Set<Long> moving = new HashSet<>(postIds);
        String project = queued.get(0).item().projectKey();
        List<ZonedDateTime> slots = Slots.fill(s, now, taken(accountId, now, s, moving), blocked(project, accountId), queued.size());
        if (slots.size() < queued.size()) {
            throw new InvalidInputException("postIds", "free-slots", "Only " + slots.size() + " free slots in the next " + Slots.HORIZON_DAYS
                    + " days for " + queued.size() + " posts");
        }
        List<Rescheduled> done = new ArrayList<>();
        for (int i = 0; i < queued.size(); i++) {
            Post p = queued.get(i);
            // The slot's wall-clock time in the post's own zone, so that the post keeps its zone.
            LocalDateTime local = slots.get(i).withZoneSameInstant(p.planned().zone()).toLocalDateTime();
            done.add(move(p.id(), versions.get(i), local, p.planned().zone(), user));
        }
        return done;
    }

    private List<Instant> taken(long accountId, Instant from, PostingSchedule s, Set<Long> except) {
        Instant before = from.minus(s.minSpacing());
        Read read = read(before, from.plus(Duration.ofDays(Slots.HORIZON_DAYS + 1)), s.zone(), false);
        return Cadence.taken(read.entries.stream().filter(e -> !except.contains(e.postId())).toList(), accountId);
    }

    private Predicate<Instant> blocked(String projectKey, long accountId) {
        List<Blackout> periods = blackouts.overlapping(clock.instant(), clock.instant().plus(Duration.ofDays(Slots.HORIZON_DAYS + 2)));
        String project = projectKey == null ? "" : projectKey;
        return at -> periods.stream().anyMatch(b -> b.covers(project, accountId, at));
    }

    // ---- Reschedule ----

    /**
     * Moves a post to {@code plannedAt} (a local date-time) in {@code zone} (blank: the post's own zone) on the
     * version the person saw: the workflow's reschedule, with its checks (who, the time's validity, the
     * blackout periods, approvals by the project's policy). A time the clocks skip is moved forward and the
     * answer says so.
     */
    public Rescheduled reschedule(long postId, Integer version, String plannedAt, String zone, User user) {
        Post post = posts.find(postId).orElseThrow(() -> new NotFoundException("No post with id " + postId));
        List<FieldProblem> problems = new ArrayList<>();
        ZoneId z = zone == null || zone.isBlank() ? post.planned().zone() : zone(zone, problems);
        LocalDateTime local = null;
        if (plannedAt == null || plannedAt.isBlank()) {
            problems.add(new FieldProblem("plannedAt", "required", "The new time is required, e.g. 2026-12-01T09:00"));
        } else {
            try {
                local = LocalDateTime.parse(plannedAt.strip());
            } catch (DateTimeException e) {
                problems.add(new FieldProblem("plannedAt", "local-date-time", "The new time must be a local date and time such as 2026-12-01T09:00"));
            }
        }
        if (version == null) problems.add(new FieldProblem("version", "required", "Send the version you moved (from the calendar you read)"));
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        return move(postId, version, local, z, user);
    }

    private Rescheduled move(long postId, int version, LocalDateTime local, ZoneId zone, User user) {
        PlannedTimes.Resolved resolved = PlannedTimes.resolve(local, zone);
        PlannedTime planned = resolved.planned();
        Post moved = reviews.act(postId, new ReviewService.ActionRequest("reschedule", version, null, null, planned.local().toString(),
                planned.zone().getId()), user);
        return new Rescheduled(moved, resolved.notice());
    }

    // ---- Helpers ----

    private Map<Long, PostingSchedule> schedulesById(ZoneId fallback) {
        Map<Long, PostingSchedule> byId = new LinkedHashMap<>();
        for (PostingSchedule s : schedules.list()) byId.put(s.accountId(), s);
        return byId;
    }

    private void requireKeeper(User user) {
        if (!mayKeep(user)) throw new NotAllowedException(LEADS_ONLY);
    }

    private void requireAccount(long accountId) {
        if (accounts.find(accountId).isEmpty()) throw new NotFoundException("No account with id " + accountId);
    }

    private static ZoneId zone(String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem("zone", "required", "The time zone is required, e.g. Europe/Paris"));
            return null;
        }
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("zone", "iana-zone", "The time zone must be an IANA zone id such as Europe/Paris"));
            return null;
        }
    }

    private static Instant moment(String field, String text, ZoneId zone, boolean endOfDay, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, "required", "The " + field + " is required, e.g. 2026-07-20 or 2026-07-20T08:00"));
            return null;
        }
        String s = text.strip();
        try {
            LocalDateTime local = s.length() == 10 ? LocalDate.parse(s).plusDays(endOfDay ? 1 : 0).atStartOfDay() : LocalDateTime.parse(s);
            return PlannedTimes.resolve(local, zone).planned().instant();
        } catch (DateTimeException e) {
            problems.add(new FieldProblem(field, "local-date-time", "The " + field + " must be a date (2026-07-20) or a local date and time (2026-07-20T08:00)"));
            return null;
        }
    }

    private static String text(String field, String value, int max, boolean required, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            if (required) problems.add(new FieldProblem(field, "required", "The " + field + " is required"));
            return "";
        }
        String v = value.strip();
        if (v.codePointCount(0, v.length()) > max) {
            problems.add(new FieldProblem(field, "max-length", "The " + field + " has at most " + max + " characters"));
            return "";
        }
        if (v.indexOf('\0') >= 0) {
            problems.add(new FieldProblem(field, "malformed-unicode", "The " + field + " contains a NUL character"));
            return "";
        }
        return v;
    }
}
