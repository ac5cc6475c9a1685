package io.socialdesk.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.post.PostState;
import io.socialdesk.core.tracker.ItemKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The English and French bundles say the same things, load in every host, and cover every template. */
class I18nBundlesTest {
    private static final String EN = "io/socialdesk/web/i18n/socialdesk.properties";
    private static final String FR = "io/socialdesk/web/i18n/socialdesk_fr.properties";
    private static final Pattern LITERAL_KEY = Pattern.compile("getText\\(\\s*\"([a-zA-Z0-9._-]+)\"");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @Test
    void englishAndFrenchHaveExactlyTheSameKeys() {
        assertThat(load(FR).stringPropertyNames()).containsExactlyInAnyOrderElementsOf(load(EN).stringPropertyNames());
    }

    @Test
    void bundlesAreAsciiSoJiraReadsThemRightWhateverItsEncoding() throws IOException {
        for (String bundle : new String[] {EN, FR}) {
            byte[] bytes = resource(bundle).readAllBytes();
            for (byte b : bytes) assertThat(b).as(bundle + " must escape non-ASCII as \\uXXXX").isGreaterThanOrEqualTo((byte) 0);
        }
    }

    @Test
    void everyTextSurvivesMessageFormatWithItsApostrophes() {
        for (String bundle : new String[] {EN, FR}) {
            Properties texts = load(bundle);
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                assertThat(LONE_APOSTROPHE.matcher(text).find()).as(bundle + " " + key + ": write '' for an apostrophe").isFalse();
                new MessageFormat(text, Locale.ROOT).format(new Object[] {"x"});
            }
        }
    }

    @Test
    void everyStateAndItemKindHasALabel() {
        Properties en = load(EN);
        for (PostState state : PostState.values()) {
            assertThat(en).containsKey("socialdesk.state." + state.name().toLowerCase(Locale.ROOT));
        }
        for (ItemKind kind : ItemKind.values()) {
            assertThat(en).containsKey("socialdesk.items.kind." + kind.name().toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Properties en = load(EN);
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(repoRoot())) {
            for (Path template : files.filter(p -> p.toString().endsWith(".vm") && p.toString().contains("src" + java.io.File.separator + "main")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(template, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (!en.containsKey(m.group(1))) missing.add(repoRoot().relativize(template) + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theCheckFindsAMissingKey() {
        Matcher m = LITERAL_KEY.matcher("<h1>$i18n.getText(\"socialdesk.no.such.key\")</h1>");
        assertThat(m.find()).isTrue();
        assertThat(load(EN)).doesNotContainKey(m.group(1));
    }

    private static Path repoRoot() {
        String configured = System.getProperty("socialdesk.repo.root");
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("web").resolve("pom.xml"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("repository root not found");
        return dir;
    }

    private static Properties load(String bundle) {
        Properties p = new Properties();
        try (InputStream in = resource(bundle)) {
            p.load(in); // ISO-8859-1, as the strictest host reads it
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static InputStream resource(String name) {
        InputStream in = I18nBundlesTest.class.getClassLoader().getResourceAsStream(name);
        if (in == null) throw new IllegalStateException("missing " + name);
        return in;
    }
}
