package org.prunekit.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.prunekit.config.ConfigBinder;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.report.ReportWriter;
import org.prunekit.run.Engine;
import org.prunekit.run.Engines;
import org.prunekit.run.Harness;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code prunekit run CONFIG}: runs a study and writes its results folder. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Run a study: nested cross-validation of every arm, results written to the output folder.")
final class RunCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "The study's config file (YAML or JSON).")
    Path config;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Output folder (overrides the config's output; may be anywhere).")
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
            ExperimentConfig cfg = ConfigBinder.load(config, work, out);
            cfg.warnings().all().forEach(w -> err.println(ErrorHandler.line("warning: " + config + ": " + w)));
            err.flush();
            Map<String, String> settings = new LinkedHashMap<>();
            if (master != null) {
                settings.put("master", master);
            }
            if (dataSource != null) {
                settings.put("data-source", dataSource);
            }
            sparkConf.forEach((k, v) -> settings.put("conf." + k, v));
            Path dir;
            try (Engine cells = Engines.create(engine, threads, settings)) {
                dir = Harness.run(
                        cfg,
                        work,
                        new Harness.Options(
                                threads,
                                force,
                                resume,
                                new ProgressPrinter(err, System.console() != null),
                                null,
                                savePath),
                        cells);
            }
            outw.println("results: " + dir);
            Path page = dir.resolve(ReportWriter.REPORT_FILE);
            if (Files.isRegularFile(page)) {
                outw.println("report: " + page);
            }
            return Main.OK;
        } catch (OutOfMemoryError e) {
            throw new Harness.OutOfMemory(e);
        }
    }
}
