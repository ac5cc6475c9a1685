// Checked against: https://docs.atlassian.com/atlassian-template-renderer/1.5.2/apidocs/com/atlassian/templaterenderer/RenderingException.html
package com.atlassian.templaterenderer;

public class RenderingException extends RuntimeException {
    public RenderingException(Throwable cause) {
        super(cause);
    }
}
