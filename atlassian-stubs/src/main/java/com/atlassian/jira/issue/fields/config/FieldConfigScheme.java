// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/issue/fields/config/FieldConfigScheme.html
// (getId(), getName()). Only the type is needed here.
package com.atlassian.jira.issue.fields.config;

public interface FieldConfigScheme {
    Long getId();

    String getName();
}
