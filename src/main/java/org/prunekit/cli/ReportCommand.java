package org.prunekit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.prunekit.report.ReportData;
import org.prunekit.report.ReportWriter;
import org.prunekit.report.ResultsReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code prunekit report RUN_DIR}: rebuilds the plots and {@code report.html} of a run from its saved results. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Rebuild plots/ and report.html of a run from its saved results (no retraining).")
final class ReportCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            paramLabel = "RUN_DIR",
            description = "results folder of a run (holds config.yaml, candidates.csv, ...)")
    Path runDir;

    @Option(names = "--svg", description = "also write every plot as SVG (plots/<name>.svg)")
    boolean svg;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ReportData data = ResultsReader.read(runDir);
        Path page = ReportWriter.write(data, runDir, svg);
        spec.commandLine()
                .getOut()
                .println("wrote " + page + " and " + data.charts().size() + " plots in "
                        + runDir.resolve(ReportWriter.PLOTS_DIR));
        return Main.OK;
    }
}
