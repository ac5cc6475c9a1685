package io.socialdesk.server.http;

import io.socialdesk.server.auth.ServerUser;
import io.socialdesk.server.render.BundleI18n;
import io.socialdesk.server.render.PageBuffer;
import io.socialdesk.server.tracker.BuiltInTracker;
import io.socialdesk.web.page.Templates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * Renders a server page: a shared body template inside the server's layout, in the viewer's
 * language (their setting when signed in, else the browser's Accept-Language, English or French).
 */
public final class Pages {
    public static final String LAYOUT = "templates/server/layout.vm";
    private static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

    private final Templates templates;
    private final RequestUser requestUser;
    private final ToIntFunction<String> unreadNotices;

    public Pages(Templates templates, RequestUser requestUser) {
        this(templates, requestUser, user -> 0);
    }

    /** {@code unreadNotices}: how many unread notices a user has, for the badge in the header. */
    public Pages(Templates templates, RequestUser requestUser, ToIntFunction<String> unreadNotices) {
        this.templates = templates;
        this.requestUser = requestUser;
        this.unreadNotices = unreadNotices;
    }

    public Response render(HttpServletRequest request, int status, String titleKey, String bodyTemplate, Map<String, Object> body) {
        String html = html(localeOf(request), requestUser.serverUser(), titleKey, bodyTemplate, body);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    /** The page's HTML for {@code user} (empty when signed out) in {@code locale}: the body template inside the layout. */
    public String html(Locale locale, Optional<ServerUser> user, String titleKey, String bodyTemplate, Map<String, Object> body) {
        BundleI18n i18n = new BundleI18n(locale);
        Map<String, Object> context = new HashMap<>(body);
        context.put("i18n", i18n);
        context.put("lang", locale.getLanguage());
        context.put("pageTitle", i18n.getText(titleKey));
        context.put("bodyTemplate", bodyTemplate);
        context.put("signedIn", user.isPresent());
        context.put("userName", user.map(u -> u.user().displayName()).orElse(""));
        context.put("unreadNotices", user.map(u -> unread(u.user().key())).orElse(0));
        context.put("isAdmin", user.map(u -> u.user().has(io.socialdesk.core.user.Role.ADMIN)).orElse(false));
        context.put("policyUrl", "/admin/policy/" + BuiltInTracker.PROJECT_KEY);
        context.put("mayManageAccounts", user.map(u -> u.user().has(io.socialdesk.core.user.Role.ADMIN)
                || u.user().has(io.socialdesk.core.user.Role.MARKETING_LEAD)).orElse(false));
        context.put("mayReadRouting", user.map(u -> io.socialdesk.core.inbox.routing.RoutingService.mayRead(u.user())).orElse(false));
        PageBuffer out = new PageBuffer(16 * 1024);
        try {
            templates.render(LAYOUT, context, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The badge must never break a page, error pages included (which may be about the database). */
    private int unread(String userKey) {
        try {
            return unreadNotices.applyAsInt(userKey);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    public Locale localeOf(HttpServletRequest request) {
        Optional<ServerUser> user = requestUser.serverUser();
        if (user.isPresent()) return user.get().locale();
        String header = request.getHeader("Accept-Language");
        if (header != null) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                if (best != null) return best;
            } catch (IllegalArgumentException ignored) {
                // a malformed header falls back to English
            }
        }
        return Locale.ENGLISH;
    }
}
