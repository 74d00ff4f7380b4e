package org.prunekit.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.prunekit.config.ConfigBinder;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.data.InputException;
import org.prunekit.report.ReportWriter;
import org.prunekit.run.Engine;
import org.prunekit.run.Engines;
import org.prunekit.run.Harness;
import org.prunekit.run.StudyBatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code prunekit run CONFIG...}: runs a study and writes its results folder. Several configs run one after another in
 * this JVM (no JVM start-up and JIT warm-up per study), each exactly as it would run alone, into its own folder: the
 * config's {@code output}, or with {@code --out DIR} the folder {@code DIR/<config file name without extension>}. All
 * configs are read and checked ({@link StudyBatch#check}) before the first study starts; the batch stops at the first
 * study that fails, with that study's exit code.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Run a study: nested cross-validation of every arm, results written to the output folder. "
                + "Several configs run one after another in one JVM, each as it would alone.")
final class RunCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(
            arity = "1..*",
            paramLabel = "CONFIG",
            description = "The study's config file (YAML or JSON). Several: run one after another in this JVM, "
                    + "all checked before the first starts; stops at the first that fails.")
    List<Path> configs;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Output folder (overrides the config's output; may be anywhere). With several configs: "
                    + "each study writes DIR/<its config file name without extension>.")
    Path out;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Cells run in parallel (results do not depend on it). Default: the machine's cores.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--force", description = "Replace an existing prunekit output folder.")
    boolean force;

    @Option(
            names = "--resume",
            description = "Finish an interrupted run: keep its finished cells, run the missing ones.")
    boolean resume;

    @Option(
            names = "--save-path",
            description = "Also save every candidate of each arm's refit pruning path as a model bundle: "
                    + "models/<arm>.path/<candidate>.model (0 = as trained).")
    boolean savePath;

    @Option(
            names = "--no-report",
            description = "Write the results but not plots/ and report.html (prunekit report DIR draws them later): "
                    + "for batches of studies.")
    boolean noReport;

    @Option(
            names = "--engine",
            paramLabel = "NAME",
            description = "Where cells run: local (threads in this JVM, the default) or spark (docs/scale-out.md).")
    String engine = Engines.LOCAL;

    @Option(
            names = "--master",
            paramLabel = "URL",
            description = "Spark master for --engine spark (local[2], spark://host:7077, ...); "
                    + "not needed under spark-submit.")
    String master;

    @Option(
            names = "--data-source",
            paramLabel = "HOW",
            description =
                    "How Spark executors get the data: broadcast (the driver sends the file's bytes, the default) "
                            + "or path (each executor reads the file at the same path itself; docs/scale-out.md).")
    String dataSource;

    @Option(
            names = "--conf",
            paramLabel = "KEY=VALUE",
            description = "A Spark property for --engine spark (repeatable), as spark-submit's --conf.")
    Map<String, String> sparkConf = new LinkedHashMap<>();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        if (threads < 1 || threads > 256) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--threads must be in [1, 256] but was " + threads);
        }
        if (force && resume) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--force and --resume exclude each other");
        }
        if (engine.equals(Engines.LOCAL) && (master != null || dataSource != null || !sparkConf.isEmpty())) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--master, --data-source and --conf need an engine such as --engine spark");
        }
        try {
            Path work = Path.of("").toAbsolutePath();
            List<ExperimentConfig> cfgs = load(work);
            for (ExperimentConfig cfg : cfgs) {
                cfg.warnings()
                        .all()
                        .forEach(w -> err.println(ErrorHandler.line("warning: " + cfg.source() + ": " + w)));
            }
            err.flush();
            if (cfgs.size() > 1) {
                StudyBatch.check(cfgs, work, force, resume, !engine.equals(Engines.LOCAL));
            }
            Map<String, String> settings = new LinkedHashMap<>();
            if (master != null) {
                settings.put("master", master);
            }
            if (dataSource != null) {
                settings.put("data-source", dataSource);
            }
            sparkConf.forEach((k, v) -> settings.put("conf." + k, v));
            for (int i = 0; i < cfgs.size(); i++) {
                if (cfgs.size() > 1) {
                    err.println(ErrorHandler.line("study " + (i + 1) + " of " + cfgs.size() + ": " + configs.get(i)));
                    err.flush();
                }
                Path dir;
                try {
                    dir = runOne(cfgs.get(i), work, settings, err);
                } catch (RuntimeException | OutOfMemoryError e) {
                    if (cfgs.size() > 1) {
                        err.println(ErrorHandler.line(stopped(i)));
                        err.flush();
                    }
                    throw e;
                }
                outw.println("results: " + dir);
                Path page = dir.resolve(ReportWriter.REPORT_FILE);
                if (Files.isRegularFile(page)) {
                    outw.println("report: " + page);
                }
                outw.flush();
            }
            return Main.OK;
        } catch (OutOfMemoryError e) {
            throw new Harness.OutOfMemory(e);
        }
    }

    /**
     * Every config, read and checked; with several and {@code --out DIR}, each writes {@code DIR/<file name without
     * extension>}, so two configs of the same file name are refused.
     */
    private List<ExperimentConfig> load(Path work) {
        List<ExperimentConfig> cfgs = new ArrayList<>();
        Map<Path, Path> folders = new HashMap<>();
        for (Path c : configs) {
            Path dir = out;
            if (out != null && configs.size() > 1) {
                dir = out.resolve(stem(c));
                Path other = folders.putIfAbsent(dir, c);
                if (other != null) {
                    throw new InputException(
                            c.toString(),
                            "--out with several configs writes each to DIR/<config file name without extension>, "
                                    + "and " + other + " already writes " + dir + "; rename one of them");
                }
            }
            cfgs.add(ConfigBinder.load(c, work, dir));
        }
        return cfgs;
    }

    /** The config file's name without its extension ({@code configs/quickstart.yaml} -> {@code quickstart}). */
    static String stem(Path config) {
        String name = config.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private Path runOne(ExperimentConfig cfg, Path work, Map<String, String> settings, PrintWriter err) {
        try (Engine cells = Engines.create(engine, threads, settings)) {
            return Harness.run(
                    cfg,
                    work,
                    new Harness.Options(
                            threads,
                            force,
                            resume,
                            new ProgressPrinter(err, System.console() != null),
                            null,
                            savePath,
                            !noReport),
                    cells);
        }
    }

    /** Which studies of the batch finished and which did not run, when study {@code failed} (0-based) failed. */
    private String stopped(int failed) {
        List<String> done =
                configs.subList(0, failed).stream().map(Path::toString).toList();
        List<String> left = configs.subList(failed + 1, configs.size()).stream()
                .map(Path::toString)
                .toList();
        return "study " + (failed + 1) + " of " + configs.size() + " (" + configs.get(failed)
                + ") failed and stopped the batch; finished: " + (done.isEmpty() ? "none" : String.join(", ", done))
                + "; not run: " + (left.isEmpty() ? "none" : String.join(", ", left))
                + " (its error follows; --resume finishes it)";
    }
}
