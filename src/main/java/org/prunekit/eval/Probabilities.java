package org.prunekit.eval;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

/** Class-probability matrices from Tribuo predictions, in a fixed class order. */
public final class Probabilities {

    private Probabilities() {}

    /**
     * {@code probs[row][k]} for {@code classes.get(k)}. Scores are taken from the prediction's output scores and
     * normalised to sum to one (Tribuo CART leaves report class distributions although the model says it does not
     * generate probabilities). A model that reports no usable scores gives a one-hot row for its predicted label.
     */
    public static double[][] of(Model<Label> model, Dataset<Label> data, List<String> classes) {
        List<Prediction<Label>> preds = model.predict(data);
        double[][] out = new double[preds.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = row(preds.get(i), classes);
        }
        return out;
    }

    /** {@code probs[row][k]} of already computed predictions, as {@link #row} gives each. */
    public static double[][] of(List<Prediction<Label>> predictions, List<String> classes) {
        double[][] out = new double[predictions.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = row(predictions.get(i), classes);
        }
        return out;
    }

    /**
     * True class and probabilities of every row of {@code data}, in dataset order (the pair {@link Metrics} takes).
     * A row whose label is not in {@code classes} is an error.
     */
    public static Scored score(Model<Label> model, Dataset<Label> data, List<String> classes) {
        return new Scored(classes, indices(data, classes), of(model, data, classes));
    }

    /** True class and probabilities from predictions, the true class taken from each prediction's example. */
    public static Scored score(List<Prediction<Label>> predictions, List<String> classes) {
        int[] y = new int[predictions.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = index(predictions.get(i).getExample().getOutput().getLabel(), classes, i);
        }
        return new Scored(classes, y, of(predictions, classes));
    }

    /** The distinct labels of {@code data}, sorted (String order, the reference files' class order). */
    public static List<String> classes(Dataset<Label> data) {
        TreeSet<String> out = new TreeSet<>();
        for (var ex : data) {
            out.add(ex.getOutput().getLabel());
        }
        return List.copyOf(out);
    }

    /** Class index (position in {@code classes}) of every example's label, in dataset order. */
    public static int[] indices(Dataset<Label> data, List<String> classes) {
        int[] y = new int[data.size()];
        int i = 0;
        for (var ex : data) {
            y[i] = index(ex.getOutput().getLabel(), classes, i);
            i++;
        }
        return y;
    }

    private static int index(String label, List<String> classes, int row) {
        int at = classes.indexOf(label);
        if (at < 0) {
            throw new IllegalArgumentException(
                    "row " + row + " has label '" + label + "', which is not one of " + classes);
        }
        return at;
    }

    /**
     * Rows of a scored dataset.
     *
     * @param classes class names in index order
     * @param y       true class index per row
     * @param probs   {@code probs[row][class]}
     */
    public record Scored(List<String> classes, int[] y, double[][] probs) {
        public Scored {
            classes = List.copyOf(classes);
            y = y.clone();
            probs = deepCopy(probs);
            if (y.length != probs.length) {
                throw new IllegalArgumentException(y.length + " labels but " + probs.length + " probability rows");
            }
        }

        @Override
        public int[] y() {
            return y.clone();
        }

        @Override
        public double[][] probs() {
            return deepCopy(probs);
        }

        /** All metrics on these rows ({@link Metrics#report}). */
        public MetricReport report(int positive, double threshold) {
            return Metrics.report(classes, y, probs, positive, threshold);
        }

        private static double[][] deepCopy(double[][] a) {
            double[][] out = new double[a.length][];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i].clone();
            }
            return out;
        }
    }

    /**
     * The probability row of one prediction: its scores as {@link #row(Map, List)} normalises them, or, when no score
     * is positive, 1 on the predicted class.
     */
    public static double[] row(Prediction<Label> p, List<String> classes) {
        double[] row = new double[classes.size()];
        if (!(normalise(p.getOutputScores(), classes, row) > 0)) {
            int at = classes.indexOf(p.getOutput().getLabel());
            if (at >= 0) {
                row[at] = 1.0;
            }
        }
        return row;
    }

    /**
     * The probability row {@link #row(Prediction, List)} gives, from a model's raw class scores already in the
     * {@code classes} order ({@code 0} for a class the model has no score for) and the predicted class's index in
     * {@code classes} ({@code -1} when it is not among them). For models that score many rows without building a
     * Tribuo prediction per row; {@code scores} is overwritten and returned.
     */
    public static double[] row(double[] scores, int predicted) {
        if (!(normalise(scores) > 0) && predicted >= 0) {
            scores[predicted] = 1.0;
        }
        return scores;
    }

    /**
     * Class scores in {@code classes} order, a missing, negative or non-finite score counting as 0, divided by their
     * sum; all 0 when no score is positive.
     */
    public static double[] row(Map<String, Label> scores, List<String> classes) {
        double[] row = new double[classes.size()];
        normalise(scores, classes, row);
        return row;
    }

    /** Fills {@code row} as {@link #row(Map, List)} describes and returns the sum before division. */
    private static double normalise(Map<String, Label> scores, List<String> classes, double[] row) {
        for (int k = 0; k < row.length; k++) {
            Label l = scores.get(classes.get(k));
            row[k] = l == null ? 0.0 : l.getScore();
        }
        return normalise(row);
    }

    /** Normalises raw scores in place as {@link #row(Map, List)} describes; returns the sum before division. */
    private static double normalise(double[] row) {
        double sum = 0;
        for (int k = 0; k < row.length; k++) {
            double v = row[k];
            row[k] = Double.isFinite(v) && v > 0 ? v : 0.0;
            sum += row[k];
        }
        if (sum > 0) {
            for (int k = 0; k < row.length; k++) {
                row[k] /= sum;
            }
        }
        return sum;
    }
}
