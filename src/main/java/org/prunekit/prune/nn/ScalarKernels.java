package org.prunekit.prune.nn;

import java.util.Arrays;

/** {@link DenseKernels} as plain loops; zero inputs (ReLU zeros) are skipped. */
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
                z[zOff + j] += w[base + j] * xi;
            }
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
                    g[base + j] += ai * dz[dOff + j];
                }
            }
        }
    }

    @Override
    public double dot(double[] w, int base, double[] dz, int dOff, int out) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < out; j += 4) {
            s0 += w[base + j] * dz[dOff + j];
            s1 += w[base + j + 1] * dz[dOff + j + 1];
            s2 += w[base + j + 2] * dz[dOff + j + 2];
            s3 += w[base + j + 3] * dz[dOff + j + 3];
        }
        for (; j < out; j++) {
            s0 += w[base + j] * dz[dOff + j];
        }
        return s0 + s1 + s2 + s3;
    }
}
