package org.prunekit.prune.ensemble;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import org.prunekit.data.InputException;
import org.prunekit.data.InputFiles;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * Writes (pruned) XGBoost models as standard XGBoost JSON, which Python's {@code xgboost.Booster(model_file=...)}
 * (1.6 and later) loads and predicts identically. Also reads a model from either XGBoost JSON or a Tribuo model file.
 */
public final class XgboostExport {

    private XgboostExport() {}

    /** Writes a Tribuo XGBoost model (e.g. a {@code tree-drop} candidate) as XGBoost JSON. */
    public static void write(Model<Label> model, Path out) throws IOException {
        Files.write(out, XgboostModels.modelJson(XgboostModels.require(model)));
    }

    /**
     * The XGBoost JSON of {@code file}: the file itself when it is JSON (starts with '{'), else a Tribuo model file
     * ({@code Model.serializeToFile}) holding an XGBoost model.
     */
    @SuppressWarnings("unchecked")
    public static byte[] readModelJson(Path file) {
        byte[] bytes = InputFiles.readBytes(file);
        int first = 0;
        while (first < bytes.length && Character.isWhitespace(bytes[first])) {
            first++;
        }
        if (first < bytes.length && bytes[first] == '{') {
            try {
                BoostedTrees.parse(bytes);
            } catch (RuntimeException e) {
                throw new InputException(file.toString(), "not an XGBoost model JSON: " + e.getMessage());
            }
            return bytes;
        }
        Model<?> model;
        try {
            model = Model.deserializeFromFile(file);
        } catch (IOException | RuntimeException e) {
            throw new InputException(
                    file.toString(), "neither XGBoost JSON nor a Tribuo model file: " + e.getMessage());
        }
        if (!(model instanceof XGBoostModel<?>)) {
            throw new InputException(
                    file.toString(), "holds a " + model.getClass().getSimpleName() + ", not an XGBoost model");
        }
        return XgboostModels.modelJson((XGBoostModel<Label>) model);
    }

    /**
     * Parses a round list such as {@code 0-9,15,20} (0-based, inclusive ranges) against {@code rounds} rounds.
     *
     * @param what the option name, for messages
     */
    public static BitSet parseRounds(String list, int rounds, String what) {
        BitSet out = new BitSet(rounds);
        for (String part : list.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int dash = p.indexOf('-', 1);
            try {
                int a = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).strip());
                int b = dash < 0 ? a : Integer.parseInt(p.substring(dash + 1).strip());
                if (a < 0 || b >= rounds || a > b) {
                    throw new InputException(what, "'" + p + "' is not a range within 0.." + (rounds - 1));
                }
                out.set(a, b + 1);
            } catch (NumberFormatException e) {
                throw new InputException(what, "'" + p + "' is not a round number or range like 3-7");
            }
        }
        return out;
    }
}
