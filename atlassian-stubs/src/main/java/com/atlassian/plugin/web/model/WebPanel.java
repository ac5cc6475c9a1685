// Checked against: https://docs.atlassian.com/atlassian-plugins-webfragment/ com.atlassian.plugin.web.model.WebPanel
// (String getHtml(Map<String,Object> context); void writeHtml(Writer, Map<String,Object>) throws IOException).
package com.atlassian.plugin.web.model;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

public interface WebPanel {
    String getHtml(Map<String, Object> context);

    void writeHtml(Writer writer, Map<String, Object> context) throws IOException;
}
