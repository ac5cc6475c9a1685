package io.socialdesk.web.page;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Port: renders a Velocity template from the classpath. Jira and Confluence implement it with
 * {@code TemplateRenderer} (their Velocity 1.6 fork, which escapes references by default); the
 * server with Velocity 2 set up to behave the same. Templates therefore use only what both engines
 * understand: no {@code $velocityCount}, no {@code $foreach}, getters on view objects only, and
 * references ending in {@code Html} for the rare value that is already HTML.
 */
public interface Templates {
    void render(String template, Map<String, Object> context, Writer out) throws IOException;
}
