// Checked against: reference/atlassian-platform.md §2 (results.getResults() since Jira 8). Signatures only.
package com.atlassian.jira.issue.search;

import java.util.List;

public class SearchResults<T> {
    private final List<T> results;

    public SearchResults(List<T> results, int total, int maxResults, int startIndex) {
        this.results = results;
    }

    public List<T> getResults() {
        return results;
    }
}
