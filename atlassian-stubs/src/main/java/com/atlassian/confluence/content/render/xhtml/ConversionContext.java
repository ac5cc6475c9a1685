// Checked against: the fully qualified type in the Macro.execute signature,
// https://docs.atlassian.com/ConfluenceServer/javadoc/9.0.2/com/atlassian/confluence/macro/Macro.html
package com.atlassian.confluence.content.render.xhtml;

public interface ConversionContext {
    String getOutputType();
}
