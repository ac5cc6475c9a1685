package io.socialdesk.confluence.jira;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialdesk.web.rest.PostJson;
import io.socialdesk.web.rest.RestApi;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Reads planned posts from the Social Desk app in Jira: {@code GET {base}/rest/socialdesk/1.0/posts}.
 * The JDK's HTTP client, so the plugin bundles no HTTP library; short timeouts, because a page
 * render waits on it.
 */
public final class JiraPostsClient {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final int LIMIT = 500;

    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public JiraPostsClient() {
        this(HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build());
    }

    JiraPostsClient(HttpClient http) {
        this.http = http;
    }

    /** Posts planned in {@code [from, to)}, soonest first. A blank token sends no Authorization header. */
    public List<PostJson> plannedPosts(String jiraBaseUrl, String token, Instant from, Instant to) throws JiraUnavailableException {
        URI uri;
        try {
            uri = URI.create(stripSlash(jiraBaseUrl) + RestApi.BASE_PATH + "/posts?from=" + encode(from) + "&to=" + encode(to)
                    + "&limit=" + LIMIT);
        } catch (IllegalArgumentException e) {
            throw new JiraUnavailableException("The Jira base URL in Social Desk's settings is not a valid URL.");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET();
        if (token != null && !token.isBlank()) request.header("Authorization", "Bearer " + token.strip());
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | IllegalArgumentException e) {
            throw new JiraUnavailableException("Jira did not answer at " + uri.getHost() + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JiraUnavailableException("The request to Jira was interrupted.");
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new JiraUnavailableException("Jira refused the request (HTTP " + status + "): check the token in Social Desk's settings.");
        }
        if (status != 200) throw new JiraUnavailableException("Jira answered HTTP " + status + ".");
        try {
            return Arrays.asList(json.readValue(response.body(), PostJson[].class));
        } catch (IOException e) {
            throw new JiraUnavailableException("Jira's answer was not the Social Desk posts list.");
        }
    }

    private static String stripSlash(String url) {
        String trimmed = url.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static String encode(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }
}
