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
 * The Vector API kernels give the same doubles as the scalar loops, op by op and over whole trainings (full-batch
 * Adam with ReLU, mini-batch SGD with tanh, dropout and weight decay, a masked net), on shapes with and without a
 * vector tail and with ReLU zeros in the inputs.
 */
class DenseKernelsTest {

    private static DenseKernels vector;

    @BeforeAll
    static void vectorKernels() {
        // the build starts test JVMs with --add-modules jdk.incubator.vector (pom.xml), so the vector form is chosen
        // wherever the CPU has 256-bit vectors
        assumeTrue(DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 256, "CPU without 256-bit vectors");
        vector = DenseKernels.best();
        assertNotSame(DenseKernels.scalar(), vector, "the vector kernels are not in use");
    }

    private static final int[][] SHAPES = {{30, 64}, {64, 32}, {32, 2}, {7, 5}, {5, 17}, {3, 1}, {16, 20}, {1, 36}};

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
    void dotMatchesScalarBitForBit() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int out : new int[] {1, 2, 3, 4, 5, 8, 13, 32, 64}) {
            double[] w = random(rng, out + 4, 0.0);
            double[] dz = random(rng, out + 1, 0.0);
            assertEquals(DenseKernels.scalar().dot(w, 4, dz, 1, out), vector.dot(w, 4, dz, 1, out), 0.0, "out " + out);
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
