package io.socialdesk.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Serves the shared JS and CSS from the web jar's {@code socialdesk/} folder under {@code /static/}. */
public final class StaticAssets extends HttpServlet {
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript;charset=UTF-8", "css", "text/css;charset=UTF-8", "png", "image/png", "svg", "image/svg+xml");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String extension = path == null ? "" : path.substring(path.lastIndexOf('.') + 1);
        if (path == null || path.contains("..") || !path.matches("/[a-z0-9/_.-]+") || !TYPES.containsKey(extension)) {
            response.sendError(404);
            return;
        }
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream("socialdesk" + path)) {
            if (in == null) {
                response.sendError(404);
                return;
            }
            response.setContentType(TYPES.get(extension));
            response.setHeader("Cache-Control", "public, max-age=300");
            in.transferTo(response.getOutputStream());
        }
    }
}
