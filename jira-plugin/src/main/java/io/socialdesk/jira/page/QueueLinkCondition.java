package io.socialdesk.jira.page;

import io.socialdesk.core.publish.PublishingQueue;
import io.socialdesk.jira.SocialDeskEngine;
import javax.inject.Inject;

/** Shows the "Publishing queue" link to the people who run the queue: marketing leads and administrators. */
public class QueueLinkCondition extends ViewerLinkCondition {
    @Inject
    public QueueLinkCondition(SocialDeskEngine engine) {
        super(engine, PublishingQueue::mayOperate);
    }
}
