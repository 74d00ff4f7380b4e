package org.prunekit.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.prunekit.config.DataChecks;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.config.SplitSpec;
import org.prunekit.data.CsvTableReader;
import org.prunekit.data.Fold;
import org.prunekit.data.FoldFile;
import org.prunekit.data.InputException;
import org.prunekit.data.StratifiedSplits;
import org.prunekit.data.Table;
import org.prunekit.data.imbalance.Resampler;
import org.prunekit.protocol.Study;
import org.prunekit.spi.ConfigException;

/** Loads a config's data, builds its outer folds and checks the config against the data: a ready {@link Study}. */
public final class Experiment {

    /** Rough heap needed per byte of CSV while reading it (strings of every field) and encoding folds. */
    static final long HEAP_PER_CSV_BYTE = 24;

    private Experiment() {}

    /**
     * @param workDir    relative data and fold-file paths are resolved against it
     * @param resamplers resampler per strategy name, or null for the config's own (tests inject recording ones)
     */
    public static Study prepare(ExperimentConfig cfg, Path workDir, Function<String, Resampler> resamplers) {
        return prepare(cfg, dataPath(cfg, workDir), foldFilePath(cfg, workDir), resamplers);
    }

    /**
     * As {@link #prepare(ExperimentConfig, Path, Function)}, from the given copies of the data file and fold file (an
     * engine that ships them to where its cells run).
     *
     * @param foldFile the outer fold file, or null when the outer split is not {@code fold-file}
     */
    public static Study prepare(
            ExperimentConfig cfg, Path dataFile, Path foldFile, Function<String, Resampler> resamplers) {
        if (resamplers == null) {
            resamplers = name -> cfg.imbalance().impl().resampler();
        }
        checkFits(dataFile, Runtime.getRuntime().maxMemory());
        Table table = new CsvTableReader(cfg.data().schema()).read(dataFile);
        List<String> classes = table.classes();
        int[] y = table.classIndex();
        List<Fold> folds = outerFolds(cfg, foldFile, table, y);
        DataChecks.check(cfg, table, folds);
        int positive = -1;
        if (classes.size() == 2) {
            positive = cfg.data().positive() == null
                    ? 1
                    : classes.indexOf(cfg.data().positive());
        }
        return new Study(cfg, table, classes, y, positive, folds, resamplers);
    }

    /**
     * The local data file.
     *
     * @throws ConfigException when {@code data.path} is a URI ({@code hdfs://}, {@code s3a://}): only the Spark
     *     engine reads those (through Hadoop's {@code FileSystem}, which the local engine's class path lacks)
     */
    public static Path dataPath(ExperimentConfig cfg, Path workDir) {
        if (cfg.data().remote()) {
            throw new ConfigException(
                    cfg.source(),
                    "data.path",
                    "'" + cfg.data().location() + "' is a " + cfg.data().uri().getScheme()
                            + " URI: the local engine reads local files only; it needs --engine spark "
                            + "(docs/scale-out.md), or a local copy of the file");
        }
        return workDir.toAbsolutePath().resolve(cfg.data().path()).normalize();
    }

    /** The outer fold file, or null when the outer split is not {@code fold-file}. */
    public static Path foldFilePath(ExperimentConfig cfg, Path workDir) {
        SplitSpec.Part p = cfg.split().outer();
        return p.kind().equals(SplitSpec.FOLD_FILE)
                ? workDir.toAbsolutePath().resolve(p.file()).normalize()
                : null;
    }

    private static List<Fold> outerFolds(ExperimentConfig cfg, Path foldFile, Table table, int[] y) {
        SplitSpec.Part p = cfg.split().outer();
        long seed = cfg.split().seed();
        return switch (p.kind()) {
            case SplitSpec.KFOLD -> {
                if (p.folds() > y.length) {
                    throw new ConfigException(
                            cfg.source(),
                            "split.outer.folds",
                            p.folds() + " folds for " + y.length + " rows; at most one fold per row (use fewer folds)");
                }
                yield StratifiedSplits.kFold(y, p.folds(), p.repeats(), seed);
            }
            case SplitSpec.HOLDOUT -> {
                List<Fold> out = new ArrayList<>();
                for (int r = 0; r < p.repeats(); r++) {
                    Fold f = StratifiedSplits.holdout(y, p.testFraction(), seed + 7919L * r);
                    out.add(new Fold(r, 0, f.train(), f.test()));
                }
                yield out;
            }
            default -> FoldFile.read(foldFile, table);
        };
    }

    /** Fails with a clear message when the CSV cannot fit in the heap, before trying to read it. */
    static void checkFits(Path file, long max) {
        try {
            if (!Files.isRegularFile(file)) {
                return; // the reader names the problem
            }
            long size = Files.size(file);
            if (max != Long.MAX_VALUE && size > max / HEAP_PER_CSV_BYTE) {
                throw new InputException(
                        file.toString(),
                        String.format(
                                Locale.ROOT,
                                "is %d MB; reading and encoding it needs about %d MB of heap but %d MB are allowed: "
                                        + "raise the heap with PRUNEKIT_HEAP (e.g. PRUNEKIT_HEAP=%dg)",
                                size >> 20,
                                size * HEAP_PER_CSV_BYTE >> 20,
                                max >> 20,
                                Math.max(2, (size * HEAP_PER_CSV_BYTE >> 30) + 2)));
            }
        } catch (IOException e) {
            // the reader names the problem
        }
    }

    /** Fails, as {@link #sha256(Path)} would, when {@code file} cannot be opened for reading; reads nothing. */
    static void requireReadable(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            // opened: readable
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot read: " + e.getMessage());
        }
    }

    /** SHA-256 of a file, hex. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot read: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 of bytes, hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
