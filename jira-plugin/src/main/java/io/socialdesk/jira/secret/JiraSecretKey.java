package io.socialdesk.jira.secret;

import com.atlassian.jira.config.util.JiraHome;
import io.socialdesk.core.secret.SecretBox;
import io.socialdesk.core.secret.SecretKeys;
import java.nio.file.Path;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * The key that seals Social Desk's secrets in Jira: {@code <jira-home>/data/socialdesk/secret.key}, made on
 * first use (256 random bits, {@code rw-------}). jira.home is the shared home in a Data Center cluster, so
 * every node reads the same key; it is never stored in Jira's database, so a database dump alone opens
 * nothing. {@code SOCIALDESK_SECRET_KEY} in Jira's environment wins, as on the server.
 */
@Named
public final class JiraSecretKey {
    private final Path file;
    private final String fromEnvironment;
    private volatile SecretBox box;

    @Inject
    public JiraSecretKey(JiraHome home) {
        this(home.getDataDirectory().toPath(), System.getenv(SecretKeys.ENV));
    }

    JiraSecretKey(Path dataDirectory, String fromEnvironment) {
        this.file = dataDirectory.resolve("socialdesk").resolve(SecretKeys.FILE_NAME);
        this.fromEnvironment = fromEnvironment;
    }

    public Path file() {
        return file;
    }

    /** Loaded (or created) on first use, not while the plugin starts, so that a missing home cannot stop the plugin. */
    public SecretBox box() {
        SecretBox loaded = box;
        if (loaded == null) {
            synchronized (this) {
                if (box == null) box = SecretKeys.box(fromEnvironment, file);
                loaded = box;
            }
        }
        return loaded;
    }
}
