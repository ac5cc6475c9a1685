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
import io.socialdesk.core.inbox.crisis.CrisisAlerts;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import io.socialdesk.jira.inbox.JiraCrisisAlerts;
import io.socialdesk.web.page.CrisisAlertsPage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The crisis alert page in Jira: the shared template, read-only for a marketing lead, refused to an agent. */
class CrisisAlertsServletTest {
    private final List<String> saved = new ArrayList<>(List.of("JIRAUSER10100"));
    private final CrisisAlerts alerts = new CrisisAlerts(new CrisisAlerts.Store() {
        @Override public List<String> recipients() { return List.copyOf(saved); }
        @Override public void replace(List<String> keys) { saved.clear(); saved.addAll(keys); }
    }, key -> true);
    private final io.socialdesk.jira.SocialDeskEngine engine = mock(io.socialdesk.jira.SocialDeskEngine.class);
    private final JiraAuthenticationContext authentication = mock(JiraAuthenticationContext.class);
    private final TemplateRenderer renderer = mock(TemplateRenderer.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private Optional<User> viewer = Optional.empty();
    private final CrisisAlertsServlet servlet;

    CrisisAlertsServletTest() throws Exception {
        when(engine.currentUser()).thenReturn(() -> viewer);
        when(authentication.getLoggedInUser()).thenReturn(mock(ApplicationUser.class));
        when(authentication.getLocale()).thenReturn(Locale.FRENCH);
        when(request.getContextPath()).thenReturn("/jira");
        when(response.getWriter()).thenReturn(new PrintWriter(new StringWriter()));
        servlet = new CrisisAlertsServlet(engine, new JiraCrisisAlerts(alerts), authentication, mock(GlobalPermissionManager.class),
                mock(PluginSettingsFactory.class), renderer);
    }

    @Test
    void aMarketingLeadSeesTheListReadOnlyWithJirasUserKeyHint() throws Exception {
        viewer = Optional.of(new User("JIRAUSER-1", "Laura", Set.of(Role.MARKETING_LEAD), ZoneOffset.UTC));

        servlet.doGet(request, response);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> context = ArgumentCaptor.forClass(Map.class);
        verify(renderer).render(eq(CrisisAlertsPage.TEMPLATE), context.capture(), any(java.io.Writer.class));
        assertThat(context.getValue()).containsEntry("recipientsText", "JIRAUSER10100").containsEntry("mayEdit", false)
                .containsEntry("restBase", "/jira/rest/socialdesk/1.0").containsEntry("userHintKey", "socialdesk.crisis.alerts.userHint.jira");
        verify(renderer).render(eq(CrisisAlertsServlet.TEMPLATE), anyMap(), any(java.io.Writer.class));
    }

    @Test
    void anAgentIsRefused() throws Exception {
        viewer = Optional.of(new User("JIRAUSER-2", "Sam", Set.of(Role.SUPPORT_AGENT), ZoneOffset.UTC));
        servlet.doGet(request, response);
        verify(response).sendError(HttpServletResponse.SC_FORBIDDEN, CrisisAlertsServlet.REFUSED);
        verify(renderer, never()).render(eq(CrisisAlertsPage.TEMPLATE), anyMap(), any(java.io.Writer.class));
    }
}
