package io.socialdesk.jira.page;

import com.atlassian.plugin.web.model.WebPanel;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** A web panel that only writes its HTML: {@link #getHtml} is what {@link #writeHtml} writes. */
interface WritingPanel extends WebPanel {
    @Override
    default String getHtml(Map<String, Object> context) {
        StringWriter out = new StringWriter();
        try {
            writeHtml(out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
