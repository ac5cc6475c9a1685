package io.socialdesk.jira.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.atlassian.jira.security.GlobalPermissionManager;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import com.atlassian.templaterenderer.TemplateRenderer;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.approval.ApproverDirectory;
import io.socialdesk.core.approval.ReviewNotices;
import io.socialdesk.core.approval.ReviewService;
import io.socialdesk.core.memory.MemoryStores;
import io.socialdesk.core.post.PlannedTime;
import io.socialdesk.core.post.Post;
import io.socialdesk.core.post.PostContent;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.publish.DeliveryPlan;
import io.socialdesk.core.publish.DeliveryRecord;
import io.socialdesk.core.publish.PublishingQueue;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import io.socialdesk.jira.publish.JiraPublishing;
import io.socialdesk.web.page.QueuePage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The queue page in Jira: the shared template, for marketing leads (and Jira admins); an author gets a 403. */
class QueueServletTest {
    private final MemoryStores stores = new MemoryStores();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private final ReviewService reviews = new ReviewService(stores.posts, stores.trail, stores.decisions, stores.policies, stores.versions,
            ApproverDirectory.NO_GROUPS, (c, n) -> List.of(), stores.accounts, (kind, summary, reporter) -> new TrackedItem(1, "SD-1", "/browse/SD-1"),
            new ReviewNotices(stores.policies, stores.decisions, n -> {}, clock), clock);
    private final PublishingQueue queue = new PublishingQueue(stores.deliveries, stores.posts, stores.accounts, reviews, id -> {}, stores.trail, clock);
    private final io.socialdesk.jira.SocialDeskEngine engine = mock(io.socialdesk.jira.SocialDeskEngine.class);
    private final JiraPublishing publishing = mock(JiraPublishing.class);
    private final JiraAuthenticationContext authentication = mock(JiraAuthenticationContext.class);
    private final GlobalPermissionManager permissions = mock(GlobalPermissionManager.class);
    private final TemplateRenderer renderer = mock(TemplateRenderer.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private Optional<User> viewer = Optional.empty();
    private final QueueServlet servlet;

    QueueServletTest() throws Exception {
        when(publishing.queue()).thenReturn(queue);
        when(engine.currentUser()).thenReturn(() -> viewer);
        when(authentication.getLoggedInUser()).thenReturn(mock(ApplicationUser.class));
        when(authentication.getLocale()).thenReturn(Locale.FRENCH);
        when(request.getContextPath()).thenReturn("/jira");
        when(response.getWriter()).thenReturn(new PrintWriter(new StringWriter()));
        servlet = new QueueServlet(engine, publishing, authentication, permissions, mock(PluginSettingsFactory.class), renderer);
    }

    @Test
    void aMarketingLeadSeesTheFailedDeliveryWithItsTimeInTheirZone() throws Exception {
        long account = stores.accounts.add(Network.MASTODON, "@acme@mastodon.social", "Acme").id();
        PostContent content = new PostContent("Hello", Map.of(), List.of(), List.of(), Optional.empty(), List.of(), null, "", "", List.of(account));
        Post post = stores.posts.create(new TrackedItem(1, "SD-1", "/browse/SD-1"), "Winter sale", content,
                new PlannedTime(LocalDateTime.of(2026, 11, 22, 11, 0), ZoneOffset.UTC), PostState.PUBLISHING, "alice", clock.instant());
        DeliveryRecord d = stores.deliveries.plan(DeliveryPlan.of(post), clock.instant()).get(0);
        d = stores.deliveries.replace(d, d.claimedBy("n", clock.instant().plusSeconds(60), clock.instant())).orElseThrow();
        stores.deliveries.replace(d, d.failed("invalid-token", "revoked", clock.instant()));
        viewer = Optional.of(new User("JIRAUSER-1", "Laura", Set.of(Role.MARKETING_LEAD), ZoneId.of("Europe/Paris")));

        servlet.doGet(request, response);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> context = ArgumentCaptor.forClass(Map.class);
        verify(renderer).render(eq(QueuePage.TEMPLATE), context.capture(), any(java.io.Writer.class));
        assertThat(context.getValue().get("restBase")).isEqualTo("/jira/rest/socialdesk/1.0");
        @SuppressWarnings("unchecked")
        List<QueuePage.BucketView> buckets = (List<QueuePage.BucketView>) context.getValue().get("buckets");
        QueuePage.BucketView failed = buckets.stream().filter(b -> b.getSlug().equals("failed")).findFirst().orElseThrow();
        assertThat(failed.getCount()).isEqualTo(1);
        QueuePage.RowView row = failed.getRows().get(0);
        assertThat(row.getReason()).isEqualTo("revoked");
        assertThat(row.getDue()).as("11:00 UTC in Paris, in French").contains("12:00");
        assertThat(row.getMayRetry()).isTrue();
        assertThat(row.getMayCancel()).isFalse();
        verify(renderer).render(eq(QueueServlet.TEMPLATE), anyMap(), any(java.io.Writer.class));
    }

    @Test
    void anAuthorIsRefused() throws Exception {
        viewer = Optional.of(new User("JIRAUSER-2", "Alice", Set.of(Role.MARKETING_AUTHOR), ZoneId.of("UTC")));
        servlet.doGet(request, response);
        verify(response).sendError(HttpServletResponse.SC_FORBIDDEN, QueueServlet.REFUSED);
        verify(renderer, never()).render(eq(QueuePage.TEMPLATE), anyMap(), any(java.io.Writer.class));
    }
}
