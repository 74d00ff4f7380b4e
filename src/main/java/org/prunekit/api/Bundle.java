package org.prunekit.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * A deployable model file, the format of {@code prunekit run}'s {@code models/*.model} and of
 * {@code prunekit predict}: one file holding the model (stored sparse), how raw CSV rows are read and encoded for it,
 * its classes and where it came from, behind a SHA-256 check (docs/bundle.md). Raw rows in, labels and probabilities
 * out; no Tribuo dataset needed to predict.
 *
 * <pre>{@code
 * Bundle.of(pruned, Path.of("train.csv"), "class").save(Path.of("model.bundle"));
 * Bundle.Predictions p = Bundle.load(Path.of("model.bundle")).predict(Path.of("new-rows.csv"));
 * }</pre>
 */
public final class Bundle {

    private final BundleFiles.Stored bundle;

    private Bundle(BundleFiles.Stored bundle) {
        this.bundle = bundle;
    }

    /**
     * What a bundle predicts for the rows of a CSV file.
     *
     * @param classes       class labels, the column order of {@code probabilities}
     * @param rows          data-row number (0-based, file order) of each prediction
     * @param labels        predicted label of each row
     * @param probabilities class probabilities of each row
     */
    public record Predictions(List<String> classes, int[] rows, String[] labels, double[][] probabilities) {}

    /**
     * Bundles {@code model}, trained on {@link Datasets#csv Datasets.csv(trainingCsv, target)} (or a subset of its
     * rows): the bundle reads rows of files like {@code trainingCsv} and encodes them as that dataset was encoded.
     */
    public static Bundle of(Model<Label> model, Path trainingCsv, String target) {
        Objects.requireNonNull(model, "model");
        return new Bundle(BundleFiles.of(model, trainingCsv, target));
    }

    /** Reads a bundle file; a damaged or foreign file is an IllegalArgumentException naming it. */
    public static Bundle load(Path file) {
        return new Bundle(BundleFiles.load(file));
    }

    /** Writes the bundle to {@code file} (atomically). */
    public void save(Path file) {
        bundle.save(file);
    }

    /** The model, a Tribuo model. */
    public Model<Label> model() {
        return bundle.model();
    }

    /** The class labels, sorted. */
    public List<String> classes() {
        return bundle.classes();
    }

    /** Size of the bundle file in bytes. */
    public long size() {
        return bundle.size();
    }

    /** Reads the rows of {@code csv} (header row; extra columns ignored) and predicts them. */
    public Predictions predict(Path csv) {
        BundleFiles.Rows p = bundle.predict(csv);
        return new Predictions(p.classes(), p.rows(), p.labels(), p.probabilities());
    }
}
