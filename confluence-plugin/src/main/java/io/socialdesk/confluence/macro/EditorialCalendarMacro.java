package io.socialdesk.confluence.macro;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.confluence.macro.Macro;
import com.atlassian.confluence.macro.MacroExecutionException;
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import com.atlassian.templaterenderer.TemplateRenderer;
import io.socialdesk.confluence.jira.JiraPostsClient;
import io.socialdesk.confluence.jira.JiraUnavailableException;
import io.socialdesk.web.rest.PostJson;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/**
 * {@code social-editorial-calendar}: a Jira project's posts planned from the start of this month
 * for {@code months} months (1 by default, at most 12), read from the Social Desk app in Jira. When
 * Jira cannot be reached or refuses, the page still renders, with a message saying so.
 */
public final class EditorialCalendarMacro implements Macro {
    public static final String TEMPLATE = "templates/socialdesk/confluence/calendar.vm";
    public static final String JIRA_BASE_URL_SETTING = "io.socialdesk.confluence.jira.baseUrl";
    public static final String JIRA_TOKEN_SETTING = "io.socialdesk.confluence.jira.token";
    static final int MAX_MONTHS = 12;

    private final PluginSettingsFactory settings;
    private final TemplateRenderer renderer;
    private final JiraPostsClient jira;
    private final Clock clock;

    @Inject
    public EditorialCalendarMacro(PluginSettingsFactory settings, TemplateRenderer renderer) {
        this(settings, renderer, new JiraPostsClient(), Clock.systemUTC());
    }

    EditorialCalendarMacro(PluginSettingsFactory settings, TemplateRenderer renderer, JiraPostsClient jira, Clock clock) {
        this.settings = settings;
        this.renderer = renderer;
        this.jira = jira;
        this.clock = clock;
    }

    @Override
    public String execute(Map<String, String> parameters, String body, ConversionContext context) throws MacroExecutionException {
        String project = projectKey(parameters.get("project"));
        int months = months(parameters.get("months"));
        LocalDate firstOfMonth = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).withDayOfMonth(1);
        Instant from = firstOfMonth.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = firstOfMonth.plusMonths(months).atStartOfDay(ZoneOffset.UTC).toInstant();

        Map<String, Object> view = new HashMap<>();
        view.put("project", project);
        try {
            view.put("rows", rowsOf(project, fetch(from, to)));
            view.put("unreachable", false);
        } catch (JiraUnavailableException e) {
            view.put("rows", List.of());
            view.put("unreachable", true);
            view.put("problem", e.getMessage());
        }
        StringWriter out = new StringWriter();
        try {
            renderer.render(TEMPLATE, view, out);
        } catch (IOException e) {
            throw new MacroExecutionException("The Social Desk calendar could not be rendered", e);
        }
        return out.toString();
    }

    private List<PostJson> fetch(Instant from, Instant to) throws JiraUnavailableException {
        PluginSettings global = settings.createGlobalSettings();
        Object baseUrl = global.get(JIRA_BASE_URL_SETTING);
        if (!(baseUrl instanceof String url) || url.isBlank()) {
            throw new JiraUnavailableException("No Jira address is set: a Confluence admin sets " + JIRA_BASE_URL_SETTING + ".");
        }
        Object token = global.get(JIRA_TOKEN_SETTING);
        return jira.plannedPosts(url, token instanceof String t ? t : null, from, to);
    }

    /** The REST API lists every project's posts; this project's are those whose issue key is PROJECT-n. */
    private static List<CalendarRow> rowsOf(String project, List<PostJson> posts) {
        return posts.stream().filter(post -> post.key() != null && post.key().startsWith(project + "-")).map(CalendarRow::new).toList();
    }

    static String projectKey(String parameter) throws MacroExecutionException {
        String key = parameter == null ? "" : parameter.strip();
        if (!key.matches("[A-Z][A-Z0-9_]{0,254}")) {
            throw new MacroExecutionException("The project parameter must be a Jira project key such as MKT");
        }
        return key;
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

    @Override
    public BodyType getBodyType() {
        return BodyType.NONE;
    }

    @Override
    public OutputType getOutputType() {
        return OutputType.BLOCK;
    }
}
