package io.socialdesk.server.render;

import java.io.Writer;

/**
 * Where a page is rendered: a {@link java.io.StringWriter} without its lock. Velocity writes a page in thousands of
 * small pieces (a calendar month of 2,000 posts is about 80,000), each of which would take StringBuffer's monitor.
 */
public final class PageBuffer extends Writer {
    private final StringBuilder text;

    public PageBuffer(int expectedChars) {
        this.text = new StringBuilder(expectedChars);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        text.append(chars, offset, length);
    }

    @Override
    public void write(String s) {
        text.append(s);
    }

    @Override
    public void write(String s, int offset, int length) {
        text.append(s, offset, offset + length);
    }

    @Override
    public void write(int c) {
        text.append((char) c);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
        return text.toString();
    }
}
