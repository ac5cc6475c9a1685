package io.socialdesk.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The text form stores keep small rule lists in (the approval policy, the routing rules): one line per
 * entry, fields separated by tabs, with {@code \}, tab, line feed and carriage return escaped as
 * {@code \\}, {@code \t}, {@code \n} and {@code \r}. Empty lines are skipped.
 */
public final class TabbedLines {
    private TabbedLines() {}

    /** Appends one line of {@code fields}, escaped. */
    public static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) out.append('\t');
            out.append(fields.get(i).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r"));
        }
        out.append('\n');
    }

    /** The fields of each non-empty line, unescaped. */
    public static List<List<String>> lines(String text) {
        List<List<String>> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) continue;
            List<String> fields = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\t') {
                    fields.add(cur.toString());
                    cur.setLength(0);
                } else if (c == '\\' && i + 1 < line.length()) {
                    char e = line.charAt(++i);
                    cur.append(switch (e) {
                        case 't' -> '\t';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        default -> e;
                    });
                } else {
                    cur.append(c);
                }
            }
            fields.add(cur.toString());
            out.add(fields);
        }
        return out;
    }
}
