package org.prunekit.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.prunekit.config.ArmSpec;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.data.Fold;
import org.prunekit.data.InputException;
import org.prunekit.data.imbalance.Resampler;
import org.prunekit.protocol.CellResult;
import org.prunekit.protocol.CellRunner;
import org.prunekit.protocol.Study;
import org.prunekit.report.CellStore;
import org.prunekit.report.ModelFiles;
import org.prunekit.report.OutputFolder;
import org.prunekit.report.ReportWriter;
import org.prunekit.report.ResultsWriter;

/**
 * Runs a study: every cell (arm × repeat × outer fold, plus each arm's refit on all data) on a thread pool, each
 * cell's result saved to {@code cells/} as it finishes, then the result files written from the saved cells. Cells
 * depend only on the config and their identity (seeds never come from thread order), and the final files are built
 * from the cell files in a fixed order, so the results are the same whatever the thread count and whether or not the
 * run was interrupted and resumed (apart from latency). Last, the plots and {@code report.html} are drawn from the
 * written results, exactly as {@code prunekit report} would.
 */
public final class Harness {

    /**
     * @param threads    worker threads (cells run in parallel)
     * @param force      replace an existing prunekit output folder
     * @param resume     keep the finished cells of an interrupted run with the same config and data
     * @param resamplers resampler per imbalance strategy
     */
    public record Options(
            int threads, boolean force, boolean resume, Progress progress, Function<String, Resampler> resamplers) {
        public Options {
            if (threads < 1 || threads > 256) {
                throw new IllegalArgumentException("threads must be in [1, 256] but was " + threads);
            }
        }

        public static Options defaults() {
            return new Options(1, false, false, Progress.NONE, null);
        }
    }

    /** An out-of-memory during a run, carried as an ordinary exception so the CLI prints one clear line. */
    public static final class OutOfMemory extends RuntimeException {
        public OutOfMemory(OutOfMemoryError e) {
            super("out of memory", e);
        }
    }

    private Harness() {}

    /** Runs {@code cfg} into {@code cfg.output().dir()}; returns that folder. */
    public static Path run(ExperimentConfig cfg, Path workDir, Options options) {
        Study study = Experiment.prepare(cfg, workDir, options.resamplers());
        Path out = cfg.output().dir();
        Path dataFile = Experiment.dataPath(cfg, workDir);
        String dataSha = Experiment.sha256(dataFile);
        String fingerprint = Experiment.sha256(ResultsWriter.configYaml(cfg) + "\ndata " + dataSha);
        List<Path> inputs = new ArrayList<>(List.of(dataFile, Path.of(cfg.source())));
        if (cfg.split().outer().file() != null) {
            inputs.add(workDir.toAbsolutePath().resolve(cfg.split().outer().file()));
        }
        try (OutputFolder.Session session = OutputFolder.open(
                out, fingerprint, options.force(), options.resume(), inputs, options.progress()::warning)) {
            runCells(cfg, study, out, dataSha, options);
        }
        return out;
    }

    private static void runCells(ExperimentConfig cfg, Study study, Path out, String dataSha, Options options) {
        CellStore store = new CellStore(out);

        record Task(ArmSpec arm, Fold fold, String key) {}
        List<Task> tasks = new ArrayList<>();
        for (ArmSpec arm : cfg.arms()) {
            for (Fold f : study.outerFolds()) {
                tasks.add(new Task(arm, f, CellResult.key(arm.name(), f.repeat(), f.index())));
            }
            tasks.add(new Task(arm, null, CellResult.key(arm.name(), -1, -1)));
        }
        Map<String, CellResult> done = new LinkedHashMap<>();
        List<Task> todo = new ArrayList<>();
        for (Task t : tasks) {
            Optional<CellResult> saved = options.resume() ? store.load(t.key()) : Optional.empty();
            boolean modelOk = t.fold() != null
                    || Files.isRegularFile(modelFile(out, t.arm().name()));
            if (saved.isPresent() && modelOk) {
                done.put(t.key(), saved.get());
            } else {
                todo.add(t);
            }
        }
        int skipped = done.size();
        CellRunner runner = new CellRunner(study);
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread th = new Thread(r, "prunekit-cell");
            th.setDaemon(true);
            return th;
        });
        try {
            ExecutorCompletionService<CellResult> ecs = new ExecutorCompletionService<>(pool);
            List<Future<CellResult>> futures = new ArrayList<>();
            for (Task t : todo) {
                futures.add(ecs.submit(() -> {
                    CellRunner.Outcome o;
                    try {
                        o = runner.run(t.arm(), t.fold());
                    } catch (InputException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        throw new IllegalStateException("cell " + t.key() + ": " + e, e);
                    }
                    if (t.fold() == null) {
                        saveModel(cfg, study, out, t.arm(), o, dataSha);
                    }
                    store.save(o.result());
                    return o.result();
                }));
            }
            int finished = skipped;
            for (int i = 0; i < todo.size(); i++) {
                CellResult r;
                try {
                    r = ecs.take().get();
                } catch (ExecutionException e) {
                    futures.forEach(f -> f.cancel(true));
                    throw unwrap(e.getCause());
                }
                finished++;
                options.progress().cellDone(finished, tasks.size(), r.key(), skipped);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } finally {
            pool.shutdownNow();
        }
        // Build the results from the saved cells, in a fixed order: the same whether cells ran now or earlier.
        List<CellResult> cells = new ArrayList<>();
        for (Task t : tasks) {
            cells.add(store.load(t.key())
                    .orElseThrow(() -> new IllegalStateException("cell " + t.key() + " was not saved")));
        }
        int[] counts = new int[study.classes().size()];
        for (int c : study.y()) {
            counts[c]++;
        }
        var info = new ResultsWriter.DatasetInfo(
                cfg.data().path().toString().replace('\\', '/'),
                dataSha,
                study.table().rows(),
                study.table().columns().size(),
                study.classes(),
                counts);
        for (String w : PitfallChecks.check(cfg, cells, counts)) {
            cfg.warnings().add(null, w);
            options.progress().warning(w);
        }
        new ResultsWriter(cfg, cells, info, Version.get()).writeAll(out);
        writeReport(out, options.progress());
    }

    /**
     * Draws {@code plots/} and {@code report.html} from the results just written. The results are complete without
     * them, so a failure is a warning (a chart that cannot be drawn is already a warning inside the report).
     */
    static void writeReport(Path out, Progress progress) {
        try {
            ReportWriter.rebuild(out);
        } catch (RuntimeException e) {
            progress.warning("report.html not written: " + e.getMessage() + " (the results are complete; "
                    + "rebuild with ./prunekit report " + out + ")");
        }
    }

    static Path modelFile(Path out, String arm) {
        return out.resolve("models").resolve(arm + ".model");
    }

    private static void saveModel(
            ExperimentConfig cfg, Study study, Path out, ArmSpec arm, CellRunner.Outcome o, String dataSha) {
        CellResult r = o.result();
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("prunekit_version", Version.get());
        prov.put("study", cfg.name());
        prov.put("arm", arm.name());
        prov.put("family", arm.family());
        prov.put("method", arm.method());
        prov.put("model", arm.model());
        prov.put("prune", arm.prune());
        prov.put(
                "selection",
                ordered(
                        "metric",
                        cfg.select().metric().configName(),
                        "rule",
                        cfg.select().rule()));
        prov.put("imbalance", cfg.imbalance().strategy());
        prov.put("seed", cfg.split().seed());
        prov.put("strength_name", r.strengthName());
        prov.put("candidate", r.chosen());
        prov.put("strength", r.chosenCandidate().strength());
        prov.put("threshold", r.chosenCandidate().threshold());
        prov.put("parameters", r.chosenCandidate().parameters());
        prov.put("nonzero_parameters", r.chosenCandidate().nonZero());
        prov.put("classes", study.classes());
        prov.put("positive", study.positive() < 0 ? null : study.classes().get(study.positive()));
        prov.put(
                "dataset",
                ordered(
                        "path",
                        cfg.data().path().toString().replace('\\', '/'),
                        "sha256",
                        dataSha,
                        "rows",
                        study.table().rows(),
                        "target",
                        cfg.data().target()));
        ModelFiles.save(
                o.chosenModel(),
                modelFile(out, arm.name()),
                out.resolve("models").resolve(arm.name() + ".provenance.json"),
                prov);
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static RuntimeException unwrap(Throwable t) {
        if (t instanceof OutOfMemoryError oom) {
            return new OutOfMemory(oom);
        }
        if (t instanceof RuntimeException re) {
            return re;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
