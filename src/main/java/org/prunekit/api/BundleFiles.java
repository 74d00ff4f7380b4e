package org.prunekit.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.prunekit.bundle.Bundle;
import org.prunekit.bundle.Predictions;
import org.prunekit.bundle.PruningRecord;
import org.prunekit.config.Registry;
import org.prunekit.data.InputException;
import org.prunekit.data.Schema;
import org.prunekit.run.Experiment;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.ModelSize;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * The bundle format of {@code org.prunekit.bundle} behind the public {@link org.prunekit.api.Bundle} (whose simple
 * name it shares, hence this separate class).
 */
final class BundleFiles {

    private BundleFiles() {}

    /** A bundle of {@code model} with the encoding {@link Datasets#csv} fits on {@code csv}. */
    static Stored of(Model<Label> model, Path csv, String target) {
        try {
            Schema schema = Schema.of(target);
            Datasets.Encoded data = Datasets.encode(csv, schema);
            Map.Entry<String, ModelSize> size = size(model);
            long parameters = size.getValue().parameters();
            PruningRecord record = new PruningRecord(
                    "java-api",
                    size.getKey(),
                    "none",
                    "none",
                    Double.NaN,
                    0,
                    parameters,
                    size.getValue().nonZeroParameters(),
                    parameters,
                    "",
                    "",
                    "",
                    Experiment.sha256(csv),
                    PruningRecord.currentVersion());
            int positive = data.classes().size() == 2 ? 1 : -1;
            return new Stored(
                    new Bundle(schema, data.encoder().encoding(), data.classes(), positive, Double.NaN, model, record));
        } catch (InputException e) {
            throw ConfigBlock.badInput(e);
        }
    }

    static Stored load(Path file) {
        try {
            return new Stored(Bundle.load(file));
        } catch (InputException e) {
            throw ConfigBlock.badInput(e);
        }
    }

    /** A bundle as the public class holds it. */
    static final class Stored {
        private final Bundle bundle;

        Stored(Bundle bundle) {
            this.bundle = bundle;
        }

        void save(Path file) {
            bundle.save(file);
        }

        Model<Label> model() {
            return bundle.model();
        }

        List<String> classes() {
            return bundle.classes();
        }

        long size() {
            return bundle.size();
        }

        /** Predictions of the rows of {@code csv}: the arrays of the public {@code Bundle.Predictions}. */
        Rows predict(Path csv) {
            try {
                Predictions p = bundle.predict(csv);
                return new Rows(p.classes(), p.rows(), p.predicted(), p.probabilities());
            } catch (InputException e) {
                throw ConfigBlock.badInput(e);
            }
        }
    }

    /** Predicted rows as plain arrays. */
    record Rows(List<String> classes, int[] rows, String[] labels, double[][] probabilities) {}

    /** The registered family that sizes {@code model} (the first, by name, that accepts it; not the baseline). */
    private static Map.Entry<String, ModelSize> size(Model<Label> model) {
        for (ModelFamily f : Registry.families().values()) {
            if (f.name().equals("baseline")) {
                continue;
            }
            try {
                return Map.entry(f.name(), f.size(model));
            } catch (RuntimeException e) {
                // not this family's model
            }
        }
        throw new IllegalArgumentException(
                "no prunekit family sizes a " + model.getClass().getSimpleName());
    }
}
