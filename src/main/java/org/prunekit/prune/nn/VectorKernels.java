package org.prunekit.prune.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DenseKernels} on the JDK Vector API with 256-bit vectors (four doubles). Outputs are taken sixteen at a time
 * (four registers) and held in registers across the whole reduction, so each weight or delta row is loaded once per
 * row of the batch and nothing is stored until the sum is complete; the reduction index runs in the same order as in
 * {@link ScalarKernels}, with a multiply then an add (no FMA), so every output is the same double. Zero inputs are not
 * skipped inside vector loops (a branch there would box the vectors on JDK 17).
 */
final class VectorKernels implements DenseKernels {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    private static final int L = 4;
    private static final int BLOCK = 4 * L;

    private VectorKernels() {}

    /** The vector kernels, or null when this CPU's preferred vectors are narrower than 256 bits. */
    static DenseKernels ifSupported() {
        try {
            return DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 256 ? new VectorKernels() : null;
        } catch (LinkageError e) {
            return null;
        }
    }

    @Override
    public void multiplyAdd(double[] w, int in, int out, double[] x, int xOff, double[] z, int zOff) {
        int j = 0;
        for (; j + BLOCK <= out; j += BLOCK) {
            DoubleVector z0 = DoubleVector.fromArray(S, z, zOff + j);
            DoubleVector z1 = DoubleVector.fromArray(S, z, zOff + j + L);
            DoubleVector z2 = DoubleVector.fromArray(S, z, zOff + j + 2 * L);
            DoubleVector z3 = DoubleVector.fromArray(S, z, zOff + j + 3 * L);
            for (int i = 0; i < in; i++) {
                double xi = x[xOff + i];
                int b = i * out + j;
                z0 = z0.add(DoubleVector.fromArray(S, w, b).mul(xi));
                z1 = z1.add(DoubleVector.fromArray(S, w, b + L).mul(xi));
                z2 = z2.add(DoubleVector.fromArray(S, w, b + 2 * L).mul(xi));
                z3 = z3.add(DoubleVector.fromArray(S, w, b + 3 * L).mul(xi));
            }
            z0.intoArray(z, zOff + j);
            z1.intoArray(z, zOff + j + L);
            z2.intoArray(z, zOff + j + 2 * L);
            z3.intoArray(z, zOff + j + 3 * L);
        }
        for (; j + L <= out; j += L) {
            DoubleVector z0 = DoubleVector.fromArray(S, z, zOff + j);
            for (int i = 0; i < in; i++) {
                z0 = z0.add(DoubleVector.fromArray(S, w, i * out + j).mul(x[xOff + i]));
            }
            z0.intoArray(z, zOff + j);
        }
        for (; j < out; j++) {
            double s = z[zOff + j];
            for (int i = 0; i < in; i++) {
                double xi = x[xOff + i];
                if (xi != 0.0) {
                    s += w[i * out + j] * xi;
                }
            }
            z[zOff + j] = s;
        }
    }

    @Override
    public void gradient(double[] a, double[] dz, int rows, int in, int out, double[] g) {
        for (int i = 0; i < in; i++) {
            int j = 0;
            for (; j + BLOCK <= out; j += BLOCK) {
                DoubleVector g0 = DoubleVector.zero(S);
                DoubleVector g1 = g0;
                DoubleVector g2 = g0;
                DoubleVector g3 = g0;
                for (int r = 0; r < rows; r++) {
                    double ai = a[r * in + i];
                    int d = r * out + j;
                    g0 = g0.add(DoubleVector.fromArray(S, dz, d).mul(ai));
                    g1 = g1.add(DoubleVector.fromArray(S, dz, d + L).mul(ai));
                    g2 = g2.add(DoubleVector.fromArray(S, dz, d + 2 * L).mul(ai));
                    g3 = g3.add(DoubleVector.fromArray(S, dz, d + 3 * L).mul(ai));
                }
                int b = i * out + j;
                g0.intoArray(g, b);
                g1.intoArray(g, b + L);
                g2.intoArray(g, b + 2 * L);
                g3.intoArray(g, b + 3 * L);
            }
            for (; j + L <= out; j += L) {
                DoubleVector g0 = DoubleVector.zero(S);
                for (int r = 0; r < rows; r++) {
                    g0 = g0.add(DoubleVector.fromArray(S, dz, r * out + j).mul(a[r * in + i]));
                }
                g0.intoArray(g, i * out + j);
            }
            for (; j < out; j++) {
                double s = 0;
                for (int r = 0; r < rows; r++) {
                    double ai = a[r * in + i];
                    if (ai != 0.0) {
                        s += ai * dz[r * out + j];
                    }
                }
                g[i * out + j] = s;
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
        if (out >= L) {
            DoubleVector acc = DoubleVector.zero(S);
            for (; j + L <= out; j += L) {
                acc = acc.add(DoubleVector.fromArray(S, w, base + j).mul(DoubleVector.fromArray(S, dz, dOff + j)));
            }
            s0 = acc.lane(0);
            s1 = acc.lane(1);
            s2 = acc.lane(2);
            s3 = acc.lane(3);
        }
        for (; j < out; j++) {
            s0 += w[base + j] * dz[dOff + j];
        }
        return s0 + s1 + s2 + s3;
    }

    @Override
    public String toString() {
        return "vector (256-bit, 4 doubles)";
    }
}
