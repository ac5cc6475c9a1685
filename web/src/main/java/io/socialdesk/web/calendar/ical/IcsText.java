package io.socialdesk.web.calendar.ical;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * RFC 5545 content lines: TEXT values escaped (backslash, semicolon, comma, line breaks; other control characters
 * dropped), lines ended with CRLF and folded so that no line is longer than 75 octets, never inside a UTF-8
 * sequence or a surrogate pair.
 */
final class IcsText {
    private static final int MAX_OCTETS = 75;
    private final StringBuilder out;

    IcsText(int capacity) {
        out = new StringBuilder(capacity);
    }

    /** A line known to be short and plain (a fixed name and value). */
    void line(String line) {
        out.append(line).append("\r\n");
    }

    /** Already folded content lines (a VTIMEZONE written by ical4j). */
    void raw(String lines) {
        out.append(lines);
    }

    /** A property whose value is written as given (URI, PRODID), folded. */
    void property(String name, String value) {
        fold(name + ":" + value.replace("\r", "").replace("\n", ""));
    }

    void text(String name, String value) {
        StringBuilder line = new StringBuilder(name.length() + value.length() + 8).append(name).append(':');
        escape(line, value);
        fold(line);
    }

    void list(String name, List<String> values) {
        StringBuilder line = new StringBuilder(64).append(name).append(':');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) line.append(',');
            escape(line, values.get(i));
        }
        fold(line);
    }

    void utc(String name, Instant at) {
        out.append(name).append(':').append(basic(LocalDateTime.ofInstant(at, ZoneOffset.UTC))).append("Z\r\n");
    }

    void local(String name, String tzid, LocalDateTime at) {
        fold(name + ";TZID=" + tzid + ":" + basic(at));
    }

    void date(String name, LocalDate day) {
        out.append(name).append(";VALUE=DATE:").append(basic(day)).append("\r\n");
    }

    static String basic(LocalDateTime at) {
        StringBuilder s = new StringBuilder(15);
        pad(s, at.getYear(), 4).append(two(at.getMonthValue())).append(two(at.getDayOfMonth())).append('T');
        return s.append(two(at.getHour())).append(two(at.getMinute())).append(two(at.getSecond())).toString();
    }

    static String basic(LocalDate day) {
        StringBuilder s = new StringBuilder(8);
        return pad(s, day.getYear(), 4).append(two(day.getMonthValue())).append(two(day.getDayOfMonth())).toString();
    }

    private static StringBuilder pad(StringBuilder s, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) s.append('0');
        return s.append(digits);
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    static void escape(StringBuilder line, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case ';' -> line.append("\\;");
                case ',' -> line.append("\\,");
                case '\n' -> line.append("\\n");
                case '\r' -> {
                    if (i + 1 >= value.length() || value.charAt(i + 1) != '\n') line.append("\\n");
                }
                default -> {
                    // TEXT allows no control character but HTAB.
                    if (c >= 0x20 && c != 0x7f || c == '\t') line.append(c);
                }
            }
        }
    }

    private void fold(CharSequence line) {
        int octets = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            int size;
            if (Character.isHighSurrogate(c) && i + 1 < line.length() && Character.isLowSurrogate(line.charAt(i + 1))) size = 4;
            else if (c < 0x80) size = 1;
            else if (c < 0x800) size = 2;
            else size = 3;
            if (octets + size > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.append(c);
            if (size == 4) out.append(line.charAt(++i));
            octets += size;
        }
        out.append("\r\n");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
