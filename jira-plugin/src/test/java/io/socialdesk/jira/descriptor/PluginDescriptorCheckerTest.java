package io.socialdesk.jira.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.store.job.JobRunEntity;
import io.socialdesk.store.post.PostEntity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of the checker, proven able to fail on a small broken descriptor. */
class PluginDescriptorCheckerTest {
    private final PluginDescriptorChecker checker = PluginDescriptorChecker.onClasspathOf(PluginDescriptorCheckerTest.class);

    private static String plugin(String modules) {
        return """
                <atlassian-plugin key="test" name="Test" plugins-version="2">
                  <resource type="i18n" name="i18n" location="io.socialdesk.web.i18n.socialdesk"/>
                %s
                </atlassian-plugin>
                """.formatted(modules);
    }

    @Test
    void aSoundDescriptorHasNoProblems() {
        assertThat(checker.problems(plugin("""
                <servlet key="a" class="java.lang.String" i18n-name-key="socialdesk.jira.page.posts"><url-pattern>/x</url-pattern></servlet>
                <web-item key="b" section="s"><label key="socialdesk.jira.page.posts"/></web-item>
                <web-resource key="c"><resource type="download" name="x.js" location="socialdesk/js/posts.js"/></web-resource>
                """))).isEmpty();
    }

    @Test
    void reportsAMissingClassAttribute() {
        assertThat(checker.problems(plugin("<servlet key=\"a\" class=\"io.socialdesk.NoSuchServlet\"/>")))
                .containsExactly("missing class: io.socialdesk.NoSuchServlet (in <servlet class>)");
    }

    @Test
    void reportsAMissingClassInAnElement() {
        assertThat(checker.problems(plugin("""
                <workflow-function key="f" class="java.lang.Object"><function-class>io.socialdesk.NoSuchFunction</function-class></workflow-function>
                <ao key="ao"><entity>io.socialdesk.NoSuchEntity</entity></ao>
                """))).containsExactly(
                "missing class: io.socialdesk.NoSuchFunction (in <function-class>)",
                "missing class: io.socialdesk.NoSuchEntity (in <entity>)");
    }

    @Test
    void reportsAnAllowlistedMethodThatDoesNotExist() {
        assertThat(checker.problems(plugin("""
                <velocity-allowlist key="v">
                  <method>io.socialdesk.web.page.PostRow#getTitle()</method>
                  <method>io.socialdesk.web.page.PostRow#getHeadline()</method>
                  <method>io.socialdesk.web.page.NoSuchRow#getTitle()</method>
                </velocity-allowlist>
                """))).containsExactly(
                "missing method: io.socialdesk.web.page.PostRow#getHeadline() (in <velocity-allowlist>)",
                "missing class: io.socialdesk.web.page.NoSuchRow (in <velocity-allowlist>)");
    }

    @Test
    void reportsAMissingResourceLocation() {
        assertThat(checker.problems(plugin("""
                <web-resource key="c"><resource type="download" name="x.js" location="socialdesk/js/nope.js"/></web-resource>
                """))).containsExactly("missing resource: socialdesk/js/nope.js (<resource name=\"x.js\">)");
    }

    @Test
    void reportsAMissingI18nBundle() {
        assertThat(checker.problems("""
                <atlassian-plugin key="t"><resource type="i18n" name="i18n" location="io.socialdesk.nowhere"/></atlassian-plugin>
                """)).containsExactly(
                "missing resource: io/socialdesk/nowhere.properties (i18n io.socialdesk.nowhere)",
                "missing resource: io/socialdesk/nowhere_fr.properties (i18n io.socialdesk.nowhere)");
    }

    @Test
    void reportsI18nKeysMissingFromEitherLanguage() {
        assertThat(checker.problems(plugin("""
                <web-item key="b" section="s" name-key="socialdesk.nope.name"><label key="socialdesk.nope.label"/></web-item>
                <servlet key="a" class="java.lang.String" i18n-name-key="socialdesk.nope.servlet"/>
                """))).containsExactly(
                "missing i18n key: socialdesk.nope.label (English bundle)",
                "missing i18n key: socialdesk.nope.name (English bundle)",
                "missing i18n key: socialdesk.nope.servlet (English bundle)",
                "missing i18n key: socialdesk.nope.label (fr bundle)",
                "missing i18n key: socialdesk.nope.name (fr bundle)",
                "missing i18n key: socialdesk.nope.servlet (fr bundle)");
    }

    @Test
    void reportsAKeyMissingOnlyFromFrench() {
        // A bundle pair made for this test, whose French half lacks one key.
        assertThat(checker.problems("""
                <atlassian-plugin key="t">
                  <resource type="i18n" name="i18n" location="io.socialdesk.jira.descriptor.half-translated"/>
                  <web-item key="b" section="s"><label key="translated"/><tooltip key="english.only"/></web-item>
                </atlassian-plugin>
                """)).containsExactly("missing i18n key: english.only (fr bundle)");
    }

    @Test
    void reportsDuplicateModuleKeys() {
        assertThat(checker.problems(plugin("""
                <servlet key="same" class="java.lang.String"/>
                <web-item key="same" section="s"/>
                """))).containsExactly("duplicate module key: same");
    }

    @Test
    void reportsATableNameOverTwentyCharacters() {
        assertThat(checker.problems(plugin("<ao key=\"ao\"><entity>"
                + LongNamedEntities.ScheduledPublicationWindow.class.getName() + "</entity></ao>")))
                .containsExactly("AO table name too long: SCHEDULED_PUBLICATION_WINDOW (28 > 20) for "
                        + LongNamedEntities.ScheduledPublicationWindow.class.getName());
    }

    @Test
    void reportsAColumnNameOverThirtyCharacters() {
        assertThat(checker.problems(plugin("<ao key=\"ao\"><entity>"
                + LongNamedEntities.ShortTableLongColumn.class.getName() + "</entity></ao>")))
                .containsExactly("AO column name too long: THE_NETWORK_SPECIFIC_IDEMPOTENCY_KEY_VALUE (42 > 30) in "
                        + LongNamedEntities.ShortTableLongColumn.class.getName());
    }

    @Test
    void countsTheIdSuffixOfAnEntityReference() {
        assertThat(checker.problems(plugin("<ao key=\"ao\"><entity>"
                + LongNamedEntities.ReferencingEntity.class.getName() + "</entity></ao>")))
                .containsExactly("AO column name too long: OWNER_OF_THE_RECORD_ABCDE_XY_ID (31 > 30) in "
                        + LongNamedEntities.ReferencingEntity.class.getName());
    }

    @Test
    void reportsAoEntitiesThatDifferFromTheExpectedList() {
        PluginDescriptorChecker expecting = checker.expectingAoEntities(List.of(PostEntity.class, JobRunEntity.class));
        assertThat(expecting.problems(plugin("<ao key=\"ao\"><entity>" + PostEntity.class.getName() + "</entity>"
                + "<entity>" + LongNamedEntities.OwnerEntity.class.getName() + "</entity></ao>")))
                .containsExactly("AO entities differ from the expected list: missing [" + JobRunEntity.class.getName()
                        + "], unexpected [" + LongNamedEntities.OwnerEntity.class.getName() + "]");
    }

    @Test
    void convertsNamesAsActiveObjectsDoes() {
        assertThat(PluginDescriptorChecker.upperSnake("PostEntity")).isEqualTo("POST_ENTITY");
        assertThat(PluginDescriptorChecker.upperSnake("PlannedAt")).isEqualTo("PLANNED_AT");
        assertThat(PluginDescriptorChecker.upperSnake("URLValue")).isEqualTo("URL_VALUE");
        assertThat(PluginDescriptorChecker.upperSnake("ID")).isEqualTo("ID");
    }
}
