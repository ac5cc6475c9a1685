// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/scheme/Scheme.html (getId(), getName()).
package com.atlassian.jira.scheme;

public class Scheme {
    public Long getId() { throw new UnsupportedOperationException("stub"); }

    public String getName() { throw new UnsupportedOperationException("stub"); }
}
