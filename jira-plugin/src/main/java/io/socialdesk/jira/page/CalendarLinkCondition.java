package io.socialdesk.jira.page;

import io.socialdesk.jira.SocialDeskEngine;
import javax.inject.Inject;

/** Shows the project sidebar's "Editorial calendar" and "This week's posts" links to everyone Social Desk knows. */
public class CalendarLinkCondition extends ViewerLinkCondition {
    @Inject
    public CalendarLinkCondition(SocialDeskEngine engine) {
        super(engine, user -> true);
    }
}
