package io.socialdesk.jira.page;

import io.socialdesk.core.inbox.routing.RoutingService;
import io.socialdesk.jira.SocialDeskEngine;
import javax.inject.Inject;

/** Shows the "Routing" link to the people who may read the routing rules: marketing leads and administrators. */
public class RoutingLinkCondition extends ViewerLinkCondition {
    @Inject
    public RoutingLinkCondition(SocialDeskEngine engine) {
        super(engine, RoutingService::mayRead);
    }
}
