package org.prunekit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code prunekit export-xgboost}: the older spelling of {@code export MODEL --format xgboost-json}. */
@Command(
        name = "export-xgboost",
        mixinStandardHelpOptions = true,
        description = "Same as 'export MODEL --format xgboost-json': write an XGBoost model (XGBoost JSON or a Tribuo "
                + "model file) as standard XGBoost JSON, keeping or dropping boosting rounds.")
final class ExportXgboostCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "XGBoost JSON or Tribuo model file")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the XGBoost JSON")
    Path out;

    @ArgGroup(exclusive = true)
    XgboostJsonWriter.Rounds rounds;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(XgboostJsonWriter.write(model, out, rounds));
        return Main.OK;
    }
}
