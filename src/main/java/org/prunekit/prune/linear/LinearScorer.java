package org.prunekit.prune.linear;

import java.util.Arrays;
import java.util.List;
import org.prunekit.eval.Probabilities;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.classification.Label;

/**
 * The rows of a dataset read once as (feature ID, value) lists of one feature map, to score many coefficient sets of a
 * path on them without building a {@link SparseLinearModel} or a Tribuo prediction per row and candidate. Row
 * {@code r} gets the probabilities {@link SparseLinearModel#predict} and {@link Probabilities#row(
 * org.tribuo.Prediction, List)} give, to the last bit: {@code η_k = a0_k + Σ β_k[id]·x_id} summed in the example's
 * feature order, features unknown to the map skipped, then {@code σ} (binomial) or softmax, then normalised over
 * {@code classes}.
 */
final class LinearScorer {

    private final int[][] ids;
    private final double[][] values;
    private final List<String> modelClasses;
    private final int[] modelIndex; // per class of the caller's order: its index among the model's classes, or -1

    LinearScorer(ImmutableFeatureMap featureMap, List<String> modelClasses, Dataset<Label> data, List<String> classes) {
        this.modelClasses = List.copyOf(modelClasses);
        this.ids = new int[data.size()][];
        this.values = new double[data.size()][];
        int r = 0;
        for (Example<Label> e : data) {
            int[] id = new int[e.size()];
            double[] v = new double[e.size()];
            int n = 0;
            for (Feature f : e) {
                int at = featureMap.getID(f.getName());
                if (at >= 0) {
                    id[n] = at;
                    v[n] = f.getValue();
                    n++;
                }
            }
            ids[r] = n == id.length ? id : Arrays.copyOf(id, n);
            values[r] = n == v.length ? v : Arrays.copyOf(v, n);
            r++;
        }
        this.modelIndex = new int[classes.size()];
        for (int k = 0; k < modelIndex.length; k++) {
            modelIndex[k] = this.modelClasses.indexOf(classes.get(k));
        }
    }

    /** {@code probs[row][k]} of the model with these coefficients, for {@code classes.get(k)}. */
    double[][] probabilities(Coefficients c) {
        double[] a0 = c.a0();
        double[][] beta = c.beta();
        int m = a0.length;
        double[][] out = new double[ids.length][];
        double[] eta = new double[m];
        for (int r = 0; r < ids.length; r++) {
            System.arraycopy(a0, 0, eta, 0, m);
            int[] id = ids[r];
            double[] v = values[r];
            for (int i = 0; i < id.length; i++) {
                for (int k = 0; k < m; k++) {
                    eta[k] += beta[k][id[i]] * v[i];
                }
            }
            double[] prob = Coefficients.probabilitiesFromPredictors(eta);
            int best = 0;
            for (int cl = 1; cl < prob.length; cl++) {
                if (prob[cl] > prob[best]) {
                    best = cl;
                }
            }
            double[] row = new double[modelIndex.length];
            int predicted = -1;
            for (int k = 0; k < row.length; k++) {
                int at = modelIndex[k];
                row[k] = at >= 0 ? prob[at] : 0.0;
                if (at == best) {
                    predicted = k;
                }
            }
            out[r] = Probabilities.row(row, predicted);
        }
        return out;
    }
}
