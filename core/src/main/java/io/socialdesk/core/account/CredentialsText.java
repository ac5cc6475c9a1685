package io.socialdesk.core.account;

import io.socialdesk.core.channel.Credentials;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Credentials as the text that is sealed and stored: one {@code name=value} per line, values URL-encoded so
 * that any character survives; network-specific values as {@code extra.<name>}. Plain text before sealing
 * only: it never leaves the store unsealed.
 */
public final class CredentialsText {
    private CredentialsText() {}

    public static String encode(Credentials c) {
        StringBuilder out = new StringBuilder();
        line(out, "access", c.accessToken());
        if (c.refreshToken() != null) line(out, "refresh", c.refreshToken());
        if (c.expiresAt() != null) line(out, "expires", c.expiresAt().toString());
        if (!c.scopes().isEmpty()) line(out, "scopes", String.join(" ", c.scopes().stream().sorted().toList()));
        for (Map.Entry<String, String> e : new TreeMap<>(c.extra()).entrySet()) line(out, "extra." + escape(e.getKey()), e.getValue());
        return out.toString();
    }

    public static Credentials decode(String text) {
        Map<String, String> values = new HashMap<>();
        Map<String, String> extra = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) continue;
            int eq = line.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("Not a credentials line");
            String name = line.substring(0, eq);
            String value = unescape(line.substring(eq + 1));
            if (name.startsWith("extra.")) extra.put(unescape(name.substring("extra.".length())), value);
            else values.put(name, value);
        }
        if (!values.containsKey("access")) throw new IllegalArgumentException("The credentials have no access token");
        Set<String> scopes = values.containsKey("scopes") && !values.get("scopes").isEmpty()
                ? new LinkedHashSet<>(Arrays.asList(values.get("scopes").split(" "))) : Set.of();
        Instant expires = values.containsKey("expires") ? Instant.parse(values.get("expires")) : null;
        return new Credentials(values.get("access"), values.get("refresh"), expires, scopes, extra);
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append(name).append('=').append(escape(value)).append('\n');
    }

    private static String escape(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unescape(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
