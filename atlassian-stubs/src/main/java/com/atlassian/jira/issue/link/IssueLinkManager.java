// Checked against: https://docs.atlassian.com/jira/server/com/atlassian/jira/issue/link/IssueLinkManager.html
// (void createIssueLink(Long sourceIssueId, Long destinationIssueId, Long issueLinkTypeId, Long sequence,
// ApplicationUser remoteUser) throws CreateException; List<IssueLink> getOutwardLinks(Long sourceIssueId)).
package com.atlassian.jira.issue.link;

import com.atlassian.jira.exception.CreateException;
import com.atlassian.jira.user.ApplicationUser;
import java.util.List;

public interface IssueLinkManager {
    void createIssueLink(Long sourceIssueId, Long destinationIssueId, Long issueLinkTypeId, Long sequence, ApplicationUser remoteUser)
            throws CreateException;

    List<IssueLink> getOutwardLinks(Long sourceIssueId);
}
