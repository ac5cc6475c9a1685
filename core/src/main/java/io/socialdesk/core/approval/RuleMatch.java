package io.socialdesk.core.approval;

/**
 * Why a department is required: which rule matched which words, in which part of the content
 * ({@code field}: {@code text}, {@code variant:MASTODON}, {@code thread[0]}, {@code firstComment},
 * {@code hashtags}, {@code media[0].alt}) and where ({@code start} inclusive, {@code end}
 * exclusive, in UTF-16 code units of that field's original text, as Java and JavaScript count).
 */
public record RuleMatch(String ruleId, Department department, String field, String matched, int start, int end) {}
