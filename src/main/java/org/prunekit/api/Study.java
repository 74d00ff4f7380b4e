package org.prunekit.api;

import java.nio.file.Path;
import java.util.Objects;
import org.prunekit.config.ConfigBinder;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.data.InputException;
import org.prunekit.run.Harness;
import org.prunekit.run.Progress;

/**
 * A whole study from a YAML config, as {@code prunekit run CONFIG} runs it: every arm on every outer fold with
 * selection on inner data only, each arm refitted on all rows, and the same results folder ({@code summary.md},
 * {@code candidates.csv}, {@code report.html}, {@code models/}). Same config and seed, same numbers as the CLI.
 *
 * <pre>{@code
 * StudyResult r = Study.load(Path.of("configs/quickstart.yaml")).run(ProgressListener.NONE);
 * r.arms().forEach(a -> System.out.println(a.name() + " " + a.mean()));
 * }</pre>
 */
public final class Study {

    private final Path file;
    private final Path workDir;
    private final Path output;
    private final ExperimentConfig config;
    private final int threads;
    private final boolean force;

    private Study(Path file, Path workDir, Path output, int threads, boolean force) {
        this.file = file;
        this.workDir = workDir;
        this.output = output;
        this.threads = threads;
        this.force = force;
        try {
            this.config = ConfigBinder.load(file, workDir, output);
        } catch (InputException e) {
            throw ConfigBlock.badInput(e);
        }
    }

    /**
     * Reads and checks a config; relative paths in it (data, output) are resolved against the current directory, as
     * the CLI does. A bad config is an IllegalArgumentException with the CLI's one-line message naming the file and
     * key path.
     */
    public static Study load(Path yaml) {
        Objects.requireNonNull(yaml, "yaml");
        return new Study(yaml, Path.of("").toAbsolutePath(), null, 1, false);
    }

    /** The study's name ({@code name:}). */
    public String name() {
        return config.name();
    }

    /** The results folder the run writes. */
    public Path output() {
        return config.output().dir();
    }

    /** This study writing its results to {@code dir} instead (the CLI's {@code --out}). */
    public Study withOutput(Path dir) {
        return new Study(file, workDir, dir, threads, force);
    }

    /** This study running cells on {@code count} threads (the CLI's {@code --threads}; results do not change). */
    public Study withThreads(int count) {
        return new Study(file, workDir, output, count, force);
    }

    /** This study replacing an existing results folder (the CLI's {@code --force}). */
    public Study withForce(boolean replace) {
        return new Study(file, workDir, output, threads, replace);
    }

    /** Runs the study without progress reports. */
    public StudyResult run() {
        return run(ProgressListener.NONE);
    }

    /** Runs the study, reporting each finished cell to {@code listener}, and reads its results back. */
    public StudyResult run(ProgressListener listener) {
        Progress progress = new Progress() {
            @Override
            public void cellDone(int done, int total, String key, int skipped) {
                listener.cellDone(done, total, key);
            }

            @Override
            public void warning(String message) {
                listener.warning(message);
            }
        };
        try {
            Path dir = Harness.run(config, workDir, new Harness.Options(threads, force, false, progress, null));
            return StudyResult.read(dir);
        } catch (InputException e) {
            throw ConfigBlock.badInput(e);
        }
    }
}
