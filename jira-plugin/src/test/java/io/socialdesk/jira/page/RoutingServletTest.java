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
import io.socialdesk.core.inbox.Route;
import io.socialdesk.core.inbox.routing.Conditions;
import io.socialdesk.core.inbox.routing.RoutingRule;
import io.socialdesk.core.inbox.routing.RoutingService;
import io.socialdesk.core.memory.MemoryRoutingRuleStore;
import io.socialdesk.core.memory.MemoryStores;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import io.socialdesk.web.page.RoutingAdminPage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
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

/** The routing page in Jira: the shared template over Jira's accounts, read-only for a marketing lead, refused to an author. */
class RoutingServletTest {
    private final MemoryStores stores = new MemoryStores();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private final RoutingService routing = new RoutingService(new MemoryRoutingRuleStore(), clock);
    private final io.socialdesk.jira.SocialDeskEngine engine = mock(io.socialdesk.jira.SocialDeskEngine.class);
    private final JiraAuthenticationContext authentication = mock(JiraAuthenticationContext.class);
    private final TemplateRenderer renderer = mock(TemplateRenderer.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private Optional<User> viewer = Optional.empty();
    private final RoutingServlet servlet;

    RoutingServletTest() throws Exception {
        when(engine.currentUser()).thenReturn(() -> viewer);
        when(engine.routing()).thenReturn(routing);
        when(engine.accounts()).thenReturn(stores.accounts);
        when(authentication.getLoggedInUser()).thenReturn(mock(ApplicationUser.class));
        when(authentication.getLocale()).thenReturn(Locale.FRENCH);
        when(request.getContextPath()).thenReturn("/jira");
        when(response.getWriter()).thenReturn(new PrintWriter(new StringWriter()));
        servlet = new RoutingServlet(engine, authentication, mock(GlobalPermissionManager.class), mock(PluginSettingsFactory.class), renderer);
    }

    @Test
    void aMarketingLeadSeesTheSavedRulesReadOnlyWithJirasAccountsAndProjectHint() throws Exception {
        long account = stores.accounts.add(Network.MASTODON, "@acme@mastodon.social", "Acme").id();
        User admin = new User("JIRAUSER-0", "Admin", Set.of(Role.ADMIN), ZoneOffset.UTC);
        routing.save(admin, 0, List.of(new RoutingRule("vip", "VIP", true, Conditions.NONE.withAccounts(account), Route.to("SD"))), Route.to("CARE"));
        viewer = Optional.of(new User("JIRAUSER-1", "Laura", Set.of(Role.MARKETING_LEAD), ZoneId.of("Europe/Paris")));
        when(request.getParameter("saved")).thenReturn("1");

        servlet.doGet(request, response);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> context = ArgumentCaptor.forClass(Map.class);
        verify(renderer).render(eq(RoutingAdminPage.TEMPLATE), context.capture(), any(java.io.Writer.class));
        Map<String, Object> c = context.getValue();
        assertThat(c.get("restBase")).isEqualTo("/jira/rest/socialdesk/1.0");
        assertThat(c.get("mayEdit")).isEqualTo(false);
        assertThat(c.get("justSaved")).isEqualTo(true);
        assertThat(c.get("projectHintKey")).isEqualTo("socialdesk.routing.projectHint.jira");
        RoutingAdminPage.Form form = (RoutingAdminPage.Form) c.get("routing");
        assertThat(form.getVersion()).isEqualTo(1);
        assertThat(form.getDefaultRoute().getProject()).isEqualTo("CARE");
        RoutingAdminPage.RuleRow row = form.getRules().get(0);
        assertThat(row.getAccounts()).filteredOn(RoutingAdminPage.Check::getChecked).extracting(RoutingAdminPage.Check::getLabel)
                .containsExactly("@acme@mastodon.social (Mastodon)");
        verify(renderer).render(eq(RoutingServlet.TEMPLATE), anyMap(), any(java.io.Writer.class));
    }

    @Test
    void anAuthorIsRefused() throws Exception {
        viewer = Optional.of(new User("JIRAUSER-2", "Alice", Set.of(Role.MARKETING_AUTHOR), ZoneId.of("UTC")));
        servlet.doGet(request, response);
        verify(response).sendError(HttpServletResponse.SC_FORBIDDEN, RoutingServlet.REFUSED);
        verify(renderer, never()).render(eq(RoutingAdminPage.TEMPLATE), anyMap(), any(java.io.Writer.class));
    }
}
