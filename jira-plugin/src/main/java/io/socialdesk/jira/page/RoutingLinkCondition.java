package io.socialdesk.jira.page;

import com.atlassian.plugin.web.Condition;
import io.socialdesk.core.inbox.routing.RoutingService;
import io.socialdesk.jira.SocialDeskEngine;
import java.util.Map;
import javax.inject.Inject;

/** Shows the "Routing" link to the people who may read the routing rules: marketing leads and administrators. */
public class RoutingLinkCondition implements Condition {
    private final SocialDeskEngine engine;

    @Inject
    public RoutingLinkCondition(SocialDeskEngine engine) {
        this.engine = engine;
    }

    @Override
    public void init(Map<String, String> params) {}

    @Override
    public boolean shouldDisplay(Map<String, Object> context) {
        try {
            return engine.currentUser().get().map(RoutingService::mayRead).orElse(false);
        } catch (RuntimeException e) {
            return false; // a link must never break Jira's header
        }
    }
}
