package io.socialdesk.web.page;

/**
 * Makes the invisible bidirectional controls (U+202A–U+202E, U+2066–U+2069) visible, as
 * {@code [U+202E]}. A reviewer approves the exact text; an override that shows "evil" as "live" must
 * not hide from them. Zero-width joiners are left alone: they build emoji such as 👩‍💻.
 */
public final class BidiControls {
    private BidiControls() {}

    public static String reveal(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
                out.append(String.format("[U+%04X]", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
