package io.socialdesk.jira.rest;

import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.web.rest.HealthResource;
import javax.inject.Inject;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/**
 * {@code /rest/socialdesk/1.0/health} in Jira. Licensed users only, not anonymous: it names the
 * version, the database and the cluster node, and load balancers already have Jira's own /status.
 */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
@LicensedOnly
public class JiraHealthResource extends HealthResource {
    @Inject
    public JiraHealthResource(SocialDeskEngine engine) {
        super(engine.health());
    }
}
