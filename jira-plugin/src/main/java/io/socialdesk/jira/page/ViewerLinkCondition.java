package io.socialdesk.jira.page;

import com.atlassian.plugin.web.Condition;
import io.socialdesk.core.user.User;
import io.socialdesk.jira.SocialDeskEngine;
import java.util.Map;
import java.util.function.Predicate;

/** Shows a Social Desk link to the signed-in people {@code mayUse} accepts; never breaks Jira's header. */
abstract class ViewerLinkCondition implements Condition {
    private final SocialDeskEngine engine;
    private final Predicate<User> mayUse;

    ViewerLinkCondition(SocialDeskEngine engine, Predicate<User> mayUse) {
        this.engine = engine;
        this.mayUse = mayUse;
    }

    @Override
    public void init(Map<String, String> params) {}

    @Override
    public boolean shouldDisplay(Map<String, Object> context) {
        try {
            return engine.currentUser().get().map(mayUse::test).orElse(false);
        } catch (RuntimeException e) {
            return false; // a link must never break Jira's header
        }
    }
}
