// Checked against: https://docs.atlassian.com/ConfluenceServer/javadoc/9.0.2/com/atlassian/confluence/macro/MacroExecutionException.html
package com.atlassian.confluence.macro;

public class MacroExecutionException extends Exception {
    public MacroExecutionException(String message) { super(message); }
    public MacroExecutionException(Throwable cause) { super(cause); }
    public MacroExecutionException(String message, Throwable cause) { super(message, cause); }
}
