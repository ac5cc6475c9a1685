package io.socialdesk.server.http;

import io.socialdesk.core.user.User;
import io.socialdesk.server.auth.ServerUsers;
import io.socialdesk.server.notification.InboxNotice;
import io.socialdesk.server.notification.NoticeInbox;
import io.socialdesk.server.notification.NoticeTexts;
import io.socialdesk.server.render.BundleI18n;
import java.net.URI;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** The signed-in user's notices, newest first, and "mark all read". A server page only: Jira notifies people itself. */
@Path("notifications")
@Produces(MediaType.TEXT_HTML)
public class NotificationPages {
    static final int SHOWN = 200;

    private final Pages pages;
    private final RequestUser requestUser;
    private final ServerUsers users;
    private final NoticeInbox inbox;
    private final Clock clock;

    public NotificationPages(Pages pages, RequestUser requestUser, ServerUsers users, NoticeInbox inbox, Clock clock) {
        this.pages = pages;
        this.requestUser = requestUser;
        this.users = users;
        this.inbox = inbox;
        this.clock = clock;
    }

    @GET
    public Response list(@Context HttpServletRequest request) {
        User viewer = requestUser.require();
        Locale locale = pages.localeOf(request);
        BundleI18n i18n = new BundleI18n(locale);
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
        Map<String, String> names = new HashMap<>();
        List<NoticeRow> rows = inbox.list(viewer.key(), SHOWN).stream()
                .map(n -> new NoticeRow(n, i18n.getText(NoticeTexts.headlineKey(n.kind()),
                        names.computeIfAbsent(n.actorKey(), this::displayName), n.itemKey()),
                        n.createdAt().atZone(viewer.zone()).format(format)))
                .toList();
        Map<String, Object> body = new HashMap<>();
        body.put("notices", rows);
        body.put("noNotices", rows.isEmpty());
        body.put("anyUnread", rows.stream().anyMatch(NoticeRow::getUnread));
        return pages.render(request, 200, "socialdesk.notices.heading", "templates/server/notifications.vm", body);
    }

    @POST
    @Path("read")
    public Response markAllRead() {
        inbox.markAllRead(requestUser.require().key(), clock.instant());
        return Response.seeOther(URI.create("/notifications")).build();
    }

    private String displayName(String key) {
        return users.find(key).map(u -> u.user().displayName()).orElse(key);
    }

    /** One notice as the page shows it; getters only. */
    public static final class NoticeRow {
        private final InboxNotice notice;
        private final String headline;
        private final String created;

        NoticeRow(InboxNotice notice, String headline, String created) {
            this.notice = notice;
            this.headline = headline;
            this.created = created;
        }

        public String getHeadline() { return headline; }
        public String getKind() { return notice.kind().name(); }
        public String getItemKey() { return notice.itemKey(); }
        public String getItemUrl() { return notice.itemUrl(); }
        public String getTitle() { return notice.title(); }
        public String getDetail() { return notice.detail(); }
        public boolean getHasDetail() { return !notice.detail().isBlank(); }
        public String getCreated() { return created; }
        public boolean getUnread() { return !notice.read(); }
    }
}
