package io.socialdesk.jira.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.plugins.rest.api.security.annotation.AdminOnly;
import com.atlassian.plugins.rest.api.security.annotation.AnonymousSiteAccess;
import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import io.socialdesk.jira.rest.error.JiraInvalidInputMapper;
import io.socialdesk.jira.rest.error.JiraMalformedJsonMapper;
import io.socialdesk.jira.rest.error.JiraNotAllowedMapper;
import io.socialdesk.jira.rest.error.JiraNotFoundMapper;
import io.socialdesk.jira.rest.error.JiraNotSignedInMapper;
import io.socialdesk.jira.rest.error.JiraUnexpectedErrorMapper;
import io.socialdesk.jira.rest.error.JiraWebApplicationMapper;
import io.socialdesk.web.rest.RestApi;
import java.util.List;
import javax.ws.rs.Path;
import javax.ws.rs.ext.Provider;
import org.junit.jupiter.api.Test;

/** Jira registers only io.socialdesk.jira.rest: every shared resource and mapper needs its Jira subclass there. */
class JiraRestApiTest {
    private static final List<Class<?>> RESOURCES = List.of(JiraPostResource.class, JiraAccountResource.class, JiraHealthResource.class,
            JiraValidateResource.class, JiraReviewResource.class, JiraPolicyResource.class, JiraMediaResource.class,
            JiraInboundResource.class, JiraFeedResource.class, JiraQueueResource.class, JiraRoutingResource.class,
            JiraCalendarResource.class, JiraCalendarFeedResource.class, JiraIcalFeedResource.class,
            JiraCalendarDataResource.class, JiraInboxResource.class,
            JiraNetworkWebhookResource.class, JiraCrisisAlertResource.class);
    /** Called by automations without a Jira login: the signature checked by the resource is the authentication. */
    private static final List<Class<?>> SIGNED_NOT_SIGNED_IN = List.of(JiraInboundResource.class, JiraIcalFeedResource.class,
            JiraNetworkWebhookResource.class);
    private static final List<Class<?>> MAPPERS = List.of(JiraInvalidInputMapper.class, JiraNotFoundMapper.class,
            JiraNotAllowedMapper.class, JiraNotSignedInMapper.class, JiraMalformedJsonMapper.class,
            JiraWebApplicationMapper.class, JiraUnexpectedErrorMapper.class, io.socialdesk.jira.rest.error.JiraConflictMapper.class);

    @Test
    void everySharedResourceHasAJiraSubclassOnTheSamePath() {
        assertThat(RESOURCES.stream().<Class<?>>map(Class::getSuperclass).toList()).containsExactlyInAnyOrderElementsOf(RestApi.RESOURCES);
        for (Class<?> resource : RESOURCES) {
            assertThat(resource.getAnnotation(Path.class).value())
                    .isEqualTo(resource.getSuperclass().getAnnotation(Path.class).value());
        }
    }

    @Test
    void everyResourceIsForLicensedUsersOnly() {
        for (Class<?> resource : RESOURCES) {
            if (SIGNED_NOT_SIGNED_IN.contains(resource)) continue;
            assertThat(resource.isAnnotationPresent(LicensedOnly.class)).as(resource.getName()).isTrue();
            assertThat(resource.isAnnotationPresent(AnonymousSiteAccess.class)).as(resource.getName()).isFalse();
        }
    }

    @Test
    void theInboundWebhookIsOpenToAnyCallerBecauseItsSignatureIsChecked() {
        assertThat(JiraInboundResource.class.isAnnotationPresent(
                com.atlassian.plugins.rest.api.security.annotation.UnrestrictedAccess.class)).isTrue();
        assertThat(JiraInboundResource.class.isAnnotationPresent(LicensedOnly.class)).isFalse();
        assertThat(JiraNetworkWebhookResource.class.isAnnotationPresent(
                com.atlassian.plugins.rest.api.security.annotation.UnrestrictedAccess.class)).isTrue();
    }

    @Test
    void onlyTheCalendarFeedItselfIsOpenToCalendarClientsItsManagementIsForLicensedUsers() {
        assertThat(JiraIcalFeedResource.class.isAnnotationPresent(
                com.atlassian.plugins.rest.api.security.annotation.UnrestrictedAccess.class)).isTrue();
        assertThat(JiraIcalFeedResource.class.getAnnotation(Path.class).value()).isEqualTo("/ical");
        assertThat(java.util.Arrays.stream(io.socialdesk.web.rest.IcalFeedResource.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(javax.ws.rs.GET.class) || m.isAnnotationPresent(javax.ws.rs.POST.class)
                        || m.isAnnotationPresent(javax.ws.rs.PUT.class) || m.isAnnotationPresent(javax.ws.rs.DELETE.class)))
                .as("the open resource only reads a feed").hasSize(1)
                .allSatisfy(m -> assertThat(m.isAnnotationPresent(javax.ws.rs.GET.class)).isTrue());
        assertThat(JiraCalendarFeedResource.class.isAnnotationPresent(LicensedOnly.class)).isTrue();
    }

    @Test
    void theJiraOnlySetUpIsForJiraAdministratorsOnly() {
        assertThat(JiraSetupResource.class.isAnnotationPresent(AdminOnly.class)).isTrue();
        assertThat(JiraSetupResource.class.isAnnotationPresent(AnonymousSiteAccess.class)).isFalse();
        assertThat(JiraSetupResource.class.getAnnotation(Path.class).value()).isEqualTo("/jira/setup/{project}");
    }

    @Test
    void everySharedErrorMapperIsRegisteredForJira() {
        assertThat(MAPPERS.stream().<Class<?>>map(Class::getSuperclass).toList()).containsExactlyInAnyOrderElementsOf(RestApi.ERROR_MAPPERS);
        assertThat(MAPPERS).allSatisfy(mapper -> assertThat(mapper.isAnnotationPresent(Provider.class)).isTrue());
    }
}
