package org.prunekit.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * A file prunekit had to write (or a folder it had to create) could not be: disk full, read-only file system,
 * permission denied, a path through a regular file. The CLI prints {@link #oneLine()} and exits with its I/O exit
 * code; the path named is the one the user gave (or prunekit chose), the reason the operating system's.
 */
public final class IoFailure extends UncheckedIOException {

    private final String path;
    private final String reason;

    public IoFailure(Path path, IOException cause) {
        super(path + ": " + reason(cause), cause);
        this.path = path.toString();
        this.reason = reason(cause);
    }

    public IoFailure(Path path, String reason) {
        super(path + ": " + reason, new IOException(reason));
        this.path = path.toString();
        this.reason = reason;
    }

    public String path() {
        return path;
    }

    /** {@code path: cannot write: reason}. */
    public String oneLine() {
        return path + ": cannot write: " + reason;
    }

    /** The operating system's reason, without Java class names. */
    static String reason(IOException e) {
        if (e instanceof FileSystemException f) {
            String at = f.getFile() == null ? "" : " (" + f.getFile() + ")";
            if (f.getReason() != null) {
                return f.getReason() + at;
            }
            if (e instanceof AccessDeniedException) {
                return "permission denied" + at;
            }
            if (e instanceof NoSuchFileException) {
                return "no such file or folder" + at;
            }
            if (e instanceof FileAlreadyExistsException) {
                return "a file is in the way where a folder is needed" + at;
            }
            if (e instanceof NotDirectoryException) {
                return "not a folder" + at;
            }
            return "file system error" + at;
        }
        return e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().replace('\n', ' ');
    }
}
