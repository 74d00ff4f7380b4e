package org.prunekit.run;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.prunekit.config.ArmSpec;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.data.imbalance.Resampler;
import org.prunekit.protocol.CellResult;
import org.prunekit.protocol.PhaseClock;
import org.prunekit.report.CellStore;
import org.prunekit.report.OutputFolder;
import org.prunekit.report.ReportWriter;
import org.prunekit.report.ResultsReader;
import org.prunekit.report.ResultsWriter;
import org.prunekit.report.RunTimes;
import org.prunekit.report.SavedResults;

/**
 * Runs a study: every cell (arm × repeat × outer fold, plus each arm's refit on all data) on an {@link Engine} (a
 * thread pool by default, or Spark), the cells of arms that differ only in {@code select:} together as one task
 * ({@link CellGroup}: they share one cell's work), each cell's result saved to {@code cells/} as it arrives, then the
 * result files written from the cells: those computed now as they are in memory, those an earlier run left read from
 * their files (which keep every number exactly). Cells depend only on the config and their identity (seeds never come
 * from thread order), and the final files are built in a fixed order, so the results are the same whatever the thread
 * count and whether or not the run was interrupted and resumed (apart from latency). Last, unless
 * {@link Options#report()} is off, the plots and {@code report.html} are drawn from the written results, exactly as
 * {@code prunekit report} would.
 */
public final class Harness {

    /**
     * @param threads    worker threads (cells run in parallel)
     * @param force      replace an existing prunekit output folder
     * @param resume     keep the finished cells of an interrupted run with the same config and data
     * @param resamplers resampler per imbalance strategy
     * @param savePath   also save every candidate of each arm's refit path as a model bundle,
     *                   {@code models/<arm>.path/<candidate>.model}
     * @param report     draw {@code plots/} and {@code report.html} after the results (false: {@code prunekit report}
     *                   draws them later from the results files)
     */
    public record Options(
            int threads,
            boolean force,
            boolean resume,
            Progress progress,
            Function<String, Resampler> resamplers,
            boolean savePath,
            boolean report) {
        public Options {
            if (threads < 1 || threads > 256) {
                throw new IllegalArgumentException("threads must be in [1, 256] but was " + threads);
            }
        }

        public Options(
                int threads, boolean force, boolean resume, Progress progress, Function<String, Resampler> resamplers) {
            this(threads, force, resume, progress, resamplers, false, true);
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

    /** Runs {@code cfg} into {@code cfg.output().dir()} on a local engine of {@code options.threads()}. */
    public static Path run(ExperimentConfig cfg, Path workDir, Options options) {
        try (Engine engine = new LocalEngine(options.threads())) {
            return run(cfg, workDir, options, engine);
        }
    }

    /**
     * Runs {@code cfg} into {@code cfg.output().dir()}, its cells on {@code engine}; returns that folder. The cell
     * files, resume and the results are the same whatever the engine.
     */
    public static Path run(ExperimentConfig cfg, Path workDir, Options options, Engine engine) {
        long start = System.nanoTime();
        double cpu0 = processCpuSeconds();
        PhaseClock clock = new PhaseClock();
        String dataSha = clock.time(PhaseClock.READ, () -> engine.dataSha(cfg, workDir));
        Path dataFile = cfg.data().remote() ? null : Experiment.dataPath(cfg, workDir);
        String configSha = Experiment.sha256(studyYaml(cfg));
        RefitSettings refitSettings = new RefitSettings(configSha, dataSha, options.savePath());
        StudyPlan plan = clock.time(
                PhaseClock.READ,
                () -> engine.prepare(
                        new StudyInput(cfg, workDir, dataFile, dataSha, options.resamplers(), refitSettings)));
        Path out = cfg.output().dir();
        String fingerprint = fingerprint(cfg, dataSha);
        RefitFiles refit = new RefitFiles(cfg, configSha, dataSha);
        List<Path> inputs = inputs(cfg, workDir, dataFile);
        try (OutputFolder.Session session = OutputFolder.open(
                out, fingerprint, options.force(), options.resume(), inputs, options.progress()::warning)) {
            runCells(cfg, plan, engine, out, refit, options, clock, start, cpu0);
        }
        return out;
    }

    /**
     * The {@code --resume} fingerprint of a study: its {@link #studyYaml}, its data's SHA-256 and every arm's
     * {@link ArmSpec#settings() settings with defaults filled in}, so a folder started by a prunekit with other
     * defaults (e.g. another XGBoost objective) is not finished with cells that would differ.
     */
    static String fingerprint(ExperimentConfig cfg, String dataSha) {
        StringBuilder b = new StringBuilder(studyYaml(cfg)).append("\ndata ").append(dataSha);
        cfg.arms().forEach(a -> b.append("\narm ").append(a.name()).append(": ").append(a.settings()));
        return Experiment.sha256(b.toString());
    }

    /** The files a study reads (config, local data, fold file), which its output folder must not overwrite. */
    static List<Path> inputs(ExperimentConfig cfg, Path workDir, Path dataFile) {
        List<Path> inputs = new ArrayList<>(List.of(Path.of(cfg.source())));
        if (dataFile != null) {
            inputs.add(dataFile);
        }
        if (cfg.split().outer().file() != null) {
            inputs.add(workDir.toAbsolutePath().resolve(cfg.split().outer().file()));
        }
        return inputs;
    }

    /**
     * The study's identity: the resolved config without {@code data.path}, whose SHA-256 the bundles carry and which,
     * with the data's SHA-256, is the run's fingerprint for {@code --resume}. The data counts by its content, not by
     * where it was read: the same bytes from a local path, {@code file://} or {@code hdfs://} are the same study, with
     * the same bundles.
     */
    static String studyYaml(ExperimentConfig cfg) {
        Map<String, Object> resolved = cfg.resolved();
        if (resolved.get("data") instanceof Map<?, ?> data) {
            data.remove("path");
        }
        return ResultsWriter.yaml(resolved);
    }

    private static void runCells(
            ExperimentConfig cfg,
            StudyPlan plan,
            Engine engine,
            Path out,
            RefitFiles refit,
            Options options,
            PhaseClock clock,
            long start,
            double cpu0) {
        String dataSha = refit.dataSha();
        CellStore store = new CellStore(out);

        List<CellSpec> cells = new ArrayList<>(); // arm by arm, the results' order
        for (ArmSpec arm : cfg.arms()) {
            for (int[] f : plan.outerFolds()) {
                cells.add(new CellSpec(arm.name(), f[0], f[1]));
            }
            cells.add(CellSpec.refit(arm.name()));
        }
        List<CellGroup> groups = CellGroup.of(cfg, plan.outerFolds());
        // a group runs again when any of its cells is missing; only its missing cells are saved (finished cells of
        // an earlier run stay untouched)
        Set<String> kept = new HashSet<>();
        for (CellSpec c : cells) {
            if (finished(c, store, out, options.resume())) {
                kept.add(c.key());
            }
        }
        List<CellGroup> todo = new ArrayList<>();
        for (CellGroup g : groups) {
            if (!g.cells().stream().allMatch(c -> kept.contains(c.key()))) {
                todo.add(g);
            }
        }
        int skipped = kept.size();
        int[] finished = {skipped};
        Map<String, ArmSpec> arms = new LinkedHashMap<>();
        cfg.arms().forEach(a -> arms.put(a.name(), a));
        // the cells computed now, as they are in memory (equal to their files: CellStore writes every number exactly)
        Map<String, CellResult> fresh = new ConcurrentHashMap<>();
        engine.run(
                todo,
                o -> {
                    CellResult r = o.result();
                    if (kept.contains(r.key())) {
                        return;
                    }
                    // the cell's file and its refit's model are result files: their CPU is the write phase's (their
                    // wall is not: the next cells run meanwhile)
                    clock.runCpuOnly(PhaseClock.WRITE, () -> {
                        if (r.refitOnAll()) {
                            refit.save(plan, out, arms.get(r.arm()), r, o.refit());
                        }
                        store.save(r);
                    });
                    fresh.put(r.key(), r);
                    finished[0]++;
                    options.progress().cellDone(finished[0], cells.size(), r.key(), skipped);
                },
                options.progress());
        // The results in a fixed order, the same whether cells ran now (kept in memory) or earlier (read from their
        // files); EveryArmEndToEndTest checks that a run's results are those --resume rebuilds from its cell files.
        List<CellResult> results = new ArrayList<>();
        for (CellSpec c : cells) {
            results.add(Optional.ofNullable(fresh.get(c.key()))
                    .or(() -> store.load(c.key()))
                    .orElseThrow(() -> new IllegalStateException("cell " + c.key() + " was not saved")));
        }
        var info = new ResultsWriter.DatasetInfo(
                cfg.data().location(), dataSha, plan.rows(), plan.columns(), plan.classes(), plan.classCounts());
        for (String w : PitfallChecks.check(cfg, results, plan.classCounts())) {
            cfg.warnings().add(null, w);
            options.progress().warning(w);
        }
        ResultsWriter writer = new ResultsWriter(cfg, results, info, Version.get());
        writer.withRunTimes(runTimes(clock, start, cpu0));
        SavedResults saved = clock.time(PhaseClock.WRITE, () -> writer.writeAll(out));
        if (options.report()) {
            clock.run(
                    PhaseClock.REPORT,
                    () -> writeReport(
                            out, saved, options.progress(), cfg.output().svg()));
        }
        // the summary again, now with the report's own time (report.html shows the times up to writing)
        writer.withRunTimes(runTimes(clock, start, cpu0)).writeSummary(out);
    }

    /** Whether cell {@code c} is saved from an earlier run that {@code --resume} keeps (a refit with its model). */
    private static boolean finished(CellSpec c, CellStore store, Path out, boolean resume) {
        boolean saved = resume && store.load(c.key()).isPresent();
        boolean modelOk = !c.isRefit() || Files.isRegularFile(RefitFiles.provenanceFile(out, c.arm()));
        return saved && modelOk;
    }

    private static RunTimes runTimes(PhaseClock clock, long start, double cpu0) {
        return new RunTimes(clock.times(), (System.nanoTime() - start) / 1e9, processCpuSeconds() - cpu0);
    }

    /**
     * CPU seconds of the whole JVM process (all threads), or 0 where the platform does not say. A study's
     * {@code process_cpu_s} is the difference between its end and its start, so each study of a batch run in one JVM
     * counts its own CPU (with whatever JIT and GC work runs meanwhile), never that of the studies before it.
     */
    static double processCpuSeconds() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) / 1e9
                : 0;
    }

    /**
     * Draws {@code plots/} and {@code report.html} from the results just written ({@code saved}: what
     * {@link ResultsWriter#writeAll} wrote, handed over instead of read back; {@code prunekit report} reads the same
     * from the files). The results are complete without them, so a failure is a warning (a chart that cannot be drawn
     * is already a warning inside the report).
     */
    static void writeReport(Path out, SavedResults saved, Progress progress, boolean svg) {
        try {
            ReportWriter.write(ResultsReader.read(saved), out, svg);
        } catch (RuntimeException e) {
            progress.warning("report.html not written: " + e.getMessage() + " (the results are complete; "
                    + "rebuild with ./prunekit report " + out + ")");
        }
    }

    static Path modelFile(Path out, String arm) {
        return RefitFiles.modelFile(out, arm);
    }

    static RuntimeException unwrap(Throwable t) {
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
