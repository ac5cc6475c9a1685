package io.socialdesk.core.audit;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The audit trail as CSV (RFC 4180: CRLF line ends, every field quoted, quotes doubled) and as
 * JSON. CSV cells that a spreadsheet would read as a formula (starting with {@code = + - @}, a tab
 * or a carriage return) are prefixed with a single quote.
 */
public final class AuditExport {
    public static final List<String> COLUMNS = List.of("post", "at", "actor", "kind", "contentHash", "from", "to", "network", "detail");

    private AuditExport() {}

    public static String csv(List<AuditEvent> events) {
        StringBuilder out = new StringBuilder();
        row(out, COLUMNS);
        for (AuditEvent e : events) {
            row(out, List.of(Long.toString(e.postId()), DateTimeFormatter.ISO_INSTANT.format(e.at()), e.actor(), e.kind().name(),
                    e.contentHash().orElse(""), e.fromState().map(Enum::name).orElse(""), e.toState().map(Enum::name).orElse(""),
                    e.network().map(Enum::name).orElse(""), e.detail()));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append(',');
            out.append(csvCell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String csvCell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    /** A JSON array of objects with the CSV's column names; absent values are {@code null}. */
    public static String json(List<AuditEvent> events) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < events.size(); i++) {
            AuditEvent e = events.get(i);
            if (i > 0) out.append(',');
            out.append("{\"post\":").append(e.postId());
            out.append(",\"at\":").append(jsonString(DateTimeFormatter.ISO_INSTANT.format(e.at())));
            out.append(",\"actor\":").append(jsonString(e.actor()));
            out.append(",\"kind\":").append(jsonString(e.kind().name()));
            out.append(",\"contentHash\":").append(e.contentHash().map(AuditExport::jsonString).orElse("null"));
            out.append(",\"from\":").append(e.fromState().map(s -> jsonString(s.name())).orElse("null"));
            out.append(",\"to\":").append(e.toState().map(s -> jsonString(s.name())).orElse("null"));
            out.append(",\"network\":").append(e.network().map(s -> jsonString(s.name())).orElse("null"));
            out.append(",\"detail\":").append(jsonString(e.detail())).append('}');
        }
        return out.append(']').toString();
    }

    /** A JSON string literal; escapes quotes, backslashes, control characters, U+2028/2029, and {@code < > &} so it is also safe inside HTML. */
    static String jsonString(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || c == '<' || c == '>' || c == '&' || Character.isSurrogate(c)
                            && !validSurrogateAt(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static boolean validSurrogateAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
