package org.prunekit.run;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.prunekit.bundle.Bundle;
import org.prunekit.config.ArmSpec;
import org.prunekit.protocol.CellResult;
import org.prunekit.protocol.CellRunner;
import org.prunekit.protocol.Study;
import org.prunekit.report.ModelFiles;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * An arm's refit model files, built where the refit ran, as bytes: the chosen model's bundle file, with
 * {@code --save-path} the bundle file of every candidate of its path, and Tribuo's provenance of the chosen model.
 * Whichever engine ran the refit, the driver writes these bytes as they are ({@link RefitFiles}): it never reads
 * the data, and the bundles are built from the very models the cell trained (a model sent elsewhere and read back
 * may differ in the order of its maps, and so in its bytes).
 *
 * @param modelClass the chosen model's class, simple name
 * @param tribuo     Tribuo's provenance of the chosen model, JSON
 * @param bundle     the chosen model's bundle file, or null when no bundle codec writes its class (comparison only)
 * @param path       the bundle file of each candidate of the path, by index, with {@code --save-path}; else empty
 */
public record RefitModels(String modelClass, String tribuo, byte[] bundle, List<byte[]> path) implements Serializable {

    public RefitModels {
        path = List.copyOf(path);
    }

    /** The model files of a refit {@code o} of {@code arm} on {@code study}. */
    public static RefitModels of(Study study, ArmSpec arm, CellRunner.Outcome o, RefitSettings settings) {
        String name = o.chosenModel().getClass().getSimpleName();
        String tribuo = ModelFiles.tribuoProvenance(o.chosenModel());
        if (!Bundle.canSave(o.chosenModel())) {
            return new RefitModels(name, tribuo, null, List.of());
        }
        CellResult r = o.result();
        byte[] chosen = bundle(study, arm, o, r.chosen(), o.chosenModel(), settings);
        List<byte[]> path = new ArrayList<>();
        if (settings.savePath()) {
            for (int i = 0; i < o.candidates().size(); i++) {
                path.add(bundle(study, arm, o, i, o.candidates().get(i).model(), settings));
            }
        }
        return new RefitModels(name, tribuo, chosen, path);
    }

    private static byte[] bundle(
            Study study, ArmSpec arm, CellRunner.Outcome o, int index, Model<Label> model, RefitSettings s) {
        return RefitBundle.of(
                        study.config(),
                        study.classes(),
                        study.positive(),
                        arm,
                        o.result(),
                        index,
                        model,
                        o.encoding(),
                        s.configSha(),
                        s.dataSha())
                .toBytes();
    }
}
