package org.prunekit.bundle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.prunekit.data.Encoding;
import org.prunekit.data.RowReader;
import org.prunekit.data.Schema;
import org.prunekit.eval.Probabilities;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/**
 * A deployable model: one file that scores raw CSV rows. It holds how rows were read and encoded in training
 * ({@link Schema}: missing tokens and policies; {@link Encoding}: column types, imputation values, one-hot levels,
 * missing indicators, each with explicit feature indices), the class labels, the positive class and decision
 * threshold, the model (stored sparse by its family's {@link org.prunekit.spi.ModelCodec}), and a
 * {@link PruningRecord}. Immutable.
 *
 * <p>{@link #save} writes a protobuf payload behind a header with its SHA-256 ({@link BundleFile}); {@link #load}
 * checks the header and digest, then every index and count, before any model code runs, and never uses Java
 * deserialization. See {@code docs/bundle.md}.
 *
 * @param schema    how the training file was read (target, missing tokens, policies); types come from the encoding
 * @param encoding  the fitted encoding of the training rows
 * @param classes   the class labels, sorted: the probability columns
 * @param positive  index of the positive class in {@code classes}, or -1 (multiclass)
 * @param threshold decision threshold on the positive class's probability, or NaN for the most probable class
 * @param model     the model; its features are encoded features, its classes among {@code classes}
 * @param pruning   where the model came from
 */
public record Bundle(
        Schema schema,
        Encoding encoding,
        List<String> classes,
        int positive,
        double threshold,
        Model<Label> model,
        PruningRecord pruning) {

    public Bundle {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(pruning, "pruning");
        classes = List.copyOf(classes);
        if (classes.size() < 2 || !classes.equals(List.copyOf(new TreeSet<>(classes)))) {
            throw new IllegalArgumentException("classes must be at least two distinct labels, sorted: " + classes);
        }
        if (positive < -1 || positive >= classes.size() || (positive >= 0 && classes.size() != 2)) {
            throw new IllegalArgumentException("positive class index " + positive + " for classes " + classes);
        }
        if (!Double.isNaN(threshold) && (positive < 0 || !Double.isFinite(threshold))) {
            throw new IllegalArgumentException("a threshold needs a positive class and a finite value: " + threshold);
        }
        for (String c : ModelDomains.outputNames(model)) {
            if (!classes.contains(c)) {
                throw new IllegalArgumentException("the model predicts class '" + c + "', not one of " + classes);
            }
        }
        for (String f : ModelDomains.featureNames(model)) {
            if (!encoding.features().contains(f)) {
                throw new IllegalArgumentException("the model's feature '" + f + "' is not an encoded feature");
            }
        }
    }

    /** Whether {@code file} starts like a model bundle (its magic bytes); says nothing about its integrity. */
    public static boolean isBundleFile(Path file) {
        return BundleFile.hasMagic(file);
    }

    /** Whether a model of this class can be saved in a bundle (some codec writes it). */
    public static boolean canSave(Model<Label> model) {
        return Codecs.all().forModel(model).isPresent();
    }

    /** The bundle file's bytes. */
    public byte[] toBytes() {
        return BundleFile.wrap(BundleMessages.toProto(this, Codecs.all()).toByteArray());
    }

    /** Size in bytes of the bundle file, as {@link #save} writes it. */
    public long size() {
        return BundleFile.HEADER + BundleMessages.toProto(this, Codecs.all()).getSerializedSize();
    }

    /** Writes the bundle to {@code file}, atomically. */
    public void save(Path file) {
        BundleFile.write(file, BundleMessages.toProto(this, Codecs.all()).toByteArray());
    }

    /**
     * Reads a bundle. Every problem (not a bundle, truncated, changed bytes, an unknown codec, indices that do not
     * fit) is an {@link org.prunekit.data.InputException} naming the file.
     */
    public static Bundle load(Path file) {
        return BundleMessages.fromPayload(BundleFile.read(file), file.toString());
    }

    /** Reads the rows of a CSV file with the bundle's schema and encoding and predicts them. */
    public Predictions predict(Path csv) {
        return predict(new RowReader(encoding, schema).read(csv));
    }

    /**
     * Predicts rows read by a {@link RowReader} of this bundle: encodes them with the fitted encoding, predicts them
     * in one batch, and labels each with the threshold (or the most probable class, the first on ties).
     */
    public Predictions predict(RowReader.Rows rows) {
        Encoding.RowEncoder enc = encoding.over(rows.columns());
        String[] names = encoding.features().toArray(String[]::new);
        double[][] x = enc.rows(IntStream.range(0, rows.size()).toArray(), null);
        List<Example<Label>> examples = new ArrayList<>(rows.size());
        for (double[] row : x) {
            examples.add(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, row));
        }
        List<Prediction<Label>> preds = examples.isEmpty() ? List.of() : model.predict(examples);
        double[][] probs = Probabilities.of(preds, classes);
        String[] labels = new String[probs.length];
        for (int i = 0; i < probs.length; i++) {
            labels[i] = classes.get(decide(probs[i]));
        }
        return new Predictions(classes, rows.rows(), labels, probs, rows.skipped());
    }

    /** Index of the predicted class of one probability row. */
    int decide(double[] p) {
        if (!Double.isNaN(threshold)) {
            return p[positive] >= threshold ? positive : 1 - positive;
        }
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }
}
