package org.prunekit.prune.linear;

import java.util.Arrays;

/**
 * A classification problem as dense arrays: the input of {@link LogisticPathSolver}.
 *
 * @param x       feature values, column-major: {@code x[j * n + i]} is feature j of row i
 * @param n       rows
 * @param p       features
 * @param y       class index per row, in {@code [0, classes)}
 * @param classes number of classes (2 = binomial with class 1 as the positive class)
 * @param weights observation weights (non-negative, not all zero); glmnet normalises them to sum to one
 */
public record Problem(double[] x, int n, int p, int[] y, int classes, double[] weights) {

    public Problem {
        if (n < 1 || p < 1) {
            throw new IllegalArgumentException("need at least one row and one feature but got " + n + " x " + p);
        }
        if (x.length != (long) n * p) {
            throw new IllegalArgumentException("x has " + x.length + " values, expected " + n + " x " + p);
        }
        if (y.length != n || weights.length != n) {
            throw new IllegalArgumentException(
                    "y and weights need " + n + " entries but have " + y.length + " and " + weights.length);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("need at least two classes but got " + classes);
        }
        for (int i = 0; i < n; i++) {
            if (y[i] < 0 || y[i] >= classes) {
                throw new IllegalArgumentException(
                        "row " + i + " has class " + y[i] + ", outside [0, " + classes + ")");
            }
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("row " + i + " has weight " + weights[i]);
            }
        }
        x = x.clone();
        y = y.clone();
        weights = weights.clone();
    }

    /** Unit weights. */
    public static Problem of(double[] x, int n, int p, int[] y, int classes) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        return new Problem(x, n, p, y, classes, w);
    }

    /** Builds the column-major matrix from rows. */
    public static Problem fromRows(double[][] rows, int[] y, int classes, double[] weights) {
        int n = rows.length;
        int p = rows[0].length;
        double[] x = new double[n * p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[j * n + i] = rows[i][j];
            }
        }
        return new Problem(x, n, p, y, classes, weights == null ? ones(n) : weights);
    }

    /** The rows {@code rows} of this problem, in that order. */
    public Problem subset(int[] rows) {
        int m = rows.length;
        double[] xs = new double[m * p];
        int[] ys = new int[m];
        double[] ws = new double[m];
        for (int j = 0; j < p; j++) {
            for (int a = 0; a < m; a++) {
                xs[j * m + a] = x[j * n + rows[a]];
            }
        }
        for (int a = 0; a < m; a++) {
            ys[a] = y[rows[a]];
            ws[a] = weights[rows[a]];
        }
        return new Problem(xs, m, p, ys, classes, ws);
    }

    double xAt(int i, int j) {
        return x[j * n + i];
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public int[] y() {
        return y.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** Internal read-only access without copying (the solver's hot path). */
    double[] xRaw() {
        return x;
    }

    int[] yRaw() {
        return y;
    }

    double[] weightsRaw() {
        return weights;
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        return w;
    }
}
