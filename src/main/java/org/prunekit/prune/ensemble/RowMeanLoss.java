package org.prunekit.prune.ensemble;

/**
 * An objective that is a weighted mean of per-row losses, {@code L = Σ_i w_i ℓ_i / Σ_i w_i}, evaluated at the margins
 * {@code m + s·c} (rows of weight 0 are skipped). Subclasses give {@code ℓ_i}.
 */
abstract class RowMeanLoss implements Objective {

    @Override
    public final double loss(double[] m, float[] c, double s, Targets t) {
        int n = t.rows();
        int k = m.length / n;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double w = t.weight(i);
            if (w != 0) {
                sum += w * rowLoss(m, c, s, k, i, t.label(i));
            }
        }
        return sum / t.totalWeight();
    }

    /** The loss of row {@code i} (true class {@code y}) at margins {@code m + s·c}, {@code k} columns per row. */
    abstract double rowLoss(double[] m, float[] c, double s, int k, int i, int y);

    /** Margin {@code j} moved by {@code s} times the contribution {@code c} ({@code c == null}: unmoved). */
    static double at(double[] m, float[] c, double s, int j) {
        return c == null ? m[j] : m[j] + s * c[j];
    }
}
