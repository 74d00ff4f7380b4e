package org.prunekit.prune.nn;

import org.prunekit.data.Standardizer;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;

/**
 * Training data as flat arrays: {@code x} row-major {@code n x d}, class index {@code y} (Tribuo output id),
 * example weight {@code w} (class weights arrive as Tribuo example weights).
 */
record Design(double[] x, int n, int d, int[] y, double[] w, int classes) {

    /** Dense feature matrix of {@code data} in the feature-id order of {@code features} (absent features are 0). */
    static Design of(Dataset<Label> data, ImmutableFeatureMap features, ImmutableOutputInfo<Label> outputs) {
        int n = data.size();
        int d = features.size();
        double[] x = new double[n * d];
        int[] y = new int[n];
        double[] w = new double[n];
        int r = 0;
        for (Example<Label> e : data) {
            row(e, features, x, r * d);
            y[r] = outputs.getID(e.getOutput());
            if (y[r] < 0) {
                throw new IllegalArgumentException(
                        "label '" + e.getOutput().getLabel() + "' is not in the model's domain");
            }
            w[r] = e.getWeight();
            r++;
        }
        return new Design(x, n, d, y, w, outputs.size());
    }

    /** Writes the raw features of one example into {@code x[off .. off+d)}. */
    static void row(Example<Label> e, ImmutableFeatureMap features, double[] x, int off) {
        for (Feature f : e) {
            int id = features.getID(f.getName());
            if (id >= 0) {
                x[off + id] = f.getValue();
            }
        }
    }

    /** The given rows (copied), standardised with {@code s}. */
    Design subset(int[] rows, Standardizer s) {
        double[] xs = new double[rows.length * d];
        int[] ys = new int[rows.length];
        double[] ws = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(x, rows[k] * d, xs, k * d, d);
            if (s != null) {
                s.applyInPlace(xs, k * d);
            }
            ys[k] = y[rows[k]];
            ws[k] = w[rows[k]];
        }
        return new Design(xs, rows.length, d, ys, ws, classes);
    }

    /** All rows standardised with {@code s}. */
    Design standardised(Standardizer s) {
        return subset(allRows(), s);
    }

    int[] allRows() {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }
}
