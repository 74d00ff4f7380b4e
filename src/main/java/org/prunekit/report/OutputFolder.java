package org.prunekit.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.prunekit.data.AtomicFiles;
import org.prunekit.data.InputException;
import org.prunekit.data.IoFailure;
import org.prunekit.data.Manifest;

/**
 * The run's output folder. A prunekit folder holds a marker file with the fingerprint of the config and data that
 * produced it, and a {@link Manifest} of every file prunekit wrote there. An existing folder is only reused with
 * {@code --resume} (same fingerprint: finish the missing cells) or cleared with {@code --force}, which deletes the
 * files in the manifest and nothing else (a user's notes beside them stay), and only in a prunekit folder. While a
 * run uses the folder it holds its {@link OutputLock}. An input of the run (data, config, fold file) inside the folder
 * at a place prunekit writes to is refused, so no output ever replaces an input.
 */
public final class OutputFolder {

    public static final String MARKER = ".prunekit-run";

    /** Top-level files and folders a run writes (besides the manifest's own entries). */
    private static final Set<String> WRITTEN = Set.of(
            MARKER,
            "cells",
            "models",
            "plots",
            ResultsLayout.CONFIG,
            ResultsLayout.CANDIDATES,
            ResultsLayout.SELECTED,
            ResultsLayout.CP_TABLE,
            ResultsLayout.PATH_COLUMNS,
            ResultsLayout.SUMMARY,
            ResultsLayout.WARNINGS,
            "summary.md",
            ReportWriter.REPORT_FILE,
            StabilityCsv.STABILITY,
            StabilityCsv.FREQUENCY);

    /** The folder in use by this run: its lock and its manifest, tracking writes until closed. */
    public static final class Session implements AutoCloseable {
        private final OutputLock lock;
        private final Manifest manifest;
        private final boolean kept;

        private Session(OutputLock lock, Manifest manifest, boolean kept) {
            this.lock = lock;
            this.manifest = manifest;
            this.kept = kept;
        }

        /** True when finished cells of an earlier run are kept (resume). */
        public boolean kept() {
            return kept;
        }

        @Override
        public void close() {
            manifest.untrack();
            lock.close();
        }
    }

    private OutputFolder() {}

    /** Makes {@code dir} ready without inputs to protect or a session to hold (tests). */
    public static boolean prepare(Path dir, String fingerprint, boolean force, boolean resume) {
        try (Session s = open(dir, fingerprint, force, resume, List.of(), w -> {})) {
            return s.kept();
        }
    }

    /**
     * The checks {@link #open} makes, without taking the lock or writing anything: a batch of studies refuses a study
     * whose folder it could not use before any study runs. Not checked: a lock held by another run (that study's own
     * turn says so).
     *
     * @param fingerprint the run's fingerprint, compared on {@code resume} with the folder's; null: not compared
     */
    public static void check(Path dir, String fingerprint, boolean force, boolean resume, List<Path> inputs) {
        String name = dir.toString();
        checkUnlocked(dir, inputs);
        try {
            Path marker = dir.resolve(MARKER);
            if (Files.isRegularFile(marker)) {
                if (resume) {
                    if (fingerprint != null && !Files.readString(marker).trim().equals(fingerprint)) {
                        throw changed(name);
                    }
                } else if (!force) {
                    throw exists(name);
                }
            }
        } catch (IOException e) {
            throw new IoFailure(dir, e);
        }
    }

    /**
     * The checks that need no lock: {@code dir} is a folder (or absent), empty or prunekit's, and holds none of
     * {@code inputs}.
     */
    private static void checkUnlocked(Path dir, List<Path> inputs) {
        String name = dir.toString();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InputException(name, "output exists and is not a folder");
        }
        try {
            if (Files.isDirectory(dir) && !isEmpty(dir) && !Files.isRegularFile(dir.resolve(MARKER))) {
                throw notOurs(name);
            }
        } catch (IOException e) {
            throw new IoFailure(dir, e);
        }
        for (Path in : inputs) {
            checkNotOverwritten(dir, in);
        }
    }

    private static InputException notOurs(String name) {
        return new InputException(
                name,
                "output folder exists and was not written by prunekit; "
                        + "choose another folder (it is never overwritten, even with --force)");
    }

    private static InputException changed(String name) {
        return new InputException(
                name,
                "cannot resume: the config or data changed since this folder was written (use --force to start over)");
    }

    private static InputException exists(String name) {
        return new InputException(name, "output folder exists; use --force to overwrite it or --resume to finish it");
    }

    /**
     * Locks {@code dir}, checks it and makes it ready; writes below it are listed in its manifest until the session
     * is closed.
     *
     * @param inputs files the run reads, which the folder must not overwrite
     * @param warn   receives warnings (a stale lock taken over)
     */
    public static Session open(
            Path dir, String fingerprint, boolean force, boolean resume, List<Path> inputs, Consumer<String> warn) {
        String name = dir.toString();
        checkUnlocked(dir, inputs);
        try {
            OutputLock lock = OutputLock.acquire(dir, warn);
            try {
                Manifest manifest = Manifest.read(dir);
                boolean kept = false;
                Path marker = dir.resolve(MARKER);
                if (Files.isRegularFile(marker)) {
                    String old = Files.readString(marker).trim();
                    if (resume) {
                        if (!old.equals(fingerprint)) {
                            throw changed(name);
                        }
                        kept = true;
                        deleteLeftoverTemporaries(dir);
                    } else if (force) {
                        manifest.add(marker);
                        manifest.deleteWritten();
                    } else {
                        throw exists(name);
                    }
                }
                manifest.track();
                AtomicFiles.writeString(marker, fingerprint + "\n");
                return new Session(lock, manifest, kept);
            } catch (RuntimeException | IOException e) {
                lock.close();
                throw e;
            }
        } catch (IOException e) {
            throw new IoFailure(dir, e);
        }
    }

    /** Fails when {@code input} lies inside {@code dir} where a run writes (or an earlier run wrote). */
    private static void checkNotOverwritten(Path dir, Path input) {
        Path d = real(dir);
        Path in = real(input);
        if (!in.startsWith(d) || in.equals(d)) {
            return;
        }
        Path rel = d.relativize(in);
        if (WRITTEN.contains(rel.getName(0).toString()) || Manifest.read(d).contains(in)) {
            throw new InputException(
                    input.toString(),
                    "is inside the output folder " + dir + " where prunekit writes "
                            + "its results; move it or choose another output folder (an output never replaces an input)");
        }
    }

    private static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            return abs;
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

    /** Empty apart from a lock file (which a run that stopped before writing anything may leave). */
    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.allMatch(p -> p.getFileName().toString().equals(OutputLock.FILE));
        }
    }
}
