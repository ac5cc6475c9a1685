package io.socialdesk.jira.rest.error;

import io.socialdesk.web.rest.error.ConflictMapper;
import javax.ws.rs.ext.Provider;

/** The shared mapper, in the package Jira's REST module scans (see atlassian-plugin.xml). */
@Provider
public class JiraConflictMapper extends ConflictMapper {
}
