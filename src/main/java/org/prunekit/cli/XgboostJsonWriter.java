package org.prunekit.cli;

import java.nio.file.Path;
import java.util.BitSet;
import org.prunekit.bundle.Bundle;
import org.prunekit.data.AtomicFiles;
import org.prunekit.data.InputException;
import org.prunekit.prune.ensemble.BoostedTrees;
import org.prunekit.prune.ensemble.XgboostExport;
import org.prunekit.prune.ensemble.XgboostJson;
import org.prunekit.prune.ensemble.XgboostModels;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;
import picocli.CommandLine.Option;

/** Writes an XGBoost model as standard XGBoost JSON, keeping or dropping boosting rounds (format xgboost-json). */
final class XgboostJsonWriter {

    /** {@code --keep-rounds} / {@code --drop-rounds} (exclusive). */
    static final class Rounds {
        @Option(names = "--keep-rounds", paramLabel = "LIST", description = "0-based rounds to keep, e.g. 0-9,15")
        String keep;

        @Option(names = "--drop-rounds", paramLabel = "LIST", description = "0-based rounds to drop, e.g. 0,99")
        String drop;
    }

    private XgboostJsonWriter() {}

    /**
     * Writes {@code model} (a model bundle, XGBoost JSON or a Tribuo model file) to {@code out}; returns the line to
     * print.
     */
    static String write(Path model, Path out, Rounds rounds) {
        AtomicFiles.refuseInput(out, "--out", model);
        byte[] json = Bundle.isBundleFile(model) ? bundleJson(model) : XgboostExport.readModelJson(model);
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
        return String.format("wrote %d of %d rounds to %s", kept.cardinality(), total, out);
    }

    /** The XGBoost JSON of the model in a bundle. */
    private static byte[] bundleJson(Path file) {
        Model<Label> m = Bundle.load(file).model();
        if (!(m instanceof XGBoostModel<?>)) {
            throw new InputException(
                    file.toString(), "holds a " + m.getClass().getSimpleName() + ", not an XGBoost model");
        }
        return XgboostModels.modelJson(XgboostModels.require(m));
    }
}
