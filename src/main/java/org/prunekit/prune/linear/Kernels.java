package org.prunekit.prune.linear;

/** The two hot loops of coordinate descent, written so that the JIT unrolls and vectorises them. */
final class Kernels {

    private Kernels() {
    }

    /** {@code Σ_i a[i] · x[off + i]}, four partial sums. */
    static double dot(double[] a, double[] x, int off, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * x[off + i];
            s1 += a[i + 1] * x[off + i + 1];
            s2 += a[i + 2] * x[off + i + 2];
            s3 += a[i + 3] * x[off + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * x[off + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code Σ_i v[i] · x[off + i]²}. */
    static double weightedSquares(double[] v, double[] x, int off, int n) {
        double s0 = 0;
        double s1 = 0;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            double a = x[off + i];
            double b = x[off + i + 1];
            s0 += v[i] * a * a;
            s1 += v[i + 1] * b * b;
        }
        for (; i < n; i++) {
            double a = x[off + i];
            s0 += v[i] * a * a;
        }
        return s0 + s1;
    }

    /** {@code r[i] −= d · v[i] · x[off + i]}. */
    static void subtractScaled(double[] r, double d, double[] v, double[] x, int off, int n) {
        for (int i = 0; i < n; i++) {
            r[i] -= d * v[i] * x[off + i];
        }
    }

    /** {@code eta[i] += b · x[off + i]}. */
    static void axpy(double[] eta, double b, double[] x, int off, int n) {
        for (int i = 0; i < n; i++) {
            eta[i] += b * x[off + i];
        }
    }

    static double sum(double[] a) {
        double s0 = 0;
        double s1 = 0;
        int i = 0;
        for (; i + 1 < a.length; i += 2) {
            s0 += a[i];
            s1 += a[i + 1];
        }
        for (; i < a.length; i++) {
            s0 += a[i];
        }
        return s0 + s1;
    }
}
