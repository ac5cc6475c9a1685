package io.socialdesk.server.inbound;

import io.socialdesk.core.channel.InboundSecrets;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The server's inbound secrets until accounts keep them encrypted with their credentials: the file
 * {@code DATA/inbound-secrets.properties}, one line {@code ACCOUNT_ID=SECRET} per account that takes
 * signed mentions (at least 16 characters; keep the file readable by the server's user only). It is
 * read at each request, so an admin adds or rotates a secret without a restart.
 */
public final class InboundSecretsFile implements InboundSecrets {
    public static final String FILE_NAME = "inbound-secrets.properties";
    static final int MIN_LENGTH = 16;
    private static final System.Logger LOG = System.getLogger(InboundSecretsFile.class.getName());

    private final Path file;

    public InboundSecretsFile(Path dataFolder) {
        this.file = dataFolder.resolve(FILE_NAME);
    }

    @Override
    public Optional<String> secretFor(long accountId) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        Properties secrets = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            secrets.load(in);
        } catch (IOException | IllegalArgumentException e) {
            // The file's name only: its content is secret.
            LOG.log(System.Logger.Level.WARNING, "Could not read " + file + "; inbound mentions are refused until it is fixed");
            return Optional.empty();
        }
        String secret = secrets.getProperty(Long.toString(accountId));
        if (secret == null || secret.strip().length() < MIN_LENGTH) return Optional.empty();
        return Optional.of(secret.strip());
    }
}
