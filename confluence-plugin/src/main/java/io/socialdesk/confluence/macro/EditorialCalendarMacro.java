package io.socialdesk.confluence.macro;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.confluence.macro.Macro;
import com.atlassian.confluence.macro.MacroExecutionException;
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import com.atlassian.templaterenderer.TemplateRenderer;
import io.socialdesk.confluence.jira.JiraCalendarClient;
import io.socialdesk.confluence.jira.JiraUnavailableException;
import io.socialdesk.core.calendar.CalendarData;
import io.socialdesk.core.calendar.CalendarQuery;
import io.socialdesk.web.page.CalendarPage;
import io.socialdesk.web.rest.CalendarDataJson;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.inject.Inject;

/**
 * {@code social-editorial-calendar}: a Jira project's editorial calendar on a Confluence page, rendered from the same
 * view model ({@code io.socialdesk.web.calendar}) with the same templates as the Jira and server pages. Parameters:
 * {@code project} (a key), {@code view} (month, week or list), {@code filters} ({@code network=MASTODON&state=SCHEDULED},
 * the calendar page's filter names) and {@code months} ahead (1 to 12: that many month grids, or a list that long;
 * a week view shows this week). The data comes from the Jira app's {@code GET /calendar-data} at the configured base
 * URL with the configured token (a Jira personal access token); when Jira is not reachable, refuses the token or its
 * user may not see the calendar, the page still renders, with a message saying which.
 */
public final class EditorialCalendarMacro implements Macro {
    public static final String TEMPLATE = "templates/socialdesk/confluence/calendar.vm";
    public static final String JIRA_BASE_URL_SETTING = "io.socialdesk.confluence.jira.baseUrl";
    public static final String JIRA_TOKEN_SETTING = "io.socialdesk.confluence.jira.token";
    static final int MAX_MONTHS = 12;
    static final List<String> VIEWS = List.of("month", "week", "list");

    private final PluginSettingsFactory settings;
    private final TemplateRenderer renderer;
    private final JiraCalendarClient jira;
    private final Clock clock;
    /** Numbers each rendering, so that two macros on one page (or one page rendered with several) never share an element id. */
    private final java.util.concurrent.atomic.AtomicLong renderings = new java.util.concurrent.atomic.AtomicLong();

    @Inject
    public EditorialCalendarMacro(PluginSettingsFactory settings, TemplateRenderer renderer) {
        this(settings, renderer, new JiraCalendarClient(), Clock.systemUTC());
    }

    EditorialCalendarMacro(PluginSettingsFactory settings, TemplateRenderer renderer, JiraCalendarClient jira, Clock clock) {
        this.settings = settings;
        this.renderer = renderer;
        this.jira = jira;
        this.clock = clock;
    }

    @Override
    public String execute(Map<String, String> parameters, String body, ConversionContext context) throws MacroExecutionException {
        String project = projectKey(parameters.get("project"));
        String view = view(parameters.get("view"));
        int months = months(parameters.get("months"));
        Map<String, List<String>> filters = filters(parameters.get("filters"));

        Map<String, Object> model = new HashMap<>();
        model.put("project", project);
        try {
            String base = baseUrl();
            model.put("parts", parts(base, project, view, months, filters));
            model.put("unreachable", false);
        } catch (JiraUnavailableException e) {
            model.put("parts", List.of());
            model.put("unreachable", true);
            model.put("problemKey", e.headlineKey());
            model.put("problem", e.getMessage());
        }
        StringWriter out = new StringWriter();
        try {
            renderer.render(TEMPLATE, model, out);
        } catch (IOException e) {
            throw new MacroExecutionException("The Social Desk calendar could not be rendered", e);
        }
        return out.toString();
    }

    private List<MacroCalendar> parts(String base, String project, String view, int months, Map<String, List<String>> filters)
            throws JiraUnavailableException {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("project", List.of(project));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (view.equals("week")) {
            query.put("view", List.of("week"));
            query.put("week", List.of(String.format(Locale.ROOT, "%d-W%02d", today.get(IsoFields.WEEK_BASED_YEAR), today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))));
        } else if (view.equals("list")) {
            LocalDate first = today.withDayOfMonth(1);
            query.put("view", List.of("list"));
            query.put("from", List.of(first.toString()));
            query.put("to", List.of(first.plusMonths(months).toString()));
        } else {
            // One request for the whole range, whole weeks around the months; cut into its months here.
            YearMonth first = YearMonth.from(today);
            query.put("view", List.of("list"));
            query.put("from", List.of(CalendarQuery.month(first, ZoneOffset.UTC, null, null).gridFrom().toString()));
            query.put("to", List.of(CalendarQuery.month(first.plusMonths(months - 1), ZoneOffset.UTC, null, null).gridTo().toString()));
        }
        query.putAll(filters);
        CalendarDataJson json = jira.calendar(base, token(), query);
        CalendarData data = json.toData();
        // Posts open in Jira: the page's links are Jira's base plus each post's path (/browse/MKT-12). Each calendar shown
        // gets its own id prefix: months side by side repeat the days their grids share, and their posts.
        String rendering = "sdm" + renderings.incrementAndGet() + "-";
        java.util.function.IntFunction<CalendarPage.Host> host = part -> new CalendarPage.Host("", Map.of(),
                stripSlash(base) + "/rest/socialdesk/1.0", stripSlash(base), project, rendering + part + "-");
        List<MacroCalendar> parts = new ArrayList<>();
        if (!view.equals("month")) {
            CalendarQuery q = data.query();
            CalendarData shown = view.equals("list") ? data
                    : new CalendarData(new CalendarQuery(CalendarQuery.View.WEEK, q.from(), q.to(), q.zone(), q.filter(), q.countries()),
                            data.entries(), data.truncated(), data.keyDates(), data.blackouts(), data.clashes(), data.gaps(), data.today());
            parts.add(new MacroCalendar(CalendarPage.of(shown, Locale.ENGLISH, host.apply(1), json.knownAccounts())));
            return parts;
        }
        YearMonth month = YearMonth.from(today);
        for (int i = 0; i < months; i++, month = month.plusMonths(1)) {
            parts.add(new MacroCalendar(CalendarPage.of(monthOf(data, month), Locale.ENGLISH, host.apply(i + 1), json.knownAccounts())));
        }
        return parts;
    }

    /** The part of a longer range a month grid shows (whole weeks around the month). */
    static CalendarData monthOf(CalendarData data, YearMonth month) {
        CalendarQuery all = data.query();
        CalendarQuery q = CalendarQuery.month(month, all.zone(), all.filter(), all.countries());
        LocalDate from = q.gridFrom();
        LocalDate to = q.gridTo();
        return new CalendarData(q,
                data.entries().stream().filter(e -> !e.viewerDate().isBefore(from) && e.viewerDate().isBefore(to)).toList(),
                data.truncated(),
                data.keyDates().stream().filter(d -> !d.date().isBefore(from) && d.date().isBefore(to)).toList(),
                data.blackouts().stream().filter(b -> b.overlaps(from.atStartOfDay(all.zone()).toInstant(), to.atStartOfDay(all.zone()).toInstant()))
                        .toList(),
                data.clashes().stream().filter(c -> {
                    LocalDate day = LocalDate.ofInstant(c.second(), all.zone());
                    return !day.isBefore(from) && day.isBefore(to);
                }).toList(),
                data.gaps().stream().filter(g -> g.from().isBefore(to) && !g.to().isBefore(from)).toList(),
                data.today());
    }

    private PluginSettings global() {
        return settings.createGlobalSettings();
    }

    private String baseUrl() throws JiraUnavailableException {
        Object baseUrl = global().get(JIRA_BASE_URL_SETTING);
        if (!(baseUrl instanceof String url) || url.isBlank()) {
            throw new JiraUnavailableException(JiraUnavailableException.Reason.UNREACHABLE,
                    "No Jira address is set: a Confluence admin sets " + JIRA_BASE_URL_SETTING + ".");
        }
        return url.strip();
    }

    private String token() {
        Object token = global().get(JIRA_TOKEN_SETTING);
        return token instanceof String t ? t : null;
    }

    static String projectKey(String parameter) throws MacroExecutionException {
        String key = parameter == null ? "" : parameter.strip();
        if (!key.matches("[A-Z][A-Z0-9_]{0,29}")) {
            throw new MacroExecutionException("The project parameter must be a Jira project key such as MKT");
        }
        return key;
    }

    static String view(String parameter) throws MacroExecutionException {
        String view = parameter == null || parameter.isBlank() ? "month" : parameter.strip().toLowerCase(Locale.ROOT);
        if (!VIEWS.contains(view)) throw new MacroExecutionException("The view parameter must be month, week or list");
        return view;
    }

    static int months(String parameter) throws MacroExecutionException {
        if (parameter == null || parameter.isBlank()) return 1;
        try {
            int months = Integer.parseInt(parameter.strip());
            if (months >= 1 && months <= MAX_MONTHS) return months;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new MacroExecutionException("The months parameter must be a whole number from 1 to " + MAX_MONTHS);
    }

    /**
     * {@code network=MASTODON&state=SCHEDULED,APPROVED}: the calendar page's filter names, values comma-separated or
     * repeated; Jira checks the values (a bad one is shown as a message naming it).
     */
    static Map<String, List<String>> filters(String parameter) throws MacroExecutionException {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        if (parameter == null || parameter.isBlank()) return filters;
        for (String pair : parameter.split("[&;]")) {
            if (pair.isBlank()) continue;
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair.strip() : pair.substring(0, eq).strip();
            if (!CalendarPage.FILTERS.contains(name) || eq < 0) {
                throw new MacroExecutionException("The filters parameter reads name=value pairs with the names "
                        + String.join(", ", CalendarPage.FILTERS) + ", e.g. network=MASTODON&state=SCHEDULED");
            }
            for (String value : pair.substring(eq + 1).split(",")) {
                if (!value.isBlank()) filters.computeIfAbsent(name, n -> new ArrayList<>()).add(value.strip());
            }
        }
        int values = filters.values().stream().mapToInt(List::size).sum();
        if (values > 50) throw new MacroExecutionException("The filters parameter has more than 50 values");
        return filters;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public BodyType getBodyType() {
        return BodyType.NONE;
    }

    @Override
    public OutputType getOutputType() {
        return OutputType.BLOCK;
    }
}
