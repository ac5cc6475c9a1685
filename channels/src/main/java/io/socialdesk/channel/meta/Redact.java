package io.socialdesk.channel.meta;

import java.util.regex.Pattern;

/**
 * Keeps secrets out of the sentences a connector returns. Graph takes tokens in query strings (token
 * exchanges) and a hostile or buggy answer could echo one, so every text that comes from an answer is
 * passed through here: known secrets, {@code access_token=…}-style parameters and Meta token shapes are
 * replaced, and the text is capped.
 */
public final class Redact {
    private static final Pattern PARAMETERS = Pattern.compile(
            "(?i)\\b(access_token|input_token|client_secret|fb_exchange_token|code|code_verifier|appsecret_proof)=[^&\\s\"']+");
    /** Meta's token shapes: Facebook EAA…, Instagram IGQ…/IGA…/IGAA…, Threads TH…. */
    private static final Pattern TOKENS = Pattern.compile("\\b(EAA|IGQ|IGA|TH)[A-Za-z0-9_\\-]{16,}");
    /** A URL's query string: where Graph requests carry tokens; a request address is never worth showing. */
    private static final Pattern URL_QUERY = Pattern.compile("(https?://[^\\s?#]*)\\?[^\\s]*");
    private static final int MAX = 300;

    private Redact() {
    }

    public static String text(String text, String... secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                out = out.replace(secret, "***");
            }
        }
        out = URL_QUERY.matcher(out).replaceAll("$1");
        out = PARAMETERS.matcher(out).replaceAll("$1=***");
        out = TOKENS.matcher(out).replaceAll("***");
        return out.length() > MAX ? out.substring(0, MAX) + "…" : out;
    }
}
