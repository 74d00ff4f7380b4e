package org.prunekit.prune.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DenseKernels} on the JDK Vector API with this CPU's preferred vectors (256 or 512 bits: 4 or 8 doubles).
 * Register blocking: a block of {@value #R} rows (of the batch, or of input units for the gradient) times four vectors
 * of outputs is held in sixteen accumulator registers across the whole reduction, so every weight or delta vector
 * loaded from memory feeds {@value #R} fused multiply-adds and nothing is stored until the sum is complete. Each output
 * is reduced in the same order as in {@link ScalarKernels} with one {@code fma} per term, so every output is the same
 * double. Zero inputs are not skipped inside vector loops (a branch there would box the vectors on JDK 17).
 */
final class VectorKernels implements DenseKernels {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int BLOCK = 4 * L;
    private static final int R = 4;

    private VectorKernels() {}

    /** The vector kernels, or null when this CPU's preferred vectors are narrower than 256 bits. */
    static DenseKernels ifSupported() {
        try {
            return S.vectorBitSize() >= 256 ? new VectorKernels() : null;
        } catch (LinkageError e) {
            return null;
        }
    }

    @Override
    public void multiplyAdd(double[] w, int in, int out, double[] x, int xOff, double[] z, int zOff) {
        int j = 0;
        for (; j + BLOCK <= out; j += BLOCK) {
            rowBlock(w, in, out, x, xOff, z, zOff, j);
        }
        for (; j + L <= out; j += L) {
            DoubleVector z0 = DoubleVector.fromArray(S, z, zOff + j);
            for (int i = 0; i < in; i++) {
                z0 = DoubleVector.fromArray(S, w, i * out + j).fma(DoubleVector.broadcast(S, x[xOff + i]), z0);
            }
            z0.intoArray(z, zOff + j);
        }
        for (; j < out; j++) {
            z[zOff + j] = scalarColumn(w, in, out, x, xOff, j, z[zOff + j]);
        }
    }

    @Override
    public void multiplyAddRows(double[] w, int in, int out, double[] a, int rows, double[] z) {
        int j = 0;
        for (; j + BLOCK <= out; j += BLOCK) {
            int r = 0;
            for (; r + R <= rows; r += R) {
                fourRowBlock(w, in, out, a, r * in, z, r * out, j);
            }
            for (; r < rows; r++) {
                rowBlock(w, in, out, a, r * in, z, r * out, j);
            }
        }
        if (j < out) {
            for (int r = 0; r < rows; r++) {
                int j2 = j;
                int xOff = r * in;
                int zOff = r * out;
                for (; j2 + L <= out; j2 += L) {
                    DoubleVector z0 = DoubleVector.fromArray(S, z, zOff + j2);
                    for (int i = 0; i < in; i++) {
                        z0 = DoubleVector.fromArray(S, w, i * out + j2).fma(DoubleVector.broadcast(S, a[xOff + i]), z0);
                    }
                    z0.intoArray(z, zOff + j2);
                }
                for (; j2 < out; j2++) {
                    z[zOff + j2] = scalarColumn(w, in, out, a, xOff, j2, z[zOff + j2]);
                }
            }
        }
    }

    /** {@code z[zOff+j, +BLOCK) += x W[:, j, +BLOCK)} for one row. */
    private static void rowBlock(double[] w, int in, int out, double[] x, int xOff, double[] z, int zOff, int j) {
        DoubleVector z0 = DoubleVector.fromArray(S, z, zOff + j);
        DoubleVector z1 = DoubleVector.fromArray(S, z, zOff + j + L);
        DoubleVector z2 = DoubleVector.fromArray(S, z, zOff + j + 2 * L);
        DoubleVector z3 = DoubleVector.fromArray(S, z, zOff + j + 3 * L);
        for (int i = 0; i < in; i++) {
            DoubleVector xi = DoubleVector.broadcast(S, x[xOff + i]);
            int b = i * out + j;
            z0 = DoubleVector.fromArray(S, w, b).fma(xi, z0);
            z1 = DoubleVector.fromArray(S, w, b + L).fma(xi, z1);
            z2 = DoubleVector.fromArray(S, w, b + 2 * L).fma(xi, z2);
            z3 = DoubleVector.fromArray(S, w, b + 3 * L).fma(xi, z3);
        }
        z0.intoArray(z, zOff + j);
        z1.intoArray(z, zOff + j + L);
        z2.intoArray(z, zOff + j + 2 * L);
        z3.intoArray(z, zOff + j + 3 * L);
    }

    /** As {@link #rowBlock} for four consecutive rows at once: each weight vector is loaded once for four rows. */
    private static void fourRowBlock(double[] w, int in, int out, double[] a, int aOff, double[] z, int zOff, int j) {
        int z0 = zOff + j;
        int z1 = z0 + out;
        int z2 = z1 + out;
        int z3 = z2 + out;
        DoubleVector c00 = DoubleVector.fromArray(S, z, z0);
        DoubleVector c01 = DoubleVector.fromArray(S, z, z0 + L);
        DoubleVector c02 = DoubleVector.fromArray(S, z, z0 + 2 * L);
        DoubleVector c03 = DoubleVector.fromArray(S, z, z0 + 3 * L);
        DoubleVector c10 = DoubleVector.fromArray(S, z, z1);
        DoubleVector c11 = DoubleVector.fromArray(S, z, z1 + L);
        DoubleVector c12 = DoubleVector.fromArray(S, z, z1 + 2 * L);
        DoubleVector c13 = DoubleVector.fromArray(S, z, z1 + 3 * L);
        DoubleVector c20 = DoubleVector.fromArray(S, z, z2);
        DoubleVector c21 = DoubleVector.fromArray(S, z, z2 + L);
        DoubleVector c22 = DoubleVector.fromArray(S, z, z2 + 2 * L);
        DoubleVector c23 = DoubleVector.fromArray(S, z, z2 + 3 * L);
        DoubleVector c30 = DoubleVector.fromArray(S, z, z3);
        DoubleVector c31 = DoubleVector.fromArray(S, z, z3 + L);
        DoubleVector c32 = DoubleVector.fromArray(S, z, z3 + 2 * L);
        DoubleVector c33 = DoubleVector.fromArray(S, z, z3 + 3 * L);
        for (int i = 0; i < in; i++) {
            int b = i * out + j;
            DoubleVector w0 = DoubleVector.fromArray(S, w, b);
            DoubleVector w1 = DoubleVector.fromArray(S, w, b + L);
            DoubleVector w2 = DoubleVector.fromArray(S, w, b + 2 * L);
            DoubleVector w3 = DoubleVector.fromArray(S, w, b + 3 * L);
            DoubleVector x0 = DoubleVector.broadcast(S, a[aOff + i]);
            DoubleVector x1 = DoubleVector.broadcast(S, a[aOff + in + i]);
            DoubleVector x2 = DoubleVector.broadcast(S, a[aOff + 2 * in + i]);
            DoubleVector x3 = DoubleVector.broadcast(S, a[aOff + 3 * in + i]);
            c00 = w0.fma(x0, c00);
            c01 = w1.fma(x0, c01);
            c02 = w2.fma(x0, c02);
            c03 = w3.fma(x0, c03);
            c10 = w0.fma(x1, c10);
            c11 = w1.fma(x1, c11);
            c12 = w2.fma(x1, c12);
            c13 = w3.fma(x1, c13);
            c20 = w0.fma(x2, c20);
            c21 = w1.fma(x2, c21);
            c22 = w2.fma(x2, c22);
            c23 = w3.fma(x2, c23);
            c30 = w0.fma(x3, c30);
            c31 = w1.fma(x3, c31);
            c32 = w2.fma(x3, c32);
            c33 = w3.fma(x3, c33);
        }
        c00.intoArray(z, z0);
        c01.intoArray(z, z0 + L);
        c02.intoArray(z, z0 + 2 * L);
        c03.intoArray(z, z0 + 3 * L);
        c10.intoArray(z, z1);
        c11.intoArray(z, z1 + L);
        c12.intoArray(z, z1 + 2 * L);
        c13.intoArray(z, z1 + 3 * L);
        c20.intoArray(z, z2);
        c21.intoArray(z, z2 + L);
        c22.intoArray(z, z2 + 2 * L);
        c23.intoArray(z, z2 + 3 * L);
        c30.intoArray(z, z3);
        c31.intoArray(z, z3 + L);
        c32.intoArray(z, z3 + 2 * L);
        c33.intoArray(z, z3 + 3 * L);
    }

    /** {@code s + sum_i x[xOff+i] W[i, j]}, i ascending, zero inputs skipped (as the scalar kernel). */
    private static double scalarColumn(double[] w, int in, int out, double[] x, int xOff, int j, double s) {
        for (int i = 0; i < in; i++) {
            double xi = x[xOff + i];
            if (xi != 0.0) {
                s = Math.fma(w[i * out + j], xi, s);
            }
        }
        return s;
    }

    @Override
    public void gradient(double[] a, double[] dz, int rows, int in, int out, double[] g) {
        int j = 0;
        for (; j + BLOCK <= out; j += BLOCK) {
            int i = 0;
            for (; i + R <= in; i += R) {
                fourUnitGradient(a, dz, rows, in, out, g, i, j);
            }
            for (; i < in; i++) {
                DoubleVector g0 = DoubleVector.zero(S);
                DoubleVector g1 = g0;
                DoubleVector g2 = g0;
                DoubleVector g3 = g0;
                for (int r = 0; r < rows; r++) {
                    DoubleVector ai = DoubleVector.broadcast(S, a[r * in + i]);
                    int d = r * out + j;
                    g0 = DoubleVector.fromArray(S, dz, d).fma(ai, g0);
                    g1 = DoubleVector.fromArray(S, dz, d + L).fma(ai, g1);
                    g2 = DoubleVector.fromArray(S, dz, d + 2 * L).fma(ai, g2);
                    g3 = DoubleVector.fromArray(S, dz, d + 3 * L).fma(ai, g3);
                }
                int b = i * out + j;
                g0.intoArray(g, b);
                g1.intoArray(g, b + L);
                g2.intoArray(g, b + 2 * L);
                g3.intoArray(g, b + 3 * L);
            }
        }
        for (int i = 0; i < in; i++) {
            int j2 = j;
            for (; j2 + L <= out; j2 += L) {
                DoubleVector g0 = DoubleVector.zero(S);
                for (int r = 0; r < rows; r++) {
                    g0 = DoubleVector.fromArray(S, dz, r * out + j2).fma(DoubleVector.broadcast(S, a[r * in + i]), g0);
                }
                g0.intoArray(g, i * out + j2);
            }
            for (; j2 < out; j2++) {
                double s = 0;
                for (int r = 0; r < rows; r++) {
                    double ai = a[r * in + i];
                    if (ai != 0.0) {
                        s = Math.fma(ai, dz[r * out + j2], s);
                    }
                }
                g[i * out + j2] = s;
            }
        }
    }

    /** {@code g[i..i+4, j..j+BLOCK) = sum_r a[r, i..i+4]^T dz[r, j..j+BLOCK)}: each delta vector feeds four units. */
    private static void fourUnitGradient(double[] a, double[] dz, int rows, int in, int out, double[] g, int i, int j) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = c00;
        DoubleVector c02 = c00;
        DoubleVector c03 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c12 = c00;
        DoubleVector c13 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c22 = c00;
        DoubleVector c23 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        DoubleVector c32 = c00;
        DoubleVector c33 = c00;
        for (int r = 0; r < rows; r++) {
            int d = r * out + j;
            DoubleVector d0 = DoubleVector.fromArray(S, dz, d);
            DoubleVector d1 = DoubleVector.fromArray(S, dz, d + L);
            DoubleVector d2 = DoubleVector.fromArray(S, dz, d + 2 * L);
            DoubleVector d3 = DoubleVector.fromArray(S, dz, d + 3 * L);
            int ar = r * in + i;
            DoubleVector a0 = DoubleVector.broadcast(S, a[ar]);
            DoubleVector a1 = DoubleVector.broadcast(S, a[ar + 1]);
            DoubleVector a2 = DoubleVector.broadcast(S, a[ar + 2]);
            DoubleVector a3 = DoubleVector.broadcast(S, a[ar + 3]);
            c00 = d0.fma(a0, c00);
            c01 = d1.fma(a0, c01);
            c02 = d2.fma(a0, c02);
            c03 = d3.fma(a0, c03);
            c10 = d0.fma(a1, c10);
            c11 = d1.fma(a1, c11);
            c12 = d2.fma(a1, c12);
            c13 = d3.fma(a1, c13);
            c20 = d0.fma(a2, c20);
            c21 = d1.fma(a2, c21);
            c22 = d2.fma(a2, c22);
            c23 = d3.fma(a2, c23);
            c30 = d0.fma(a3, c30);
            c31 = d1.fma(a3, c31);
            c32 = d2.fma(a3, c32);
            c33 = d3.fma(a3, c33);
        }
        int b0 = i * out + j;
        int b1 = b0 + out;
        int b2 = b1 + out;
        int b3 = b2 + out;
        c00.intoArray(g, b0);
        c01.intoArray(g, b0 + L);
        c02.intoArray(g, b0 + 2 * L);
        c03.intoArray(g, b0 + 3 * L);
        c10.intoArray(g, b1);
        c11.intoArray(g, b1 + L);
        c12.intoArray(g, b1 + 2 * L);
        c13.intoArray(g, b1 + 3 * L);
        c20.intoArray(g, b2);
        c21.intoArray(g, b2 + L);
        c22.intoArray(g, b2 + 2 * L);
        c23.intoArray(g, b2 + 3 * L);
        c30.intoArray(g, b3);
        c31.intoArray(g, b3 + L);
        c32.intoArray(g, b3 + 2 * L);
        c33.intoArray(g, b3 + 3 * L);
    }

    @Override
    public String toString() {
        return "vector (" + S.vectorBitSize() + "-bit, " + L + " doubles, fma)";
    }
}
