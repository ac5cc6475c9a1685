package io.socialdesk.jira.rest.error;

import io.socialdesk.web.rest.error.InvalidInputMapper;
import javax.ws.rs.ext.Provider;

/** The shared mapper, in the package Jira's REST module scans (see atlassian-plugin.xml). */
@Provider
public class JiraInvalidInputMapper extends InvalidInputMapper {
}
