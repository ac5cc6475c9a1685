package io.socialdesk.jira.page;

import io.socialdesk.jira.SocialDeskEngine;
import javax.inject.Inject;

/** Shows a Social Desk link (the inbox's response times) to anyone signed in to Jira. */
public class SignedInLinkCondition extends ViewerLinkCondition {
    @Inject
    public SignedInLinkCondition(SocialDeskEngine engine) {
        super(engine, user -> true);
    }
}
