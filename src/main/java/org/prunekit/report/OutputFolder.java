package org.prunekit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.prunekit.data.AtomicFiles;
import org.prunekit.data.InputException;

/**
 * The run's output folder. A prunekit folder holds a marker file with the fingerprint of the config and data that
 * produced it. An existing folder is only reused with {@code --resume} (same fingerprint: finish the missing cells)
 * or replaced with {@code --force} (and only when it is a prunekit folder, never an arbitrary user folder).
 */
public final class OutputFolder {

    public static final String MARKER = ".prunekit-run";

    private OutputFolder() {}

    /** Makes {@code dir} ready; returns true when finished cells of an earlier run are kept (resume). */
    public static boolean prepare(Path dir, String fingerprint, boolean force, boolean resume) {
        String name = dir.toString();
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new InputException(name, "output exists and is not a folder");
            }
            boolean nonEmpty = Files.isDirectory(dir) && !isEmpty(dir);
            Path marker = dir.resolve(MARKER);
            boolean kept = false;
            if (nonEmpty) {
                if (!Files.isRegularFile(marker)) {
                    throw new InputException(
                            name,
                            "output folder exists and was not written by prunekit; "
                                    + "choose another folder (it is never overwritten, even with --force)");
                }
                String old = Files.readString(marker).trim();
                if (resume) {
                    if (!old.equals(fingerprint)) {
                        throw new InputException(
                                name,
                                "cannot resume: the config or data changed since this folder was written "
                                        + "(use --force to start over)");
                    }
                    kept = true;
                    deleteLeftoverTemporaries(dir);
                } else if (force) {
                    deleteContents(dir);
                } else {
                    throw new InputException(
                            name, "output folder exists; use --force to overwrite it or --resume to finish it");
                }
            }
            Files.createDirectories(dir);
            AtomicFiles.writeString(marker, fingerprint + "\n");
            return kept;
        } catch (IOException e) {
            throw new InputException(name, "cannot prepare the output folder: " + e.getMessage());
        }
    }

    /** Temporary files of writes that a kill interrupted (never renamed into place, so never results). */
    private static void deleteLeftoverTemporaries(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir, 2)) {
            for (Path p : s.filter(p -> {
                        String n = p.getFileName().toString();
                        return n.startsWith(".") && n.endsWith(".tmp") && Files.isRegularFile(p);
                    })
                    .toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static void deleteContents(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
