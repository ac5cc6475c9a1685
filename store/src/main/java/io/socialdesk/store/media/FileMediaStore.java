package io.socialdesk.store.media;

import io.socialdesk.core.post.Media;
import io.socialdesk.core.post.MediaStore;
import io.socialdesk.core.post.MediaTypes;
import io.socialdesk.core.problem.InvalidInputException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Media as files in one folder, the same layout in every host: {@code ROOT/ab/abcdef…} holds the
 * bytes whose SHA-256 is {@code abcdef…}, and {@code ROOT/ab/abcdef….name} the name it was first
 * uploaded under. Uploads stream to {@code ROOT/incoming} while the hash is computed, then move into
 * place in one atomic rename, so a reader never sees half a file and two nodes writing the same
 * bytes both end with one whole file. The type is read from the file's first bytes, never stored.
 */
public final class FileMediaStore implements MediaStore {
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final long maxImageBytes;
    private final long maxVideoBytes;

    public FileMediaStore(Path root) {
        this(root, MediaTypes.MAX_IMAGE_BYTES, MediaTypes.MAX_VIDEO_BYTES);
    }

    /** With other ceilings: for tests, which should not write 20 MB to prove a limit. */
    public FileMediaStore(Path root, long maxImageBytes, long maxVideoBytes) {
        this.root = root.toAbsolutePath();
        this.maxImageBytes = maxImageBytes;
        this.maxVideoBytes = maxVideoBytes;
    }

    public Path root() {
        return root;
    }

    @Override
    public Media put(InputStream bytes, String mimeType, String fileName) throws IOException {
        byte[] header = new byte[MediaTypes.HEADER_BYTES];
        int headerLength = bytes.readNBytes(header, 0, header.length);
        if (headerLength == 0) throw new InvalidInputException("file", "required", "The file is empty");
        String type = MediaTypes.check(mimeType, header, headerLength);
        long max = type.startsWith("video/") ? maxVideoBytes : maxImageBytes;

        Path incoming = Files.createDirectories(root.resolve("incoming"));
        Path temp = Files.createTempFile(incoming, "upload-", ".part");
        try {
            MessageDigest digest = sha256();
            long size = headerLength;
            try (OutputStream out = Files.newOutputStream(temp)) {
                digest.update(header, 0, headerLength);
                out.write(header, 0, headerLength);
                byte[] buffer = new byte[BUFFER];
                for (int n; (n = bytes.read(buffer)) != -1; ) {
                    size += n;
                    // Stop reading as soon as the file is too large: the rest is never stored.
                    if (size > max) throw MediaTypes.tooLarge(type, max);
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            String sha256 = HexFormat.of().formatHex(digest.digest());
            Path target = file(sha256);
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.delete(temp);
            } else {
                moveAtomically(temp, target);
            }
            String name = MediaTypes.cleanFileName(fileName);
            Path namePath = nameFile(sha256);
            if (!name.isEmpty() && !Files.exists(namePath)) {
                Path nameTemp = Files.createTempFile(incoming, "name-", ".part");
                Files.writeString(nameTemp, name, StandardCharsets.UTF_8);
                moveAtomically(nameTemp, namePath);
            }
            return find(sha256).orElseThrow(() -> new IOException("The stored file " + sha256 + " cannot be read back"));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public Optional<Media> find(String sha256) {
        if (!MediaTypes.isSha256(sha256)) return Optional.empty();
        Path file = file(sha256);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] header = new byte[MediaTypes.HEADER_BYTES];
            Optional<String> type = MediaTypes.sniff(header, in.readNBytes(header, 0, header.length));
            if (type.isEmpty()) return Optional.empty();
            Path name = nameFile(sha256);
            String fileName = Files.isRegularFile(name) ? Files.readString(name, StandardCharsets.UTF_8) : "";
            return Optional.of(new Media(sha256, type.get(), Files.size(file), "", fileName));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read media " + sha256, e);
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        if (!MediaTypes.isSha256(sha256)) throw new FileNotFoundException("No media " + sha256);
        return Files.newInputStream(file(sha256));
    }

    private Path file(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private Path nameFile(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256 + ".name");
    }

    /** One rename: readers see no file or the whole file. Another writer may have won the race with the same bytes. */
    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException sameBytesAlreadyThere) {
            Files.deleteIfExists(from);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
