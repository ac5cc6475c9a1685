package io.socialdesk.server.render;

import java.io.Writer;
import org.apache.velocity.context.InternalContextAdapter;
import org.apache.velocity.runtime.directive.Directive;
import org.apache.velocity.runtime.parser.node.Node;

/**
 * {@code #htmlSafe()}: Confluence's marker that a template is written for automatic escaping.
 * Here escaping is always on, so the directive writes nothing; it exists so the shared templates
 * parse on Velocity 2 as they do in Confluence.
 */
public final class HtmlSafeDirective extends Directive {
    @Override
    public String getName() {
        return "htmlSafe";
    }

    @Override
    public int getType() {
        return LINE;
    }

    @Override
    public boolean render(InternalContextAdapter context, Writer writer, Node node) {
        return true;
    }
}
