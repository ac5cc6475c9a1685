package io.socialdesk.server.render;

import io.socialdesk.web.page.Templates;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Properties;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;

/**
 * {@link Templates} on Velocity 2, set up to behave as Jira's Velocity 1.6 fork does for plugin
 * templates: the 1.x-compatible settings of the Velocity upgrade guide, and every reference
 * HTML-escaped unless its name ends in {@code Html} (Jira's rule), so a template that is safe in
 * Jira is safe here and the reverse.
 */
public final class VelocityTemplates implements Templates {
    private final VelocityEngine engine;

    public VelocityTemplates() {
        Properties p = new Properties();
        p.setProperty(RuntimeConstants.RESOURCE_LOADERS, "classpath");
        p.setProperty("resource.loader.classpath.class", ClasspathResourceLoader.class.getName());
        p.setProperty("resource.loader.classpath.cache", "true");
        p.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        // Velocity 1.x behaviour (https://velocity.apache.org/engine/2.3/upgrading.html).
        p.setProperty("introspector.conversion_handler.class", "none");
        p.setProperty("parser.space_gobbling", "bc");
        p.setProperty("directive.if.empty_check", "false");
        p.setProperty("parser.allow_hyphen_in_identifiers", "true");
        p.setProperty("velocimacro.enable_bc_mode", "true");
        p.setProperty("runtime.custom_directives", HtmlSafeDirective.class.getName());
        // A missing reference is a template bug; say so instead of printing "$foo".
        p.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "false");
        engine = new VelocityEngine(p);
        engine.init();
    }

    @Override
    public void render(String template, Map<String, Object> context, Writer out) throws IOException {
        VelocityContext velocityContext = new VelocityContext(new java.util.HashMap<>(context));
        EventCartridge cartridge = new EventCartridge();
        cartridge.addReferenceInsertionEventHandler(new EscapeUnlessHtml());
        cartridge.attachToContext(velocityContext);
        Template t = engine.getTemplate(template, "UTF-8");
        t.merge(velocityContext, out);
    }

    /** Escapes every inserted value for HTML, except references whose name ends in "Html". */
    static final class EscapeUnlessHtml implements ReferenceInsertionEventHandler {
        /** A template's references are few and fixed; a page inserts them thousands of times. */
        private static final Map<String, Boolean> RAW = new ConcurrentHashMap<>();

        @Override
        public Object referenceInsert(Context context, String reference, Object value) {
            if (value == null) return null;
            if (RAW.computeIfAbsent(reference, EscapeUnlessHtml::namesHtml)) return value;
            return Html.escape(value.toString());
        }

        private static boolean namesHtml(String reference) {
            String name = reference.replace("$", "").replace("!", "").replace("{", "").replace("}", "");
            int call = name.indexOf('(');
            if (call >= 0) name = name.substring(0, call);
            return name.endsWith("Html");
        }
    }
}
