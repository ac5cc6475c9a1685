package io.socialdesk.server;

import io.socialdesk.server.auth.CredentialEntity;
import io.socialdesk.server.auth.UserEntity;
import io.socialdesk.server.jobs.JobLeaseEntity;
import io.socialdesk.server.notification.NoticeEntity;
import io.socialdesk.server.tracker.TrackerItemEntity;
import io.socialdesk.store.ao.Entities;
import java.util.ArrayList;
import java.util.List;
import net.java.ao.RawEntity;

/** Every table of the server: the shared ones Jira has too, and the server's own (users, tracker, leases, in-app notices). */
public final class ServerEntities {
    private ServerEntities() {}

    public static final List<Class<? extends RawEntity<?>>> SERVER_ONLY =
            List.of(UserEntity.class, CredentialEntity.class, TrackerItemEntity.class, JobLeaseEntity.class, NoticeEntity.class,
                    io.socialdesk.server.tracker.TrackerCommentEntity.class);

    public static List<Class<? extends RawEntity<?>>> all() {
        List<Class<? extends RawEntity<?>>> all = new ArrayList<>(Entities.SHARED);
        all.addAll(SERVER_ONLY);
        return all;
    }
}
