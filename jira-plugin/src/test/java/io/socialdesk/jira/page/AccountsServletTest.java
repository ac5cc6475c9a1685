package io.socialdesk.jira.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.atlassian.jira.permission.GlobalPermissionKey;
import com.atlassian.jira.security.GlobalPermissionManager;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import com.atlassian.templaterenderer.TemplateRenderer;
import io.socialdesk.channel.ChannelDirectory;
import io.socialdesk.core.account.AccountSettings;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.memory.FakeChannel;
import io.socialdesk.core.memory.MemoryStores;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import io.socialdesk.jira.account.JiraAccounts;
import io.socialdesk.web.account.AccountAdmin;
import io.socialdesk.web.page.AccountsAdminPage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class AccountsServletTest {
    private final MemoryStores stores = new MemoryStores();
    private final io.socialdesk.jira.SocialDeskEngine engine = mock(io.socialdesk.jira.SocialDeskEngine.class);
    private final JiraAccounts accounts = mock(JiraAccounts.class);
    private final JiraAuthenticationContext authentication = mock(JiraAuthenticationContext.class);
    private final GlobalPermissionManager permissions = mock(GlobalPermissionManager.class);
    private final TemplateRenderer renderer = mock(TemplateRenderer.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final ApplicationUser jiraUser = mock(ApplicationUser.class);
    private Optional<User> viewer = Optional.empty();
    private final AccountAdmin admin = new AccountAdmin(stores.accounts, stores.oauthClients, stores.pending, stores.trail,
            ChannelDirectory.of(List.of(FakeChannel.appPassword(Network.BLUESKY), FakeChannel.oauth(Network.MASTODON))),
            AccountSettings.fixed(false, 7, "test"), new AccountAdmin.HostUrls(() -> URI.create("https://jira.example/cb"),
                    () -> URI.create("https://jira.example" + JiraAccounts.PAGE)), Clock.systemUTC());
    private final AccountsServlet servlet;

    AccountsServletTest() throws Exception {
        when(accounts.admin()).thenReturn(admin);
        when(engine.currentUser()).thenReturn(() -> viewer);
        when(authentication.getLoggedInUser()).thenReturn(jiraUser);
        when(authentication.getLocale()).thenReturn(Locale.FRENCH);
        when(request.getContextPath()).thenReturn("/jira");
        when(response.getWriter()).thenReturn(new PrintWriter(new StringWriter()));
        servlet = new AccountsServlet(engine, accounts, authentication, permissions, mock(PluginSettingsFactory.class), renderer);
    }

    @Test
    void aMarketingLeadSeesTheSharedPageWithAConnectFormPerConnector() throws Exception {
        viewer = Optional.of(new User("JIRAUSER-1", "Laura", Set.of(Role.MARKETING_LEAD), ZoneId.of("Europe/Paris")));
        when(request.getParameter("error")).thenReturn("state-expired");

        servlet.doGet(request, response);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> context = ArgumentCaptor.forClass(Map.class);
        verify(renderer).render(eq(AccountsAdminPage.TEMPLATE), context.capture(), any(java.io.Writer.class));
        assertThat(context.getValue().get("restBase")).isEqualTo("/jira/rest/socialdesk/1.0");
        @SuppressWarnings("unchecked")
        List<AccountsAdminPage.ConnectOption> options = (List<AccountsAdminPage.ConnectOption>) context.getValue().get("connectOptions");
        assertThat(options).extracting(AccountsAdminPage.ConnectOption::getNetwork).containsExactly("MASTODON", "BLUESKY");
        assertThat(((AccountsAdminPage.Result) context.getValue().get("result")).getMessageKey()).isEqualTo("socialdesk.accounts.error.state-expired");
        assertThat(context.getValue().get("isAdmin")).isEqualTo(false);
        verify(renderer).render(eq(AccountsServlet.TEMPLATE), anyMap(), any(java.io.Writer.class));
    }

    @Test
    void anAuthorWhoOwnsNothingIsRefusedAJiraAdminIsLetIn() throws Exception {
        viewer = Optional.of(new User("JIRAUSER-2", "Marc", Set.of(Role.MARKETING_AUTHOR), ZoneId.of("UTC")));
        servlet.doGet(request, response);
        verify(response).sendError(eq(HttpServletResponse.SC_FORBIDDEN), any());
        verify(renderer, never()).render(eq(AccountsAdminPage.TEMPLATE), anyMap(), any(java.io.Writer.class));

        when(permissions.hasPermission(GlobalPermissionKey.ADMINISTER, jiraUser)).thenReturn(true);
        viewer = Optional.of(new User("JIRAUSER-3", "Ada", Set.of(Role.ADMIN), ZoneId.of("UTC")));
        servlet.doGet(request, response);
        verify(renderer).render(eq(AccountsAdminPage.TEMPLATE), anyMap(), any(java.io.Writer.class));
    }
}
