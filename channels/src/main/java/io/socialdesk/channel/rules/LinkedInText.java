package io.socialdesk.channel.rules;

/**
 * LinkedIn's "little text" format for the {@code commentary} of a post: these characters are
 * reserved for its mention and hashtag templates ({@code @[Name](urn:li:organization:1)},
 * {@code {hashtag|\#|tag}}) and must be escaped with a backslash when meant literally, or
 * LinkedIn drops the text that follows them. The connector escapes the author's text with this.
 */
public final class LinkedInText {
    private LinkedInText() {}

    /** The reserved characters, in the order LinkedIn's documentation lists them. */
    public static final String RESERVED = "\\|{}@[]()<>#*_~";

    /** {@code text} with every reserved character preceded by a backslash. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (RESERVED.indexOf(c) >= 0) out.append('\\');
            out.append(c);
        }
        return out.toString();
    }
}
