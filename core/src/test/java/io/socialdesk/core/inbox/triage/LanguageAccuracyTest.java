package io.socialdesk.core.inbox.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The detector on {@code language-test.tsv}: short English and French texts and texts with no language in them,
 * none of them in the training text. The figures go to docs/inbox.md; the thresholds are what the docs promise.
 */
class LanguageAccuracyTest {
    record Case(String expected, String text, boolean hard) {}

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                LanguageAccuracyTest.class.getResourceAsStream("language-test.tsv"), StandardCharsets.UTF_8))) {
            boolean hard = false;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("# Harder")) hard = true;
                if (line.isBlank() || line.startsWith("#")) continue;
                int tab = line.indexOf('\t');
                out.add(new Case(line.substring(0, tab), line.substring(tab + 1), hard));
            }
        }
        return out;
    }

    @Test
    void namesTheRightLanguageOfShortTextsAndIsNeverSureOfATextWithoutWords() throws IOException {
        LanguageDetector detector = LanguageDetector.standard();
        List<Case> cases = cases();
        int right = 0, wrongLanguage = 0, unsure = 0, languages = 0, hard = 0, hardRight = 0;
        List<String> misses = new ArrayList<>();
        for (Case c : cases) {
            String got = detector.detect(c.text());
            if (!c.expected().equals("und")) languages++;
            if (c.hard()) hard++;
            if (got.equals(c.expected())) {
                right++;
                if (c.hard()) hardRight++;
            } else {
                misses.add(c.expected() + " → " + got + ": " + c.text() + " (" + String.format("%.2f", detector.evidence(c.text())) + ")");
                if (got.equals("und")) unsure++;
                else wrongLanguage++;
            }
        }
        double accuracy = (double) right / cases.size();
        System.out.printf("Language detection: %d/%d right (%.1f %%), %d unsure, %d wrong language (of %d texts with a language)%n", right,
                cases.size(), 100 * accuracy, unsure, wrongLanguage, languages);
        System.out.printf("  ordinary texts: %d/%d; slang, single words and shouting: %d/%d%n", right - hardRight, cases.size() - hard, hardRight,
                hard);
        misses.forEach(m -> System.out.println("  " + m));
        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
        assertThat(accuracy).as("accuracy; misses: %s", misses).isGreaterThanOrEqualTo(0.92);
        // A wrong language routes a customer to the wrong desk: far worse than "und", which the default route takes.
        assertThat(wrongLanguage).as("texts given the wrong language: %s", misses).isLessThanOrEqualTo(1);
    }
}
