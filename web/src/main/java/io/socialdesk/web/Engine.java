package io.socialdesk.web;

import io.socialdesk.channel.rules.InstanceLimits;
import io.socialdesk.channel.rules.NetworkContentCheck;
import io.socialdesk.channel.rules.PostValidator;
import io.socialdesk.channel.rules.RulesTable;
import io.socialdesk.core.account.AccountStore;
import io.socialdesk.core.account.OAuthClientStore;
import io.socialdesk.core.account.PendingConnections;
import io.socialdesk.core.secret.SecretBox;
import io.socialdesk.core.approval.ApproverDirectory;
import io.socialdesk.core.approval.ContentVersions;
import io.socialdesk.core.approval.DecisionStore;
import io.socialdesk.core.approval.PolicyStore;
import io.socialdesk.core.approval.ReviewNotices;
import io.socialdesk.core.approval.ReviewService;
import io.socialdesk.core.audit.AuditTrail;
import io.socialdesk.core.inbox.routing.RoutingService;
import io.socialdesk.core.notification.Notifier;
import io.socialdesk.core.post.MediaStore;
import io.socialdesk.core.post.PostService;
import io.socialdesk.core.post.PostStore;
import io.socialdesk.core.tracker.IssueTracker;
import io.socialdesk.store.account.AoAccountStore;
import io.socialdesk.store.account.AoOAuthClientStore;
import io.socialdesk.store.account.AoPendingConnections;
import io.socialdesk.store.ao.AoAccess;
import io.socialdesk.store.approval.AoContentVersions;
import io.socialdesk.store.approval.AoDecisionStore;
import io.socialdesk.store.approval.AoPolicyStore;
import io.socialdesk.store.audit.AoAuditTrail;
import io.socialdesk.store.inbox.AoRoutingRuleStore;
import io.socialdesk.store.post.AoPostStore;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The engine's stores and services, assembled the same way in every host from what only the host
 * knows: its Active Objects, where it keeps uploaded media, its tracker, how it notifies people and
 * who is in which group. {@code routing} holds the inbox's routing rules; its {@code router()} is what the
 * import pipeline routes items with.
 */
public record Engine(PostStore postStore, AccountStore accounts, AuditTrail trail, DecisionStore decisions, PolicyStore policies,
        ContentVersions versions, PostService posts, ReviewService reviews, MediaStore media, OAuthClientStore oauthClients,
        PendingConnections pendingConnections, RoutingService routing) {

    /** {@code secrets}: the host's key (never from the database), which seals credentials, client secrets and PKCE verifiers. */
    public static Engine over(AoAccess ao, Supplier<SecretBox> secrets, MediaStore media, IssueTracker tracker, Notifier notifier, ApproverDirectory directory,
            Clock clock) {
        PostStore postStore = new AoPostStore(ao);
        AccountStore accounts = new AoAccountStore(ao, secrets, clock);
        AuditTrail trail = new AoAuditTrail(ao);
        DecisionStore decisions = new AoDecisionStore(ao);
        PolicyStore policies = new AoPolicyStore(ao);
        ContentVersions versions = new AoContentVersions(ao);
        ReviewNotices notices = new ReviewNotices(policies, decisions, notifier, clock);
        PostService posts = new PostService(postStore, media, tracker, trail, versions, notices, clock);
        ReviewService reviews = new ReviewService(postStore, trail, decisions, policies, versions, directory, contentCheck(accounts, clock), accounts,
                tracker, notices, clock, io.socialdesk.web.calendar.EditorialCalendar.blackoutsOver(ao));
        return new Engine(postStore, accounts, trail, decisions, policies, versions, posts, reviews, media, new AoOAuthClientStore(ao, secrets),
                new AoPendingConnections(ao, secrets), new RoutingService(new AoRoutingRuleStore(ao), clock));
    }

    /** Content checked against each network's rules, with the limits the target accounts' networks published. */
    public static io.socialdesk.core.post.ContentCheck contentCheck(AccountStore accounts, Clock clock) {
        return new NetworkContentCheck(new PostValidator(RulesTable.standard(), clock), new InstanceLimits(accounts));
    }
}
