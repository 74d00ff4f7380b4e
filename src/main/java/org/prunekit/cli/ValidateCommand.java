package org.prunekit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.prunekit.config.ArmSpec;
import org.prunekit.config.ConfigBinder;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.protocol.Study;
import org.prunekit.run.Experiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code prunekit validate CONFIG}: every check of {@code run} (config and data), without training; then each arm's
 * model and prune blocks as bound by their schemas, every default filled in.
 */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description =
                "Check a config and its data without training: errors exit with 2, pitfalls are printed as warnings.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "The study's config file (YAML or JSON).")
    Path config;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path work = Path.of("").toAbsolutePath();
        ExperimentConfig cfg = ConfigBinder.load(config, work, null);
        Study study = Experiment.prepare(cfg, work, null);
        cfg.warnings().all().forEach(w -> err.println(ErrorHandler.line("warning: " + config + ": " + w)));
        err.flush();
        int cells = cfg.arms().size() * study.outerFolds().size();
        out.printf(
                "%s: ok (%d arms, %d outer folds, %d cells + %d refits; %d rows, classes %s; output %s)%n",
                config,
                cfg.arms().size(),
                study.outerFolds().size(),
                cells,
                cfg.arms().size(),
                study.table().rows(),
                study.classes(),
                cfg.output().dir());
        for (ArmSpec arm : cfg.arms()) {
            out.printf("arm %s%n  model: %s%n  prune: %s%n", arm.name(), arm.modelSettings(), arm.pruneSettings());
        }
        return Main.OK;
    }
}
