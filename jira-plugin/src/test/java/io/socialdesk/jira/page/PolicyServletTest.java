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
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import com.atlassian.templaterenderer.TemplateRenderer;
import io.socialdesk.core.approval.ApprovalPolicy;
import io.socialdesk.core.approval.ContentRules;
import io.socialdesk.core.memory.MemoryStores;
import io.socialdesk.jira.SocialDeskEngine;
import io.socialdesk.jira.tracker.JiraIssueTracker;
import io.socialdesk.web.page.PolicyAdminPage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class PolicyServletTest {
    private final MemoryStores stores = new MemoryStores();
    private final SocialDeskEngine engine = mock(SocialDeskEngine.class);
    private final JiraAuthenticationContext authentication = mock(JiraAuthenticationContext.class);
    private final GlobalPermissionManager permissions = mock(GlobalPermissionManager.class);
    private final PluginSettingsFactory settingsFactory = mock(PluginSettingsFactory.class);
    private final PluginSettings settings = mock(PluginSettings.class);
    private final TemplateRenderer renderer = mock(TemplateRenderer.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final ApplicationUser admin = mock(ApplicationUser.class);
    private final PolicyServlet servlet = new PolicyServlet(engine, authentication, permissions, settingsFactory, renderer);

    PolicyServletTest() throws Exception {
        when(engine.policies()).thenReturn(stores.policies);
        when(settingsFactory.createGlobalSettings()).thenReturn(settings);
        when(settings.get(JiraIssueTracker.PROJECT_SETTING)).thenReturn("MKT");
        when(request.getContextPath()).thenReturn("/jira");
        when(response.getWriter()).thenReturn(new PrintWriter(new StringWriter()));
    }

    @Test
    void anAdminSeesTheConfiguredProjectsPolicyInTheSharedPage() throws Exception {
        when(authentication.getLoggedInUser()).thenReturn(admin);
        when(permissions.hasPermission(GlobalPermissionKey.ADMINISTER, admin)).thenReturn(true);
        stores.policies.save(new ApprovalPolicy("MKT", List.of(), ApprovalPolicy.Ordering.IN_ORDER, false, ContentRules.defaults()));

        servlet.doGet(request, response);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> context = ArgumentCaptor.forClass(Map.class);
        verify(renderer).render(eq(PolicyAdminPage.TEMPLATE), context.capture(), any(java.io.Writer.class));
        PolicyAdminPage.Form form = (PolicyAdminPage.Form) context.getValue().get("policy");
        assertThat(form.getProjectKey()).isEqualTo("MKT");
        assertThat(form.getInOrder()).isTrue();
        assertThat(context.getValue().get("restBase")).isEqualTo("/jira/rest/socialdesk/1.0");
        verify(renderer).render(eq(PolicyServlet.TEMPLATE), anyMap(), any(java.io.Writer.class));
    }

    @Test
    void someoneWhoIsNotAnAdminIsRefusedAndABadProjectKeyIsNamed() throws Exception {
        when(authentication.getLoggedInUser()).thenReturn(admin);
        servlet.doGet(request, response);
        verify(response).sendError(eq(HttpServletResponse.SC_FORBIDDEN), any());

        when(permissions.hasPermission(GlobalPermissionKey.ADMINISTER, admin)).thenReturn(true);
        when(request.getParameter("project")).thenReturn("not a key");
        servlet.doGet(request, response);
        verify(response).sendError(eq(HttpServletResponse.SC_BAD_REQUEST), org.mockito.ArgumentMatchers.startsWith("project: "));
        verify(renderer, never()).render(eq(PolicyServlet.TEMPLATE), anyMap(), any(java.io.Writer.class));
    }
}
