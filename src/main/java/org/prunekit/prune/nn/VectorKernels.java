package org.prunekit.prune.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
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
            int jv = j + (out - j) / L * L;
            for (int r = 0; r < rows && j < jv; r++) {
                int xOff = r * in;
                int zOff = r * out;
                for (int j2 = j; j2 < jv; j2 += L) {
                    DoubleVector z0 = DoubleVector.fromArray(S, z, zOff + j2);
                    for (int i = 0; i < in; i++) {
                        z0 = DoubleVector.fromArray(S, w, i * out + j2).fma(DoubleVector.broadcast(S, a[xOff + i]), z0);
                    }
                    z0.intoArray(z, zOff + j2);
                }
            }
            for (int c = jv; c < out; c++) {
                scalarColumnRows(w, in, out, a, rows, z, c);
            }
        }
    }

    /**
     * Output column {@code c} of every row, four rows at a time (four independent fma chains, no branch on zero
     * inputs: for the narrow last layer, where a data-dependent branch would mispredict on every other ReLU zero).
     */
    private static void scalarColumnRows(double[] w, int in, int out, double[] a, int rows, double[] z, int c) {
        int r = 0;
        for (; r + R <= rows; r += R) {
            int a0 = r * in;
            double s0 = z[r * out + c];
            double s1 = z[(r + 1) * out + c];
            double s2 = z[(r + 2) * out + c];
            double s3 = z[(r + 3) * out + c];
            for (int i = 0; i < in; i++) {
                double wi = w[i * out + c];
                s0 = Math.fma(wi, a[a0 + i], s0);
                s1 = Math.fma(wi, a[a0 + in + i], s1);
                s2 = Math.fma(wi, a[a0 + 2 * in + i], s2);
                s3 = Math.fma(wi, a[a0 + 3 * in + i], s3);
            }
            z[r * out + c] = s0;
            z[(r + 1) * out + c] = s1;
            z[(r + 2) * out + c] = s2;
            z[(r + 3) * out + c] = s3;
        }
        for (; r < rows; r++) {
            z[r * out + c] = scalarColumn(w, in, out, a, r * in, c, z[r * out + c]);
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

    /** {@code s + sum_i x[xOff+i] W[i, j]}, i ascending, one fma per term. */
    private static double scalarColumn(double[] w, int in, int out, double[] x, int xOff, int j, double s) {
        for (int i = 0; i < in; i++) {
            s = Math.fma(w[i * out + j], x[xOff + i], s);
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
        int jv = j + (out - j) / L * L;
        for (int i = 0; i < in && j < jv; i++) {
            for (int j2 = j; j2 < jv; j2 += L) {
                DoubleVector g0 = DoubleVector.zero(S);
                for (int r = 0; r < rows; r++) {
                    g0 = DoubleVector.fromArray(S, dz, r * out + j2).fma(DoubleVector.broadcast(S, a[r * in + i]), g0);
                }
                g0.intoArray(g, i * out + j2);
            }
        }
        if (jv < out) {
            double[] lanes = new double[BLOCK];
            for (int c = jv; c < out; c++) {
                gradientColumn(a, dz, rows, in, out, g, c, lanes);
            }
        }
    }

    /**
     * Column {@code c} of the gradient (a column of a layer narrower than a vector, such as the two-class output), with
     * vectors running over input units: {@code g[i.., c] = sum_r dz[r, c] a[r, i..]}, where {@code a}'s rows are
     * contiguous; each element is still reduced over r ascending with one fma per term.
     */
    private static void gradientColumn(
            double[] a, double[] dz, int rows, int in, int out, double[] g, int c, double[] lanes) {
        int i = 0;
        for (; i + BLOCK <= in; i += BLOCK) {
            DoubleVector g0 = DoubleVector.zero(S);
            DoubleVector g1 = g0;
            DoubleVector g2 = g0;
            DoubleVector g3 = g0;
            for (int r = 0; r < rows; r++) {
                DoubleVector d = DoubleVector.broadcast(S, dz[r * out + c]);
                int ar = r * in + i;
                g0 = DoubleVector.fromArray(S, a, ar).fma(d, g0);
                g1 = DoubleVector.fromArray(S, a, ar + L).fma(d, g1);
                g2 = DoubleVector.fromArray(S, a, ar + 2 * L).fma(d, g2);
                g3 = DoubleVector.fromArray(S, a, ar + 3 * L).fma(d, g3);
            }
            g0.intoArray(lanes, 0);
            g1.intoArray(lanes, L);
            g2.intoArray(lanes, 2 * L);
            g3.intoArray(lanes, 3 * L);
            for (int k = 0; k < BLOCK; k++) {
                g[(i + k) * out + c] = lanes[k];
            }
        }
        for (; i + L <= in; i += L) {
            DoubleVector g0 = DoubleVector.zero(S);
            for (int r = 0; r < rows; r++) {
                g0 = DoubleVector.fromArray(S, a, r * in + i).fma(DoubleVector.broadcast(S, dz[r * out + c]), g0);
            }
            g0.intoArray(lanes, 0);
            for (int k = 0; k < L; k++) {
                g[(i + k) * out + c] = lanes[k];
            }
        }
        for (; i < in; i++) {
            double s = 0;
            for (int r = 0; r < rows; r++) {
                s = Math.fma(a[r * in + i], dz[r * out + c], s);
            }
            g[i * out + c] = s;
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
    public void relu(double[] z, int from, int to) {
        DoubleVector zero = DoubleVector.zero(S);
        int k = from;
        for (; k + L <= to; k += L) {
            DoubleVector v = DoubleVector.fromArray(S, z, k);
            zero.blend(v, v.compare(VectorOperators.GT, 0.0)).intoArray(z, k);
        }
        for (; k < to; k++) {
            z[k] = z[k] > 0 ? z[k] : 0.0;
        }
    }

    @Override
    public void reluGate(double[] a, double[] d, int n) {
        DoubleVector zero = DoubleVector.zero(S);
        int k = 0;
        for (; k + L <= n; k += L) {
            DoubleVector av = DoubleVector.fromArray(S, a, k);
            zero.blend(DoubleVector.fromArray(S, d, k), av.compare(VectorOperators.GT, 0.0))
                    .intoArray(d, k);
        }
        for (; k < n; k++) {
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
        int k = 0;
        for (; k + L <= n; k += L) {
            DoubleVector pk = DoubleVector.fromArray(S, p, k);
            DoubleVector gk = DoubleVector.fromArray(S, g, k).add(pk.mul(decay));
            if (mask != null) {
                DoubleVector mk = DoubleVector.fromArray(S, mask, k);
                adamLanes(pk, gk.mul(mk), m1, m2, k, stepSize, sqrtBc2).mul(mk).intoArray(p, k);
            } else {
                adamLanes(pk, gk, m1, m2, k, stepSize, sqrtBc2).intoArray(p, k);
            }
        }
        if (k < n) {
            ScalarKernels.INSTANCE.adamTail(p, g, mask, m1, m2, k, n, decay, stepSize, sqrtBc2);
        }
    }

    /** The moments and the unmasked new parameters of {@link #adam} for lanes {@code [k, k+L)}. */
    private static DoubleVector adamLanes(
            DoubleVector pk, DoubleVector gk, double[] m1, double[] m2, int k, double stepSize, double sqrtBc2) {
        DoubleVector a = DoubleVector.fromArray(S, m1, k).mul(ADAM_B1).add(gk.mul(1 - ADAM_B1));
        DoubleVector b = DoubleVector.fromArray(S, m2, k)
                .mul(ADAM_B2)
                .add(gk.mul(1 - ADAM_B2).mul(gk));
        a.intoArray(m1, k);
        b.intoArray(m2, k);
        return pk.sub(a.mul(stepSize).div(b.sqrt().div(sqrtBc2).add(ADAM_EPS)));
    }

    @Override
    public String toString() {
        return "vector (" + S.vectorBitSize() + "-bit, " + L + " doubles, fma)";
    }
}
