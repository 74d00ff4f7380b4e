package org.prunekit.cli;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.concurrent.Callable;
import org.prunekit.data.AtomicFiles;
import org.prunekit.data.InputException;
import org.prunekit.prune.ensemble.BoostedTrees;
import org.prunekit.prune.ensemble.XgboostExport;
import org.prunekit.prune.ensemble.XgboostJson;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code prunekit export-xgboost}: writes an XGBoost model, optionally with rounds dropped, as standard XGBoost JSON. */
@Command(
        name = "export-xgboost",
        mixinStandardHelpOptions = true,
        description = "Write an XGBoost model (XGBoost JSON or a Tribuo model file) as standard XGBoost JSON, "
                + "keeping or dropping boosting rounds.")
final class ExportXgboostCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "XGBoost JSON or Tribuo model file")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the XGBoost JSON")
    Path out;

    @ArgGroup(exclusive = true)
    Rounds rounds;

    static final class Rounds {
        @Option(names = "--keep-rounds", paramLabel = "LIST", description = "0-based rounds to keep, e.g. 0-9,15")
        String keep;

        @Option(names = "--drop-rounds", paramLabel = "LIST", description = "0-based rounds to drop, e.g. 0,99")
        String drop;
    }

    @Override
    public Integer call() throws Exception {
        AtomicFiles.refuseInput(out, "--out", model);
        byte[] json = XgboostExport.readModelJson(model);
        int total = BoostedTrees.parse(json).rounds();
        BitSet kept = new BitSet(total);
        kept.set(0, total);
        if (rounds != null && rounds.keep != null) {
            kept = XgboostExport.parseRounds(rounds.keep, total, "--keep-rounds");
        } else if (rounds != null && rounds.drop != null) {
            kept.andNot(XgboostExport.parseRounds(rounds.drop, total, "--drop-rounds"));
        }
        if (kept.isEmpty()) {
            throw new InputException("--keep-rounds/--drop-rounds", "no round would be left");
        }
        AtomicFiles.write(out, XgboostJson.keep(json, kept.stream().toArray(), null));
        spec.commandLine().getOut().printf("wrote %d of %d rounds to %s%n", kept.cardinality(), total, out);
        return Main.OK;
    }
}
