package io.socialdesk.jira.page;

import io.socialdesk.core.user.User;
import io.socialdesk.jira.user.JiraCurrentUser;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Sends a signed-out visitor of one of the app's Jira pages to Jira's login, and back to the whole address afterwards. */
final class JiraSignIn {
    private JiraSignIn() {}

    /** The signed-in viewer; when there is none, the visitor is sent to the login and the answer is empty. */
    static Optional<User> viewerOrLogin(JiraCurrentUser currentUser, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<User> viewer = currentUser.get();
        if (viewer.isEmpty()) sendToLogin(request, response);
        return viewer;
    }

    private static void sendToLogin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String here = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        response.sendRedirect(request.getContextPath() + "/login.jsp?os_destination=" + URLEncoder.encode(here, StandardCharsets.UTF_8));
    }
}
