package org.prunekit.eval;

import java.util.List;
import java.util.Map;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

/** Class-probability matrices from Tribuo predictions, in a fixed class order. */
public final class Probabilities {

    private Probabilities() {
    }

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

    public static double[] row(Prediction<Label> p, List<String> classes) {
        double[] row = new double[classes.size()];
        Map<String, Label> scores = p.getOutputScores();
        double sum = 0;
        for (int k = 0; k < row.length; k++) {
            Label l = scores.get(classes.get(k));
            double v = l == null ? 0.0 : l.getScore();
            row[k] = Double.isFinite(v) && v > 0 ? v : 0.0;
            sum += row[k];
        }
        if (sum > 0) {
            for (int k = 0; k < row.length; k++) {
                row[k] /= sum;
            }
        } else {
            int at = classes.indexOf(p.getOutput().getLabel());
            if (at >= 0) {
                row[at] = 1.0;
            }
        }
        return row;
    }
}
