package org.prunekit.prune.linear;

import java.util.Arrays;

/**
 * The standardised design glmnet works on: observation weights normalised to sum to one, every column centred by
 * its weighted mean and (when standardising) divided by its weighted 1/N standard deviation. Constant columns are
 * excluded from the fit (their coefficient stays zero), as glmnet's {@code chkvars} does.
 *
 * <p>A column whose raw values are mostly zero (one-hot indicators, counts) is also kept sparse, as glmnet's sparse
 * routines do: with {@code x̃_ij = (z_ij − m_j)/s_j}, a sum over all rows becomes a sum over the column's non-zeros,
 * <pre>  Σ_i a_i x̃_ij = (Σ_{i: z_ij ≠ 0} a_i z_ij − m_j Σ_i a_i) / s_j,</pre>
 * so given {@code Σ_i a_i} it costs O(non-zeros) instead of O(N). The dense standardised copy stays for the rarer
 * full passes (Gram entries, residual rebuilds).
 */
final class Design {

    /** Columns with at most this share of non-zero raw values are kept sparse as well. */
    static final double SPARSE_SHARE = 0.25;

    final int n;
    final int p;
    /** Standardised columns, column-major. */
    final double[] xt;
    /** Normalised weights (sum one). */
    final double[] w;

    final double[] mean;
    final double[] scale;
    final boolean[] usable;
    /** Per column: the rows of its non-zero raw values, or null when the column is only dense. */
    private final int[][] rows;
    /** Per sparse column: its non-zero raw values, in the order of {@link #rows}. */
    private final double[][] values;

    Design(Problem pr, boolean standardize) {
        this(pr, standardize, SPARSE_SHARE);
    }

    /** @param sparseShare columns with at most this share of non-zero raw values are also kept sparse */
    Design(Problem pr, boolean standardize, double sparseShare) {
        n = pr.n();
        p = pr.p();
        double[] x = pr.xRaw();
        double[] w0 = pr.weightsRaw();
        double sw = 0;
        for (double v : w0) {
            sw += v;
        }
        if (!(sw > 0)) {
            throw new IllegalArgumentException("observation weights sum to " + sw);
        }
        w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = w0[i] / sw;
        }
        xt = new double[n * p];
        mean = new double[p];
        scale = new double[p];
        usable = new boolean[p];
        rows = new int[p][];
        values = new double[p][];
        for (int j = 0; j < p; j++) {
            int off = j * n;
            double first = x[off];
            boolean constant = true;
            double m = 0;
            int nonZero = 0;
            for (int i = 0; i < n; i++) {
                double v = x[off + i];
                m += w[i] * v;
                constant &= v == first;
                nonZero += v != 0 ? 1 : 0;
            }
            usable[j] = !constant;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double d = x[off + i] - m;
                ss += w[i] * d * d;
            }
            double s = standardize ? Math.sqrt(ss) : 1.0;
            if (!(s > 0)) {
                s = 1.0;
                usable[j] = false;
            }
            mean[j] = m;
            scale[j] = s;
            for (int i = 0; i < n; i++) {
                xt[off + i] = (x[off + i] - m) / s;
            }
            if (nonZero <= sparseShare * n) {
                int[] r = new int[nonZero];
                double[] z = new double[nonZero];
                for (int i = 0, t = 0; i < n; i++) {
                    if (x[off + i] != 0) {
                        r[t] = i;
                        z[t++] = x[off + i];
                    }
                }
                rows[j] = r;
                values[j] = z;
            }
        }
    }

    /** Whether column j is also kept sparse. */
    boolean sparse(int j) {
        return rows[j] != null;
    }

    /** {@code Σ_i a_i x̃_ij}, where {@code sumA = Σ_i a_i} (used by sparse columns only). */
    double dot(double[] a, double sumA, int j) {
        int[] r = rows[j];
        if (r == null) {
            return Kernels.dot(a, xt, j * n, n);
        }
        return (rawDot(a, j) - mean[j] * sumA) / scale[j];
    }

    /** {@code Σ_{i: z_ij ≠ 0} a_i z_ij} over a sparse column's raw non-zeros. */
    double rawDot(double[] a, int j) {
        int[] r = rows[j];
        double[] z = values[j];
        double s0 = 0;
        double s1 = 0;
        int h = r.length / 2;
        for (int t = 0; t < h; t++) {
            s0 += a[r[t]] * z[t];
            s1 += a[r[h + t]] * z[h + t];
        }
        if ((r.length & 1) == 1) {
            s0 += a[r[r.length - 1]] * z[r.length - 1];
        }
        return s0 + s1;
    }

    /** {@code Σ_{i: z_ij ≠ 0} v_i z_ij²} over a sparse column's raw non-zeros. */
    double rawWeightedSquares(double[] v, int j) {
        int[] r = rows[j];
        double[] z = values[j];
        double s = 0;
        for (int t = 0; t < r.length; t++) {
            s += v[r[t]] * z[t] * z[t];
        }
        return s;
    }

    /** {@code a_i −= c · v_i · z_ij} over a sparse column's raw non-zeros. */
    void rawSubtractScaled(double[] a, double c, double[] v, int j) {
        int[] r = rows[j];
        double[] z = values[j];
        for (int t = 0; t < r.length; t++) {
            int i = r[t];
            a[i] -= c * v[i] * z[t];
        }
    }

    /**
     * The linear predictor {@code η_i = b0 + Σ_k b_k x̃_ik} over the listed features, into {@code eta}: sparse columns
     * add their non-zeros and fold {@code −b_k m_k / s_k} into the common offset.
     */
    void linearPredictor(double[] eta, double b0, double[] b, int[] list, int size) {
        double offset = b0;
        for (int a = 0; a < size; a++) {
            int k = list[a];
            if (b[k] != 0 && rows[k] != null) {
                offset -= b[k] * mean[k] / scale[k];
            }
        }
        Arrays.fill(eta, offset);
        for (int a = 0; a < size; a++) {
            int k = list[a];
            double bk = b[k];
            if (bk == 0) {
                continue;
            }
            int[] r = rows[k];
            if (r == null) {
                Kernels.axpy(eta, bk, xt, k * n, n);
            } else {
                double c = bk / scale[k];
                double[] z = values[k];
                for (int t = 0; t < r.length; t++) {
                    eta[r[t]] += c * z[t];
                }
            }
        }
    }

    /**
     * {@code g_j = |Σ_i a_i x̃_ij|} for every usable feature not in {@code skip} (null: all), folded into
     * {@code ga} by {@code max} when {@code keepMax}, else assigned.
     */
    void absGradients(double[] a, double[] ga, boolean[] skip, boolean keepMax) {
        double sumA = Kernels.sum(a);
        for (int j = 0; j < p; j++) {
            if (usable[j] && (skip == null || !skip[j])) {
                double g = Math.abs(dot(a, sumA, j));
                ga[j] = keepMax ? Math.max(ga[j], g) : g;
            }
        }
    }
}
