// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/issue/search/SearchException.html
package com.atlassian.jira.issue.search;

public class SearchException extends Exception {
    public SearchException(String message) {
        super(message);
    }
}
