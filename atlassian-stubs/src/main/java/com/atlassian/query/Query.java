// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/query/Query.html (a parsed JQL query). Marker only.
package com.atlassian.query;

public interface Query {
}
