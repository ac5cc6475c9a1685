package io.socialdesk.jira.page;

import com.atlassian.plugin.web.Condition;
import io.socialdesk.core.publish.PublishingQueue;
import io.socialdesk.jira.SocialDeskEngine;
import java.util.Map;
import javax.inject.Inject;

/** Shows the "Publishing queue" link to the people who run the queue: marketing leads and administrators. */
public class QueueLinkCondition implements Condition {
    private final SocialDeskEngine engine;

    @Inject
    public QueueLinkCondition(SocialDeskEngine engine) {
        this.engine = engine;
    }

    @Override
    public void init(Map<String, String> params) {}

    @Override
    public boolean shouldDisplay(Map<String, Object> context) {
        try {
            return engine.currentUser().get().map(PublishingQueue::mayOperate).orElse(false);
        } catch (RuntimeException e) {
            return false; // a link must never break Jira's header
        }
    }
}
