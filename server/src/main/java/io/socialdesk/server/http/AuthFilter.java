package io.socialdesk.server.http;

import io.socialdesk.server.auth.Credentials;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Finds who sent each request (a session cookie, or {@code Authorization: Bearer} with an API
 * token), refuses cross-site writes, and sets the security headers every answer carries.
 */
public final class AuthFilter implements Filter {
    public static final String SESSION_COOKIE = "SD_SESSION";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Credentials credentials;
    private final RequestUser requestUser;

    public AuthFilter(Credentials credentials, RequestUser requestUser) {
        this.credentials = credentials;
        this.requestUser = requestUser;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'");

        if (!SAFE_METHODS.contains(request.getMethod()) && isCrossSite(request)) {
            response.setStatus(403);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"error\":\"Cross-site requests are refused\",\"field\":\"Origin\",\"rule\":\"same-origin\"}");
            return;
        }
        try {
            requestUser.set(identify(request));
            chain.doFilter(req, res);
        } finally {
            requestUser.clear();
        }
    }

    private RequestUser.Caller identify(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return toCaller(credentials.checkApiToken(authorization.substring(7).strip()));
        }
        String session = sessionCookie(request);
        return session == null ? new RequestUser.Anonymous() : toCaller(credentials.checkSession(session));
    }

    private static RequestUser.Caller toCaller(Credentials.Check check) {
        if (check instanceof Credentials.Valid valid) return new RequestUser.SignedIn(valid.user());
        if (check instanceof Credentials.Expired) return new RequestUser.SessionEnded();
        return new RequestUser.Anonymous();
    }

    static String sessionCookie(HttpServletRequest request) {
        if (request.getCookies() == null) return null;
        for (Cookie cookie : request.getCookies()) {
            if (SESSION_COOKIE.equals(cookie.getName())) return cookie.getValue();
        }
        return null;
    }

    /** A browser names the page that sent a write in Origin; it must be this server. */
    private static boolean isCrossSite(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null || origin.isBlank()) return false;
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            return host == null || uri.getAuthority() == null || !uri.getAuthority().equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
