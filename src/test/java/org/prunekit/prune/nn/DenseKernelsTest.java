package org.prunekit.prune.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * The Vector API kernels give the same doubles as the scalar loops (both fma-based), op by op and over whole trainings (full-batch
 * Adam with ReLU, mini-batch SGD with tanh, dropout and weight decay, a masked net), on shapes with and without a
 * vector tail, with row blocks and row tails, and with ReLU zeros in the inputs; and both compute the products they
 * name (checked against plain sums).
 */
class DenseKernelsTest {

    private static DenseKernels vector;

    @BeforeAll
    static void vectorKernels() {
        // the build starts test JVMs with --add-modules jdk.incubator.vector (pom.xml), so the vector form is chosen
        // wherever the CPU has vectors of at least 256 bits
        assumeTrue(DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 256, "CPU without vectors of 256 bits or more");
        vector = DenseKernels.best();
        assertNotSame(DenseKernels.scalar(), vector, "the vector kernels are not in use");
    }

    private static final int[][] SHAPES = {
        {30, 64}, {64, 32}, {32, 2}, {7, 5}, {5, 17}, {3, 1}, {16, 20}, {1, 36}, {6, 45}, {9, 70}, {4, 12}
    };

    private static double[] random(SplittableRandom rng, int n, double zeroShare) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextDouble() < zeroShare ? 0.0 : rng.nextGaussian();
        }
        return v;
    }

    @Test
    void multiplyAddMatchesScalarBitForBit() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int[] s : SHAPES) {
            double[] w = random(rng, s[0] * s[1], 0.1);
            double[] x = random(rng, s[0] + 3, 0.5);
            double[] z0 = random(rng, s[1] + 2, 0.0);
            double[] z1 = z0.clone();
            DenseKernels.scalar().multiplyAdd(w, s[0], s[1], x, 3, z0, 2);
            vector.multiplyAdd(w, s[0], s[1], x, 3, z1, 2);
            assertArrayEquals(z0, z1, 0.0, s[0] + "x" + s[1]);
        }
    }

    @Test
    void gradientMatchesScalarBitForBit() {
        SplittableRandom rng = new SplittableRandom(2);
        for (int[] s : SHAPES) {
            for (int rows : new int[] {1, 9, 64}) {
                double[] a = random(rng, rows * s[0], 0.5);
                double[] dz = random(rng, rows * s[1], 0.0);
                double[] g0 = random(rng, s[0] * s[1], 0.0); // overwritten, whatever was there
                double[] g1 = random(rng, s[0] * s[1], 0.0);
                DenseKernels.scalar().gradient(a, dz, rows, s[0], s[1], g0);
                vector.gradient(a, dz, rows, s[0], s[1], g1);
                assertArrayEquals(g0, g1, 0.0, s[0] + "x" + s[1] + ", " + rows + " rows");
            }
        }
    }

    @Test
    void multiplyAddRowsMatchesTheRowKernelBitForBit() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int[] s : SHAPES) {
            for (int rows : new int[] {1, 4, 9, 64}) {
                double[] w = random(rng, s[0] * s[1], 0.1);
                double[] a = random(rng, rows * s[0], 0.5);
                double[] z0 = random(rng, rows * s[1], 0.0);
                double[] z1 = z0.clone();
                double[] z2 = z0.clone();
                for (int r = 0; r < rows; r++) {
                    DenseKernels.scalar().multiplyAdd(w, s[0], s[1], a, r * s[0], z0, r * s[1]);
                }
                DenseKernels.scalar().multiplyAddRows(w, s[0], s[1], a, rows, z1);
                vector.multiplyAddRows(w, s[0], s[1], a, rows, z2);
                String shape = s[0] + "x" + s[1] + ", " + rows + " rows";
                assertArrayEquals(z0, z1, 0.0, shape);
                assertArrayEquals(z0, z2, 0.0, shape);
            }
        }
    }

    @Test
    void kernelsComputeTheMatrixProducts() {
        SplittableRandom rng = new SplittableRandom(4);
        int rows = 9;
        for (int[] s : SHAPES) {
            int in = s[0];
            int out = s[1];
            double[] w = random(rng, in * out, 0.1);
            double[] a = random(rng, rows * in, 0.5);
            double[] dz = random(rng, rows * out, 0.0);
            double[] z = new double[rows * out];
            double[] g = new double[in * out];
            vector.multiplyAddRows(w, in, out, a, rows, z);
            vector.gradient(a, dz, rows, in, out, g);
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < out; j++) {
                    double sum = 0;
                    for (int i = 0; i < in; i++) {
                        sum += a[r * in + i] * w[i * out + j];
                    }
                    assertEquals(sum, z[r * out + j], 1e-12, "(A W)[" + r + "," + j + "]");
                }
            }
            for (int i = 0; i < in; i++) {
                for (int j = 0; j < out; j++) {
                    double sum = 0;
                    for (int r = 0; r < rows; r++) {
                        sum += a[r * in + i] * dz[r * out + j];
                    }
                    assertEquals(sum, g[i * out + j], 1e-12, "(A^T dZ)[" + i + "," + j + "]");
                }
            }
        }
    }

    @Test
    void reluLoopsMatchTheirDefinition() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int n : new int[] {1, 7, 8, 13, 64, 101}) {
            double[] z = random(rng, n + 3, 0.2);
            z[1] = Double.NaN;
            z[2] = -0.0;
            double[] d = random(rng, n, 0.0);
            for (DenseKernels k : List.of(DenseKernels.scalar(), vector)) {
                double[] r = z.clone();
                k.relu(r, 1, n + 1);
                for (int i = 0; i < r.length; i++) {
                    boolean inside = i >= 1 && i < n + 1;
                    double want = !inside ? z[i] : z[i] > 0 ? z[i] : 0.0;
                    assertEquals(want, r[i], 0.0, k + " relu at " + i + " of " + n);
                    if (inside && !(z[i] > 0)) {
                        assertEquals(0L, Double.doubleToRawLongBits(r[i]), k + ": +0.0 where z <= 0 or NaN");
                    }
                }
                double[] g = d.clone();
                k.reluGate(z, g, n);
                for (int i = 0; i < n; i++) {
                    assertEquals(z[i] > 0 ? d[i] : 0.0, g[i], 0.0, k + " reluGate at " + i + " of " + n);
                }
            }
        }
    }

    @Test
    void adamStepMatchesScalarBitForBit() {
        SplittableRandom rng = new SplittableRandom(6);
        for (int n : new int[] {1, 5, 8, 29, 64}) {
            for (boolean masked : new boolean[] {false, true}) {
                double[] mask = null;
                if (masked) {
                    mask = new double[n];
                    for (int k = 0; k < n; k++) {
                        mask[k] = rng.nextDouble() < 0.3 ? 0.0 : 1.0;
                    }
                }
                double[] g = random(rng, n, 0.1);
                double[][] p = {random(rng, n, 0.0), null};
                double[][] m1 = {random(rng, n, 0.0), null};
                double[][] m2 = {random(rng, n, 0.0), null};
                for (int k = 0; k < n; k++) {
                    m2[0][k] = Math.abs(m2[0][k]);
                }
                p[1] = p[0].clone();
                m1[1] = m1[0].clone();
                m2[1] = m2[0].clone();
                DenseKernels.scalar().adam(p[0], g, mask, m1[0], m2[0], n, 1e-3, 0.05, 0.3);
                vector.adam(p[1], g, mask, m1[1], m2[1], n, 1e-3, 0.05, 0.3);
                String what = n + (masked ? " masked" : "");
                assertArrayEquals(p[0], p[1], 0.0, what);
                assertArrayEquals(m1[0], m1[1], 0.0, what);
                assertArrayEquals(m2[0], m2[1], 0.0, what);
                for (int k = 0; k < n && masked; k++) {
                    if (mask[k] == 0.0) {
                        assertEquals(0.0, p[1][k], 0.0, "a masked parameter stays 0");
                    }
                }
            }
        }
    }

    @Test
    void trainingGivesTheSameWeightsWithEitherKernel() {
        MutableDataset<Label> d = Fixtures.blobs(150, 5, 1f);
        MlpParams adam = new MlpParams(
                new int[] {20, 9}, Activation.RELU, MlpParams.Optimizer.ADAM, 1e-2, 0.9, 40, 0, 0.0, 0.0, 0, 0.1, null);
        MlpParams sgd = new MlpParams(
                new int[] {17}, Activation.TANH, MlpParams.Optimizer.SGD, 0.05, 0.9, 15, 16, 1e-3, 0.2, 0, 0.1, null);
        for (MlpParams p : List.of(adam, sgd)) {
            MlpTrainer.Run run = new MlpTrainer(p, 7).run(d, null);
            MlpNet start = run.initial();
            boolean[][] masks = start.masks();
            for (int k = 0; k < masks[0].length; k += 3) {
                masks[0][k] = false;
            }
            for (MlpNet net : List.of(start, start.masked(masks))) {
                NetTraining a = new NetTraining(net, p, new SplittableRandom(11), DenseKernels.scalar());
                NetTraining b = new NetTraining(net, p, new SplittableRandom(11), vector);
                a.run(run.fit(), null, p.epochs(), null);
                b.run(run.fit(), null, p.epochs(), null);
                MlpNet x = a.snapshot();
                MlpNet y = b.snapshot();
                for (int l = 0; l < x.layers(); l++) {
                    assertArrayEquals(x.weights(l), y.weights(l), 0.0, "layer " + l);
                    assertArrayEquals(x.biases(l), y.biases(l), 0.0, "layer " + l);
                }
            }
        }
    }
}
