package io.socialdesk.web.page;

import io.socialdesk.core.account.Account;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.approval.Department;
import io.socialdesk.core.calendar.CalendarFilter;
import io.socialdesk.core.calendar.CalendarQuery;
import io.socialdesk.core.calendar.CalendarService;
import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.post.PostService;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.user.User;
import io.socialdesk.web.calendar.CalendarItem;
import io.socialdesk.web.calendar.CalendarMarks;
import io.socialdesk.web.calendar.CalendarView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The page around the shared calendar view model ({@link CalendarView}), the same in every host: the addresses of the
 * previous, next and today's period, of the other views and of the filters form; the filters' options with what is
 * picked; clashes and gaps in words; where calendar.js sends a drop and whether the viewer may move posts at all.
 * Addresses are the host's ({@link Host}); {@value #TEMPLATE} holds none, so the server, Jira and the Confluence macro
 * render it alike. Getters only, for Jira's Velocity allowlist.
 */
public final class CalendarPage {
    public static final String TEMPLATE = "templates/socialdesk/calendar.vm";
    /** The query parameters of the filters, in the form's order (CalendarFilter.read reads the same names). */
    public static final List<String> FILTERS = List.of("network", "account", "campaign", "state", "author", "department");

    /**
     * Where the page lives in its host.
     *
     * @param pageUrl the page's address without a query ({@code /calendar}, {@code /jira/plugins/servlet/socialdesk/calendar})
     * @param fixed parameters every address of the page keeps (Jira: {@code project})
     * @param restBase the REST API's base ({@code /rest/socialdesk/1.0}, or Jira's context path plus that)
     * @param linkBase what goes before a post's path to open it (Jira's context path; "" on the server)
     * @param project the project shown, "" for every post
     * @param idPrefix what goes before every element id the templates write ("" for a page; the Confluence macro gives
     *     each calendar it shows its own, so that several months, or two macros, on one page never repeat an id)
     */
    public record Host(String pageUrl, Map<String, String> fixed, String restBase, String linkBase, String project, String idPrefix) {
        private static final java.util.regex.Pattern ID_PREFIX = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_-]*|");

        public Host {
            fixed = new LinkedHashMap<>(fixed);
            project = project == null ? "" : project;
            idPrefix = idPrefix == null ? "" : idPrefix;
            if (!ID_PREFIX.matcher(idPrefix).matches()) throw new IllegalArgumentException("an id prefix is a letter then letters, digits, - or _");
        }

        /** A page's host: ids as they are. */
        public Host(String pageUrl, Map<String, String> fixed, String restBase, String linkBase, String project) {
            this(pageUrl, fixed, restBase, linkBase, project, "");
        }
    }

    private final CalendarView calendar;
    private final CalendarQuery query;
    private final Host host;
    private final Locale locale;
    private final boolean mayReschedule;
    private final boolean maySubscribe;
    private final Map<String, String> picked;
    private final List<FilterView> filters;
    private final List<FieldProblem> problems;
    private final Map<Long, String> accountLabels = new HashMap<>();
    private final Map<Long, String> titles = new HashMap<>();

    private CalendarPage(CalendarView calendar, CalendarQuery query, Host host, Locale locale, User viewer, List<Account> accounts,
            Map<String, String> picked, List<FieldProblem> problems) {
        this.problems = List.copyOf(problems);
        this.calendar = calendar;
        this.query = query;
        this.host = host;
        this.locale = locale;
        this.mayReschedule = PostService.mayAuthor(viewer);
        // A page read for someone else (the Confluence macro's) has no viewer of its own to subscribe.
        this.maySubscribe = !viewer.key().isEmpty();
        this.picked = picked;
        accounts.forEach(a -> accountLabels.put(a.id(), a.label()));
        calendar.getEntries().forEach(e -> titles.put(e.getPostId(), e.getTitle()));
        this.filters = filters(calendar, accounts, picked);
    }

    /** A rendered request: the template's context, and the status to answer (400 when the address asked for something invalid). */
    public record Page(Map<String, Object> context, int status) {}

    /**
     * The calendar a request asks for, as both hosts read it: {@code view}, {@code month} ({@code 2026-03}), {@code week}
     * ({@code 2026-W10}) or {@code from} and {@code to}, {@code zone} (else the viewer's), and the filters. An address
     * that asks for something invalid (a month that is not a month, an unknown zone or network, ten years) gets this
     * month, unfiltered, with the problems named (field, rule, message) above it, and a 400: never a server error.
     *
     * @param parameter the request's query parameters
     */
    public static Page of(CalendarService service, User viewer, Locale locale, Host host, List<Account> accounts, Function<String, String> parameter) {
        LocalDate today = service.today(viewer.zone());
        Set<String> countries = countriesFor(viewer.zone());
        CalendarQuery query;
        Map<String, String> picked = new LinkedHashMap<>();
        List<FieldProblem> problems = List.of();
        try {
            CalendarFilter filter = filter(parameter);
            query = CalendarQuery.read(parameter.apply("view"), parameter.apply("month"), parameter.apply("week"), parameter.apply("from"),
                    parameter.apply("to"), parameter.apply("zone"), viewer.zone(), filter, countries, today);
            for (String name : FILTERS) {
                String value = parameter.apply(name);
                if (value != null && !value.isBlank()) picked.put(name, value.strip());
            }
        } catch (InvalidInputException e) {
            query = CalendarQuery.month(YearMonth.from(today), viewer.zone(), CalendarFilter.NONE, countries);
            problems = e.problems();
        }
        CalendarView view = CalendarView.of(service.calendar(query), locale);
        Map<String, Object> context = new HashMap<>();
        context.put("calendar", view);
        context.put("page", new CalendarPage(view, query, host, locale, viewer, accounts, picked, problems));
        context.put("restBase", host.restBase());
        return new Page(context, problems.isEmpty() ? 200 : 400);
    }

    /**
     * The page for calendar data read elsewhere (the Confluence macro reads it from the Jira app): the same view model and
     * context, read-only (nobody reschedules from there). Added for the macro (issue 7, cal-ical).
     */
    public static Page of(io.socialdesk.core.calendar.CalendarData data, Locale locale, Host host, List<Account> accounts) {
        CalendarView view = CalendarView.of(data, locale);
        User reader = new User("", "", Set.of(), data.query().zone());
        Map<String, Object> context = new HashMap<>();
        context.put("calendar", view);
        context.put("page", new CalendarPage(view, data.query(), host, locale, reader, accounts, new LinkedHashMap<>(), List.of()));
        context.put("restBase", host.restBase());
        return new Page(context, 200);
    }

    /**
     * Whose public holidays the calendar shows: the country of the viewer's zone when it is one the rules table knows
     * (France, Belgium, Switzerland, Canada, the UK, the US), else none.
     */
    static Set<String> countriesFor(ZoneId zone) {
        String id = zone.getId();
        String country = switch (id) {
            case "Europe/Paris" -> "FR";
            case "Europe/Brussels" -> "BE";
            case "Europe/Zurich" -> "CH";
            case "Europe/London" -> "GB";
            default -> id.startsWith("America/") ? (CANADA.contains(id) ? "CA" : (US.contains(id) ? "US" : "")) : "";
        };
        return country.isEmpty() ? Set.of() : Set.of(country);
    }

    private static final Set<String> CANADA = Set.of("America/Toronto", "America/Montreal", "America/Vancouver", "America/Edmonton",
            "America/Winnipeg", "America/Halifax", "America/St_Johns", "America/Regina");
    private static final Set<String> US = Set.of("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
            "America/Phoenix", "America/Anchorage", "America/Detroit", "Pacific/Honolulu");

    /** The filter a request's parameters ask for: CalendarFilter's reading, which names a bad value's field and rule. */
    public static CalendarFilter filter(Function<String, String> parameter) {
        Function<String, List<String>> values = name -> {
            String v = parameter.apply(name);
            return v == null || v.isBlank() ? List.of() : List.of(v);
        };
        return CalendarFilter.read(values.apply("network"), values.apply("account"), values.apply("campaign"), values.apply("state"),
                values.apply("author"), values.apply("department"));
    }

    private static List<FilterView> filters(CalendarView calendar, List<Account> accounts, Map<String, String> picked) {
        List<Option> networks = new ArrayList<>();
        for (Network n : Network.values()) networks.add(new Option(n.name(), n.label(), false));
        List<Option> accountOptions = accounts.stream().map(a -> new Option(Long.toString(a.id()), a.label(), false)).toList();
        // Campaigns and authors: those of the posts shown, and the one picked (so that it stays selectable).
        TreeSet<String> campaigns = new TreeSet<>();
        TreeSet<String> authors = new TreeSet<>();
        for (CalendarItem e : calendar.getEntries()) {
            if (!e.getCampaign().isBlank()) campaigns.add(e.getCampaign());
            if (e.getAuthor() != null && !e.getAuthor().isBlank()) authors.add(e.getAuthor());
        }
        if (picked.containsKey("campaign")) campaigns.add(picked.get("campaign"));
        if (picked.containsKey("author")) authors.add(picked.get("author"));
        List<Option> states = new ArrayList<>();
        for (PostState s : PostState.values()) states.add(new Option(s.name(), "socialdesk.state." + s.name().toLowerCase(Locale.ROOT), true));
        List<Option> departments = new ArrayList<>();
        for (Department d : Department.values()) departments.add(new Option(d.name(), "socialdesk.department." + d.name().toLowerCase(Locale.ROOT), true));
        Map<String, List<Option>> options = new LinkedHashMap<>();
        options.put("network", networks);
        options.put("account", accountOptions);
        options.put("campaign", campaigns.stream().map(c -> new Option(c, c, false)).toList());
        options.put("state", states);
        options.put("author", authors.stream().map(a -> new Option(a, a, false)).toList());
        options.put("department", departments);
        List<FilterView> views = new ArrayList<>();
        options.forEach((name, list) -> views.add(new FilterView(name, list, picked.getOrDefault(name, ""))));
        return views;
    }

    // ---- addresses ----

    private String url(CalendarQuery.View view, LocalDate day, boolean withFilters) {
        Map<String, String> parameters = new LinkedHashMap<>(host.fixed());
        parameters.put("view", view.slug());
        if (view == CalendarQuery.View.WEEK) parameters.put("week", isoWeek(day));
        else parameters.put("month", YearMonth.from(day).toString());
        if (withFilters) parameters.putAll(picked);
        StringBuilder url = new StringBuilder(host.pageUrl());
        char separator = host.pageUrl().contains("?") ? '&' : '?';
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            url.append(separator).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            separator = '&';
        }
        return url.toString();
    }

    /** {@code 2026-W48}: the ISO week holding {@code day}, as CalendarQuery reads it. */
    static String isoWeek(LocalDate day) {
        return String.format(Locale.ROOT, "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A day of the period shown: the week's Monday, or the month's first. */
    private LocalDate anchor() {
        return query.from();
    }

    private LocalDate step(int direction) {
        return query.view() == CalendarQuery.View.WEEK ? anchor().plusWeeks(direction) : anchor().plusMonths(direction);
    }

    public String getView() { return query.view().slug(); }
    public String getPreviousUrl() { return url(query.view(), step(-1), true); }
    public String getNextUrl() { return url(query.view(), step(1), true); }
    public String getTodayUrl() { return url(query.view(), LocalDate.parse(calendar.getToday()), true); }
    public String getClearUrl() { return url(query.view(), anchor(), false); }
    /** The other views around today when the period shown holds it (this month's "Week" is this week), else around its first day. */
    public List<ViewLink> getViews() {
        LocalDate today = LocalDate.parse(calendar.getToday());
        LocalDate around = !today.isBefore(query.from()) && today.isBefore(query.to()) ? today : anchor();
        List<ViewLink> links = new ArrayList<>();
        for (CalendarQuery.View v : CalendarQuery.View.values()) links.add(new ViewLink(v.slug(), url(v, around, true), v == query.view()));
        return links;
    }
    /** The filters form sends to the page itself; it keeps the view, its period and the fixed parameters as hidden fields. */
    public String getFormAction() { return host.pageUrl(); }
    public List<Hidden> getHiddenFields() {
        List<Hidden> hidden = new ArrayList<>();
        host.fixed().forEach((k, v) -> hidden.add(new Hidden(k, v)));
        hidden.add(new Hidden("view", query.view().slug()));
        if (query.view() == CalendarQuery.View.WEEK) hidden.add(new Hidden("week", isoWeek(anchor())));
        else hidden.add(new Hidden("month", YearMonth.from(anchor()).toString()));
        return hidden;
    }
    public List<FilterView> getFilters() { return filters; }
    public boolean getFiltered() { return !picked.isEmpty(); }
    /** Where a drop goes: {@code rescheduleBase/{id}/reschedule} (cal-core's REST). */
    public String getRescheduleBase() { return host.restBase() + "/calendar/posts"; }
    /** Whether the viewer may move posts (the server checks again, as for an edit). */
    public boolean getMayReschedule() { return mayReschedule; }
    /** What goes before a post's path to open it. */
    public String getLinkBase() { return host.linkBase(); }
    public boolean getHasProject() { return !host.project().isEmpty(); }
    /** Before every element id of the calendar templates: "" on a page, the macro's own per calendar shown. */
    public String getIdPrefix() { return host.idPrefix(); }
    public String getProject() { return host.project(); }
    public boolean getHasClashes() { return !calendar.getClashes().isEmpty(); }
    /** The clashes not written out (past {@link #CLASHES_LISTED}); 0 when all are. */
    public int getMoreClashes() { return Math.max(0, calendar.getClashes().size() - CLASHES_LISTED); }
    public boolean getHasGaps() { return !calendar.getGaps().isEmpty(); }
    /** What the address asked for that could not be shown (the page then shows this month, unfiltered). */
    public boolean getHasProblems() { return !problems.isEmpty(); }
    public List<ProblemRow> getProblems() { return problems.stream().map(ProblemRow::new).toList(); }

    /**
     * How many clashes the page writes out. A crowded month has hundreds, which nobody reads as a list and which made
     * the list most of the page's rendering; every clash stays marked on its day and in the JSON.
     */
    public static final int CLASHES_LISTED = 50;

    /** Clashes in words, the first {@link #CLASHES_LISTED}: the two posts, their account, how far apart and the minimum spacing. */
    public List<ClashRow> getClashes() {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
        return calendar.getClashes().stream().limit(CLASHES_LISTED).map(c -> new ClashRow(c, account(c.getAccountId()), title(c.getFirstPostId()),
                title(c.getSecondPostId()), format.format(LocalDateTime.parse(c.getSecond())))).toList();
    }

    /** Gaps in words: the account and the empty days. */
    public List<GapRow> getGaps() {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        return calendar.getGaps().stream().map(g -> new GapRow(g, account(g.getAccountId()), format.format(LocalDate.parse(g.getFrom())),
                format.format(LocalDate.parse(g.getLast())))).toList();
    }

    // ---- subscribing (calendar-subscribe.vm, calendar-feeds.js): the feeds API's address and what each kind would list ----

    /** Whether the page offers its viewer iCalendar feeds (not a page read for someone else, such as the macro's). */
    public boolean getMaySubscribe() { return maySubscribe; }
    /** The feeds' REST API ({@code CalendarFeedResource}): listing, adding, rotating and revoking go there. */
    public String getFeedsUrl() { return host.restBase() + "/calendar-feeds"; }
    /** The page's language, for the dates calendar-feeds.js writes. */
    public String getLanguage() { return locale.toLanguageTag(); }
    /** Whose public holidays a key-date feed offers first: the country of the page's zone, as the calendar shows ({@code FR}). */
    public String getFeedCountries() { return String.join(",", new TreeSet<>(countriesFor(query.zone()))); }

    /** What "these filters" saves: the project shown and the filters picked, as a query string ({@code project=MKT&state=DRAFT}). */
    public String getFeedFilterQuery() {
        StringBuilder query = new StringBuilder();
        feedFilters().forEach((name, value) -> query.append(query.length() == 0 ? "" : "&").append(encode(name)).append('=').append(encode(value)));
        return query.toString();
    }

    /** The saved filter's name unless the viewer gives one: the same filters in words a person can read back ({@code state DRAFT}). */
    public String getFeedFilterName() {
        List<String> parts = new ArrayList<>();
        feedFilters().forEach((name, value) -> parts.add(name + " " + value));
        String name = String.join(", ", parts);
        int max = io.socialdesk.core.calendar.feed.SavedFilter.MAX_NAME;
        return name.length() <= max ? name : name.substring(0, max - 1) + "\u2026";
    }

    /** Whether there is anything to save as a filter (the API refuses an empty one: that is a project feed). */
    public boolean getHasFeedFilters() { return !feedFilters().isEmpty(); }

    private Map<String, String> feedFilters() {
        Map<String, String> filters = new LinkedHashMap<>();
        if (!host.project().isEmpty()) filters.put("project", host.project());
        filters.putAll(picked);
        return filters;
    }

    private String account(long id) {
        String label = accountLabels.get(id);
        return label != null ? label : "#" + id;
    }

    private String title(long postId) {
        String title = titles.get(postId);
        return title != null ? title : "#" + postId;
    }

    /** One option: its value, and either a text or (labelIsKey) an i18n key. */
    public record Option(String value, String label, boolean labelIsKey) {}

    /** A filter as the template reads it: its parameter, label, options and what is picked. */
    public static final class FilterView {
        private final String name;
        private final List<Option> options;
        private final String value;

        FilterView(String name, List<Option> options, String value) {
            this.name = name;
            this.options = List.copyOf(options);
            this.value = value;
        }

        public String getName() { return name; }
        public String getLabelKey() { return "socialdesk.calendar.filter." + name; }
        public String getValue() { return value; }
        public List<OptionView> getOptions() { return options.stream().map(o -> new OptionView(o, o.value().equals(value))).toList(); }
    }

    public static final class OptionView {
        private final Option option;
        private final boolean selected;

        OptionView(Option option, boolean selected) {
            this.option = option;
            this.selected = selected;
        }

        public String getValue() { return option.value(); }
        public String getLabel() { return option.label(); }
        public boolean getHasLabelKey() { return option.labelIsKey(); }
        public boolean getSelected() { return selected; }
    }

    public static final class ViewLink {
        private final String name;
        private final String url;
        private final boolean current;

        ViewLink(String name, String url, boolean current) {
            this.name = name;
            this.url = url;
            this.current = current;
        }

        public String getName() { return name; }
        public String getUrl() { return url; }
        public boolean getCurrent() { return current; }
        public String getLabelKey() { return "socialdesk.calendar.view." + name; }
    }

    public static final class Hidden {
        private final String name;
        private final String value;

        Hidden(String name, String value) {
            this.name = name;
            this.value = value;
        }

        public String getName() { return name; }
        public String getValue() { return value; }
    }

    public static final class ClashRow {
        private final CalendarMarks.ClashItem clash;
        private final String account;
        private final String first;
        private final String second;
        private final String when;

        ClashRow(CalendarMarks.ClashItem clash, String account, String first, String second, String when) {
            this.clash = clash;
            this.account = account;
            this.first = first;
            this.second = second;
            this.when = when;
        }

        public String getAccount() { return account; }
        public String getFirstTitle() { return first; }
        public String getSecondTitle() { return second; }
        public String getWhen() { return when; }
        public String getApartText() { return clash.getApartText(); }
        public String getMinimumText() { return clash.getMinimumText(); }
    }

    public static final class ProblemRow {
        private final FieldProblem problem;

        ProblemRow(FieldProblem problem) {
            this.problem = problem;
        }

        public String getField() { return problem.field(); }
        public String getRule() { return problem.rule(); }
        public String getMessage() { return problem.message(); }
    }

    public static final class GapRow {
        private final CalendarMarks.GapItem gap;
        private final String account;
        private final String from;
        private final String last;

        GapRow(CalendarMarks.GapItem gap, String account, String from, String last) {
            this.gap = gap;
            this.account = account;
            this.from = from;
            this.last = last;
        }

        public String getAccount() { return account; }
        public String getFrom() { return from; }
        public String getLast() { return last; }
        public String getDaysText() { return gap.getDaysText(); }
    }
}
