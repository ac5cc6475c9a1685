// Checked against: reference/atlassian-platform.md §2 (bc.issue.search.SearchService: parseQuery(ApplicationUser, String)
// answering ParseResult with isValid()/getQuery(); search(ApplicationUser, Query, PagerFilter) throws SearchException,
// answering SearchResults<Issue>). Signatures of what the plugin uses only.
package com.atlassian.jira.bc.issue.search;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.search.SearchException;
import com.atlassian.jira.issue.search.SearchResults;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.web.bean.PagerFilter;
import com.atlassian.query.Query;

public interface SearchService {
    ParseResult parseQuery(ApplicationUser searcher, String query);

    SearchResults<Issue> search(ApplicationUser searcher, Query query, PagerFilter pager) throws SearchException;

    final class ParseResult {
        private final Query query;

        public ParseResult(Query query, com.atlassian.jira.util.ErrorCollection errors) {
            this.query = query;
        }

        public Query getQuery() {
            return query;
        }

        public boolean isValid() {
            return query != null;
        }
    }
}
