package io.socialdesk.confluence.macro;

import com.atlassian.templaterenderer.TemplateRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.implement.EscapeHtmlReference;

/**
 * Stands in for Confluence's renderer in tests: Velocity 2 from the classpath, every reference
 * HTML-escaped as the host does for #htmlSafe() templates, and $i18n from the English bundle.
 */
final class VelocityTemplateRenderer implements TemplateRenderer {
    private final VelocityEngine engine = new VelocityEngine();
    private final Properties english = new Properties();

    VelocityTemplateRenderer() {
        engine.setProperty("event_handler.reference_insertion.class", EscapeHtmlReference.class.getName());
        // #parse of the shared calendar templates, from the classpath as the plugin's class loader finds them.
        engine.setProperty("resource.loaders", "class");
        engine.setProperty("resource.loader.class.class", "org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader");
        engine.init();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("io/socialdesk/web/i18n/socialdesk.properties")) {
            english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What templates call as $i18n. */
    public final class I18n {
        public String getText(String key) {
            return java.text.MessageFormat.format(english.getProperty(key, key), new Object[0]);
        }

        /** With arguments, as Jira's and Confluence's helpers take them (Velocity 1.6 calls varargs). */
        public String getText(String key, Object... arguments) {
            return java.text.MessageFormat.format(english.getProperty(key, key), arguments);
        }
    }

    @Override
    public void render(String templateName, Map<String, Object> context, Writer writer) throws IOException {
        String template;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(templateName)) {
            if (in == null) throw new IOException("no template " + templateName);
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("#htmlSafe()", "");
        }
        VelocityContext velocity = new VelocityContext(new java.util.HashMap<>(context));
        velocity.put("i18n", new I18n());
        engine.evaluate(velocity, writer, templateName, template);
    }

    @Override
    public void render(String templateName, Writer writer) throws IOException {
        render(templateName, Map.of(), writer);
    }

    @Override
    public String renderFragment(String fragment, Map<String, Object> context) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean resolve(String templateName) {
        return getClass().getClassLoader().getResource(templateName) != null;
    }
}
