package org.prunekit.prune.nn;

import java.util.Arrays;

/** {@link DenseKernels} as plain loops with {@link Math#fma}; zero inputs (ReLU zeros) are skipped. */
final class ScalarKernels implements DenseKernels {

    static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {}

    @Override
    public void multiplyAdd(double[] w, int in, int out, double[] x, int xOff, double[] z, int zOff) {
        for (int i = 0; i < in; i++) {
            double xi = x[xOff + i];
            if (xi == 0.0) {
                continue;
            }
            int base = i * out;
            for (int j = 0; j < out; j++) {
                z[zOff + j] = Math.fma(w[base + j], xi, z[zOff + j]);
            }
        }
    }

    @Override
    public void multiplyAddRows(double[] w, int in, int out, double[] a, int rows, double[] z) {
        for (int r = 0; r < rows; r++) {
            multiplyAdd(w, in, out, a, r * in, z, r * out);
        }
    }

    @Override
    public void gradient(double[] a, double[] dz, int rows, int in, int out, double[] g) {
        Arrays.fill(g, 0, in * out, 0.0);
        for (int r = 0; r < rows; r++) {
            int dOff = r * out;
            int aOff = r * in;
            for (int i = 0; i < in; i++) {
                double ai = a[aOff + i];
                if (ai == 0.0) {
                    continue;
                }
                int base = i * out;
                for (int j = 0; j < out; j++) {
                    g[base + j] = Math.fma(ai, dz[dOff + j], g[base + j]);
                }
            }
        }
    }

    @Override
    public void relu(double[] z, int from, int to) {
        for (int k = from; k < to; k++) {
            z[k] = z[k] > 0 ? z[k] : 0.0;
        }
    }

    @Override
    public void reluGate(double[] a, double[] d, int n) {
        for (int k = 0; k < n; k++) {
            d[k] = a[k] > 0 ? d[k] : 0.0;
        }
    }

    @Override
    public void adam(
            double[] p,
            double[] g,
            double[] mask,
            double[] m1,
            double[] m2,
            int n,
            double decay,
            double stepSize,
            double sqrtBc2) {
        adamTail(p, g, mask, m1, m2, 0, n, decay, stepSize, sqrtBc2);
    }

    /** {@link #adam} on {@code [from, to)} (the vector form's tail). */
    void adamTail(
            double[] p,
            double[] g,
            double[] mask,
            double[] m1,
            double[] m2,
            int from,
            int to,
            double decay,
            double stepSize,
            double sqrtBc2) {
        for (int k = from; k < to; k++) {
            double gk = g[k] + decay * p[k];
            if (mask != null) {
                gk *= mask[k];
            }
            double a = ADAM_B1 * m1[k] + (1 - ADAM_B1) * gk;
            double b = ADAM_B2 * m2[k] + (1 - ADAM_B2) * gk * gk;
            m1[k] = a;
            m2[k] = b;
            double pk = p[k] - stepSize * a / (Math.sqrt(b) / sqrtBc2 + ADAM_EPS);
            p[k] = mask != null ? pk * mask[k] : pk;
        }
    }

    @Override
    public String toString() {
        return "scalar (fma)";
    }
}
