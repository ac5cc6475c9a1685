package io.socialdesk.confluence.jira;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialdesk.web.rest.CalendarDataJson;
import io.socialdesk.web.rest.RestApi;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Reads the editorial calendar's data from the Social Desk app in Jira: {@code GET {base}/rest/socialdesk/1.0/calendar-data}
 * ({@link CalendarDataJson}, the same data the Jira page renders). The JDK's HTTP client, so the plugin bundles no HTTP
 * library; short timeouts, because a page render waits on it; no redirects (a token must not follow one elsewhere).
 */
public final class JiraCalendarClient {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** A calendar answer is bounded (5,000 posts at most); anything much larger is not one. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public JiraCalendarClient() {
        this(HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build());
    }

    JiraCalendarClient(HttpClient http) {
        this.http = http;
    }

    /**
     * The calendar for {@code parameters} (the names {@code GET /calendar-data} reads: project, view, month, week, from,
     * to, the filters). A blank token sends no Authorization header.
     */
    public CalendarDataJson calendar(String jiraBaseUrl, String token, Map<String, List<String>> parameters) throws JiraUnavailableException {
        URI uri;
        try {
            StringBuilder query = new StringBuilder();
            parameters.forEach((name, values) -> values.forEach(v -> query.append(query.length() == 0 ? '?' : '&')
                    .append(encode(name)).append('=').append(encode(v))));
            uri = URI.create(stripSlash(jiraBaseUrl) + RestApi.BASE_PATH + "/calendar-data" + query);
            if (uri.getHost() == null || !uri.getScheme().matches("(?i)https?")) throw new IllegalArgumentException();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new JiraUnavailableException(JiraUnavailableException.Reason.UNREACHABLE,
                    "The Jira address in Social Desk's settings is not a valid http(s) URL.");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET();
        if (token != null && !token.isBlank()) request.header("Authorization", "Bearer " + token.strip());
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | IllegalArgumentException e) {
            throw new JiraUnavailableException(JiraUnavailableException.Reason.UNREACHABLE, "Jira did not answer at " + uri.getHost() + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JiraUnavailableException(JiraUnavailableException.Reason.UNREACHABLE, "The request to Jira was interrupted.");
        }
        int status = response.statusCode();
        if (status == 401) {
            throw new JiraUnavailableException(JiraUnavailableException.Reason.NOT_ALLOWED,
                    "Jira did not accept the token in Social Desk's settings (HTTP 401).");
        }
        if (status == 403) {
            throw new JiraUnavailableException(JiraUnavailableException.Reason.NOT_ALLOWED,
                    "The Jira user of Social Desk's token may not see this calendar (HTTP 403).");
        }
        if (status == 400) {
            throw new JiraUnavailableException(JiraUnavailableException.Reason.BAD_PARAMETERS, "Jira: " + errorOf(response.body()));
        }
        if (status == 404) {
            throw new JiraUnavailableException(JiraUnavailableException.Reason.UNREACHABLE,
                    "Jira at " + uri.getHost() + " has no Social Desk calendar (HTTP 404): is the app installed and up to date?");
        }
        if (status != 200) {
            throw new JiraUnavailableException(JiraUnavailableException.Reason.UNREACHABLE, "Jira answered HTTP " + status + ".");
        }
        if (response.body().length > MAX_BYTES) {
            throw new JiraUnavailableException(JiraUnavailableException.Reason.UNREACHABLE, "Jira's answer was too large to be a calendar.");
        }
        try {
            CalendarDataJson data = json.readValue(response.body(), CalendarDataJson.class);
            if (data.query() == null || data.entries() == null || data.today() == null) throw new IOException("not a calendar");
            return data;
        } catch (IOException e) {
            throw new JiraUnavailableException(JiraUnavailableException.Reason.UNREACHABLE, "Jira's answer was not the Social Desk calendar.");
        }
    }

    /** The {@code error} of Jira's answer (the project's error JSON), cut short; a placeholder when there is none. */
    private String errorOf(byte[] body) {
        try {
            JsonNode error = json.readTree(body).path("error");
            if (error.isTextual()) {
                String text = error.asText();
                return text.length() > 300 ? text.substring(0, 300) + "…" : text;
            }
        } catch (IOException e) {
            // not JSON: said below
        }
        return "the macro's parameters were refused (HTTP 400).";
    }

    private static String stripSlash(String url) {
        String trimmed = url.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
