package io.socialdesk.server.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server renders the shared templates as Jira does: every reference escaped unless it ends in "Html". */
class VelocityTemplatesTest {
    public static final class Row {
        public String getName() {
            return "<script>alert(1)</script>";
        }
    }

    @Test
    void referencesAreEscapedUnlessTheirNameEndsInHtml() throws Exception {
        StringWriter out = new StringWriter();
        new VelocityTemplates().render("templates/test/escaping.vm", Map.of(
                "title", "<b>Tom & \"Jerry\"</b>",
                "bodyHtml", "<em>already safe</em>",
                "attr", "\" onmouseover=\"alert(1)",
                "row", new Row()), out);

        String html = out.toString();
        assertThat(html).contains("<p>&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;</p>");
        assertThat(html).contains("<div><em>already safe</em></div>");
        assertThat(html).contains("title=\"&quot; onmouseover=&quot;alert(1)\"");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).doesNotContain("<script>").doesNotContain("#htmlSafe");
    }

    @Test
    void theI18nObjectFormatsLikeJiraWithApostrophesAndArguments() {
        BundleI18n fr = new BundleI18n(java.util.Locale.FRENCH);
        assertThat(fr.getText("socialdesk.posts.none")).contains("l'instant");
        assertThat(fr.getText("socialdesk.error.generic.text", "ab12")).contains("ab12");
        assertThat(fr.getText("no.such.key")).isEqualTo("no.such.key");
    }
}
