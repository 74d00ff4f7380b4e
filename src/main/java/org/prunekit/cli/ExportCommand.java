package org.prunekit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.prunekit.data.InputException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code prunekit export MODEL --format FORMAT --out FILE}: writes a saved model in another format.
 * {@code xgboost-json}: an XGBoost model as standard XGBoost JSON, optionally with rounds kept or dropped (what
 * {@code export-xgboost} does).
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Write a saved model in another format: xgboost-json (an XGBoost model as standard XGBoost "
                + "JSON, rounds kept or dropped).")
final class ExportCommand implements Callable<Integer> {

    static final List<String> FORMATS = List.of("xgboost-json");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model saved by prunekit (or XGBoost JSON).")
    Path model;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "xgboost-json")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the export.")
    Path out;

    @ArgGroup(exclusive = true)
    XgboostJsonWriter.Rounds rounds;

    @Override
    public Integer call() {
        if (!FORMATS.contains(format)) {
            throw new InputException(
                    "--format", "must be one of " + String.join(", ", FORMATS) + " but was '" + format + "'");
        }
        spec.commandLine().getOut().println(XgboostJsonWriter.write(model, out, rounds));
        return Main.OK;
    }
}
