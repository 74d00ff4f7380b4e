package org.prunekit.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file atomically: the content goes to a temporary file in the same folder, which is then renamed over the
 * target, so a reader (or a run resumed after SIGKILL) never sees a half-written file: it sees the old content or the
 * complete new content. The content is forced to disk before the rename. A failure (disk full, read-only, a path
 * through a regular file) is an {@link IoFailure} naming {@code target}; an existing folder, device or pipe at
 * {@code target} is never replaced. Writes below a {@linkplain Manifest#track tracked} folder are listed in its
 * {@link Manifest}.
 */
public final class AtomicFiles {

    /** Something that writes the content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /**
     * Fails with one line (bad input) when {@code target} is one of {@code inputs}, by any path to the same file: an
     * output never replaces an input.
     */
    public static void refuseInput(Path target, String option, Path... inputs) {
        for (Path in : inputs) {
            if (in != null && Files.exists(target) && Files.exists(in)) {
                try {
                    if (Files.isSameFile(target, in)) {
                        throw new InputException(
                                target.toString(),
                                option + " names an input of this command (" + in
                                        + "); write to another file (an output never replaces an input)");
                    }
                } catch (IOException e) {
                    // unreadable: the write reports it
                }
            }
        }
    }

    /** Writes {@code bytes} to {@code target}, creating parent folders. */
    public static void write(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes));
    }

    /** Writes UTF-8 {@code text} to {@code target}, creating parent folders. */
    public static void writeString(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Streams content to a temporary sibling of {@code target}, then renames it over {@code target}. */
    public static void write(Path target, Content content) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        if (Files.exists(abs) && !Files.isRegularFile(abs)) {
            throw new IoFailure(
                    target,
                    Files.isDirectory(abs)
                            ? "is a folder, not a file"
                            : "exists and is not a regular file (a device or pipe is never replaced)");
        }
        Manifest.noteWrite(abs);
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
            if (Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try (FileChannel ch =
                    FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                content.writeTo(out);
                out.flush();
                ch.force(true); // on disk before the rename: a kill or crash never leaves a renamed empty file
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IoFailure(target, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the rename succeeded or the error above is the one worth reporting
                }
            }
        }
    }
}
