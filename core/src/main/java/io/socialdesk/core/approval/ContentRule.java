package io.socialdesk.core.approval;

import java.util.List;
import java.util.Objects;

/**
 * One rule of a project's content rules: when any of its patterns occurs in the content, the
 * department must approve. {@code WORDS} patterns are words or phrases matched whole (at word
 * boundaries), ignoring case and accents, with spaces and hyphens interchangeable; {@code REGEX}
 * patterns are Java regular expressions matched against the text lowercased and stripped of
 * accents (so write them in lowercase, without accents).
 */
public record ContentRule(String id, Department department, Kind kind, List<String> patterns, String description) {
    public enum Kind { WORDS, REGEX }

    public ContentRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(kind, "kind");
        patterns = List.copyOf(patterns);
        description = description == null ? "" : description;
        if (id.isBlank() || id.chars().anyMatch(ch -> Character.isWhitespace(ch) || ch == '|')) {
            throw new IllegalArgumentException("a rule id is one word without '|': " + id);
        }
    }
}
