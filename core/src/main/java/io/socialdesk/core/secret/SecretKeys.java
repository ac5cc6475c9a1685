package io.socialdesk.core.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Where the key that seals secrets comes from. Never the database: a stolen database dump must not
 * open the secrets it holds.
 *
 * <ul>
 *   <li>The environment variable {@link #ENV} (base64 of 32 bytes) wins when set.</li>
 *   <li>Otherwise a key file ({@code <data>/secret.key} on the server, {@code <jira-home>/data/socialdesk/secret.key}
 *       in Jira), created on first use with 256 random bits and permissions {@code rw-------}.</li>
 * </ul>
 * Both may hold several keys (one per line in the file; separated by commas in the variable): the first seals,
 * the others still open what they sealed, so a key can be rotated without losing the stored secrets.
 */
public final class SecretKeys {
    public static final String ENV = "SOCIALDESK_SECRET_KEY";
    public static final String FILE_NAME = "secret.key";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SecretKeys() {}

    /** The box from {@code fromEnvironment} when it is set (not blank), else from {@code file} (created when absent). */
    public static SecretBox box(String fromEnvironment, Path file) {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return toBox(decodeAll(List.of(fromEnvironment.split("[,\\s]+")), "the environment variable " + ENV));
        }
        return toBox(loadOrCreate(file));
    }

    /** The keys in {@code file}, first the current one; a new file with one fresh key when there is none. */
    public static List<byte[]> loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) create(file);
            tighten(file);
            return decodeAll(Files.readAllLines(file, StandardCharsets.US_ASCII), "the key file " + file);
        } catch (IOException e) {
            throw new SecretException("Cannot read or create the key file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a fresh key to a private temporary file and links it into place, so that two nodes starting
     * together on a shared home agree on one key: the second link fails and that node reads the first's.
     */
    private static void create(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = posix(folder)
                ? Files.createTempFile(folder, ".secret", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(folder, ".secret", ".tmp", new FileAttribute<?>[0]);
        try {
            String line = Base64.getEncoder().encodeToString(SecretBox.newKey()) + "\n";
            Files.writeString(temporary, line, StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException raced) {
                // another node made it first: use theirs
            } catch (UnsupportedOperationException | IOException noHardLinks) {
                if (!Files.exists(file)) Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** A key file others can read is made private again (a restored backup, a copy with the wrong umask). */
    private static void tighten(Path file) throws IOException {
        if (!posix(file.toAbsolutePath().getParent())) return;
        if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) Files.setPosixFilePermissions(file, OWNER_ONLY);
    }

    private static boolean posix(Path folder) {
        return Files.getFileAttributeView(folder, java.nio.file.attribute.PosixFileAttributeView.class) != null;
    }

    private static List<byte[]> decodeAll(List<String> lines, String source) {
        List<byte[]> keys = new ArrayList<>();
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            byte[] key;
            try {
                key = line.contains("-") || line.contains("_") ? Base64.getUrlDecoder().decode(line) : Base64.getDecoder().decode(line);
            } catch (IllegalArgumentException e) {
                throw new SecretException("Key " + number + " in " + source + " is not base64");
            }
            if (key.length != SecretBox.KEY_BYTES) {
                throw new SecretException("Key " + number + " in " + source + " has " + key.length * 8 + " bits; it must have 256 (32 bytes, base64)");
            }
            keys.add(key);
        }
        if (keys.isEmpty()) throw new SecretException("No key in " + source);
        return keys;
    }

    private static SecretBox toBox(List<byte[]> keys) {
        return SecretBox.of(keys.get(0), keys.subList(1, keys.size()));
    }
}
