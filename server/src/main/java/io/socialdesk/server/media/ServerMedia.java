package io.socialdesk.server.media;

import io.socialdesk.store.media.FileMediaStore;
import java.nio.file.Path;

/**
 * Where the server keeps uploaded media: {@code DATA/media/ab/abcdef…}, next to the embedded
 * database, so backing up the data folder backs up both. Several nodes on one PostgreSQL must share
 * this folder (a network file system), as Jira nodes share their shared home.
 */
public final class ServerMedia {
    private ServerMedia() {}

    public static FileMediaStore under(Path dataDir) {
        return new FileMediaStore(dataDir.toAbsolutePath().resolve("media"));
    }
}
