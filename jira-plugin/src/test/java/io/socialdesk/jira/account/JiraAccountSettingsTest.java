package io.socialdesk.jira.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import io.socialdesk.core.problem.InvalidInputException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JiraAccountSettingsTest {
    private final Map<String, Object> stored = new HashMap<>();
    private final JiraAccountSettings settings;

    JiraAccountSettingsTest() {
        PluginSettings global = mock(PluginSettings.class);
        when(global.get(org.mockito.ArgumentMatchers.anyString())).thenAnswer(i -> stored.get(i.<String>getArgument(0)));
        when(global.put(org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.any()))
                .thenAnswer(i -> stored.put(i.getArgument(0), i.getArgument(1)));
        PluginSettingsFactory factory = mock(PluginSettingsFactory.class);
        when(factory.createGlobalSettings()).thenReturn(global);
        settings = new JiraAccountSettings(factory);
    }

    @Test
    void privateAddressesAreRefusedAndOwnersWarnedAWeekAheadUntilAnAdminChangesIt() {
        assertThat(settings.allowPrivateAddresses()).isFalse();
        assertThat(settings.warningDays()).isEqualTo(7);
        assertThat(settings.setElsewhere()).isEmpty();

        settings.save(true, 14);

        assertThat(stored).containsEntry("io.socialdesk.jira.accounts.allowPrivateAddresses", "true")
                .containsEntry("io.socialdesk.jira.accounts.warningDays", "14");
        assertThat(settings.allowPrivateAddresses()).isTrue();
        assertThat(settings.warningDays()).isEqualTo(14);
        assertThatThrownBy(() -> settings.save(false, 400)).isInstanceOf(InvalidInputException.class).hasMessageContaining("between 1 and 90");
        stored.put("io.socialdesk.jira.accounts.warningDays", "soon");
        assertThat(settings.warningDays()).isEqualTo(7);
    }
}
