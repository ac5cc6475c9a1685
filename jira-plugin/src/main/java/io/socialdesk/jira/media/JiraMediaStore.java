package io.socialdesk.jira.media;

import com.atlassian.jira.config.util.JiraHome;
import io.socialdesk.core.post.Media;
import io.socialdesk.core.post.MediaStore;
import io.socialdesk.store.media.FileMediaStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * Uploaded media in Jira: files under {@code <jira.home>/data/socialdesk/media}. In a Data Center
 * cluster jira.home is the shared home every node mounts (the local home is per node), so a file
 * uploaded through one node is read by all, like Jira's own attachments.
 */
@Named
public final class JiraMediaStore implements MediaStore {
    private final FileMediaStore files;

    @Inject
    public JiraMediaStore(JiraHome home) {
        this(home.getDataDirectory().toPath());
    }

    JiraMediaStore(Path dataDirectory) {
        this.files = new FileMediaStore(dataDirectory.resolve("socialdesk").resolve("media"));
    }

    public Path root() {
        return files.root();
    }

    @Override
    public Media put(InputStream bytes, String mimeType, String fileName) throws IOException {
        return files.put(bytes, mimeType, fileName);
    }

    @Override
    public Optional<Media> find(String sha256) {
        return files.find(sha256);
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        return files.open(sha256);
    }
}
