// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/util/ErrorCollection.html
package com.atlassian.jira.util;

import java.util.Collection;
import java.util.Map;

public interface ErrorCollection {
    Map<String, String> getErrors();

    Collection<String> getErrorMessages();

    boolean hasAnyErrors();
}
