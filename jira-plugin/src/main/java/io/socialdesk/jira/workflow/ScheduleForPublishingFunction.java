package io.socialdesk.jira.workflow;

import com.atlassian.jira.user.util.UserManager;
import io.socialdesk.core.approval.Action;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.jira.user.JiraCurrentUser;
import javax.inject.Inject;

/**
 * Post-function "Schedule for publishing": schedules the approved post as the person taking the
 * transition; the engine refuses unless every approval is on the current content, an account is
 * chosen and the planned time is ahead.
 */
public class ScheduleForPublishingFunction extends EngineActionFunction {
    @Inject
    public ScheduleForPublishingFunction(SocialDeskEngine engine, UserManager users, JiraCurrentUser people) {
        super(engine, users, people, Action.SCHEDULE);
    }
}
