package org.prunekit.prune.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

class PruningMaskTest {

    private static final double[] TARGETS = {0.0, 0.1, 0.333, 0.5, 0.8, 0.9, 0.95, 0.98};

    @Test
    void globalSparsityIsExactToOneWeight() {
        MlpNet net = Fixtures.randomNet(1, 30, 64, 32, 2);
        int total = 30 * 64 + 64 * 32 + 32 * 2;
        UnstructuredPruner p = new UnstructuredPruner(Saliency.magnitude(), true, CollapseGuard.defaults());
        for (double s : TARGETS) {
            boolean[][] m = p.computeMask(net, s);
            int pruned = 0;
            for (boolean[] layer : m) {
                pruned += Fixtures.pruned(layer);
            }
            assertEquals(s * total, pruned, 1.0, "global sparsity " + s);
        }
    }

    @Test
    void layerSparsityIsExactToOneWeightPerLayer() {
        MlpNet odd = Fixtures.randomNet(2, 13, 17, 11, 3);
        MlpNet ref = Fixtures.randomNet(2, 30, 64, 32, 2);
        for (MlpNet net : List.of(odd, ref)) {
            // the default guard only binds when a target leaves fewer weights than outputs (not here for ref)
            CollapseGuard g = net == odd ? CollapseGuard.off() : CollapseGuard.defaults();
            UnstructuredPruner p = new UnstructuredPruner(Saliency.magnitude(), false, g);
            for (double s : TARGETS) {
                boolean[][] m = p.computeMask(net, s);
                for (int l = 0; l < m.length; l++) {
                    assertEquals(s * m[l].length, Fixtures.pruned(m[l]), 1.0, "layer " + l + " at " + s);
                }
            }
        }
    }

    @Test
    void aBindingGuardKeepsOneWeightPerOutputInTheLastLayer() {
        MlpNet net = Fixtures.randomNet(2, 13, 17, 11, 3);
        boolean[][] m =
                new UnstructuredPruner(Saliency.magnitude(), false, CollapseGuard.defaults()).computeMask(net, 0.95);
        assertEquals(3, 33 - Fixtures.pruned(m[2]), "one live weight into each of the 3 outputs");
    }

    @Test
    void globalMagnitudeKeepsTheLargestWeightsAcrossLayers() {
        MlpNet net = Fixtures.randomNet(3, 10, 20, 2);
        boolean[][] m = new UnstructuredPruner(Saliency.magnitude(), true, CollapseGuard.off()).computeMask(net, 0.6);
        double minKept = Double.POSITIVE_INFINITY;
        double maxPruned = 0;
        for (int l = 0; l < net.layers(); l++) {
            double[] w = net.weights(l);
            for (int k = 0; k < w.length; k++) {
                if (m[l][k]) {
                    minKept = Math.min(minKept, Math.abs(w[k]));
                } else {
                    maxPruned = Math.max(maxPruned, Math.abs(w[k]));
                }
            }
        }
        assertTrue(minKept >= maxPruned, minKept + " < " + maxPruned);
    }

    @Test
    void iterativePruningOnlyRanksLiveWeights() {
        MlpNet net = Fixtures.randomNet(4, 8, 8, 2);
        UnstructuredPruner p = new UnstructuredPruner(Saliency.random(1), true, CollapseGuard.defaults());
        MlpNet half = net.masked(p.computeMask(net, 0.5));
        boolean[][] more =
                new UnstructuredPruner(Saliency.random(2), true, CollapseGuard.defaults()).computeMask(half, 0.75);
        for (int l = 0; l < net.layers(); l++) {
            for (int k = 0; k < more[l].length; k++) {
                assertFalse(more[l][k] && !half.mask(l)[k], "a pruned weight came back");
            }
        }
    }

    @Test
    void randomSaliencyPrunesOtherWeightsThanMagnitudeAtTheSameSparsity() {
        MlpNet net = Fixtures.randomNet(5, 10, 10, 2);
        boolean[][] mag = new UnstructuredPruner(Saliency.magnitude(), true, CollapseGuard.off()).computeMask(net, 0.5);
        boolean[][] rnd = new UnstructuredPruner(Saliency.random(3), true, CollapseGuard.off()).computeMask(net, 0.5);
        assertNotEquals(Arrays.deepToString(mag), Arrays.deepToString(rnd));
        assertEquals(
                Fixtures.pruned(mag[0]) + Fixtures.pruned(mag[1]), Fixtures.pruned(rnd[0]) + Fixtures.pruned(rnd[1]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ADAM", "SGD"})
    void prunedWeightsAndTheirOptimiserStateStayExactlyZeroThroughTraining(String optimizer) {
        MutableDataset<Label> d = Fixtures.blobs(150, 8, 1f);
        MlpParams p = new MlpParams(
                new int[] {16, 8},
                Activation.RELU,
                MlpParams.Optimizer.valueOf(optimizer),
                0.05,
                0.9,
                15,
                16,
                1e-2,
                0.3,
                0,
                0.1,
                1L);
        MlpModel m = new MlpTrainer(p, 1).train(d);
        boolean[][] mask =
                new UnstructuredPruner(Saliency.magnitude(), true, CollapseGuard.defaults()).computeMask(m.net(), 0.8);
        NetTraining t = new NetTraining(m.net().masked(mask), p, new SplittableRandom(2));
        t.run(m.design(d), null, 15, (epoch, tr) -> {
            MlpNet now = tr.snapshot();
            for (int l = 0; l < now.layers(); l++) {
                double[] w = now.weights(l);
                double[] m1 = tr.firstMoment(l);
                double[] m2 = tr.secondMoment(l);
                for (int k = 0; k < w.length; k++) {
                    if (!mask[l][k]) {
                        assertEquals(0.0, w[k], 0.0, "weight " + k + " of layer " + l + " after epoch " + epoch);
                        assertEquals(0.0, m1[k], 0.0);
                        assertEquals(0.0, m2[k], 0.0);
                    }
                }
            }
        });
        MlpNet after = t.snapshot();
        int changed = 0;
        for (int l = 0; l < after.layers(); l++) {
            assertArrayEquals(mask[l], after.mask(l));
            double[] before = m.net().weights(l);
            double[] w = after.weights(l);
            for (int k = 0; k < w.length; k++) {
                if (mask[l][k] && w[k] != before[k]) {
                    changed++;
                }
            }
        }
        assertTrue(changed > 0, "live weights should train");
    }

    @Test
    void collapseGuardKeepsAPathWhereGlobalPruningEmptiesALayer() {
        // layer 1 has tiny weights: global magnitude pruning at 90 % removes all of them without the guard
        MlpNet base = Fixtures.randomNet(6, 30, 64, 32, 2);
        double[][] w = new double[3][];
        double[][] b = new double[3][];
        boolean[][] m = base.masks();
        for (int l = 0; l < 3; l++) {
            w[l] = base.weights(l);
            b[l] = base.biases(l);
        }
        for (int k = 0; k < w[1].length; k++) {
            w[1][k] *= 1e-3;
        }
        MlpNet net = MlpNet.of(base.widths(), Activation.RELU, w, b, m);
        MlpNet collapsed = net.masked(
                new UnstructuredPruner(Saliency.magnitude(), true, CollapseGuard.off()).computeMask(net, 0.9));
        assertEquals(0, collapsed.liveWeights(1));
        assertEquals(1, CollapseGuard.warnings(collapsed).size());
        double[] x1 = new double[30];
        double[] x2 = new double[30];
        Arrays.fill(x2, 3.0);
        assertArrayEquals(collapsed.predict(x1), collapsed.predict(x2), 0.0, "collapsed net is a constant");

        MlpNet guarded = net.masked(
                new UnstructuredPruner(Saliency.magnitude(), true, CollapseGuard.defaults()).computeMask(net, 0.9));
        int total = 30 * 64 + 64 * 32 + 32 * 2;
        int live = guarded.liveWeights(0) + guarded.liveWeights(1) + guarded.liveWeights(2);
        assertEquals(Math.round(0.1 * total), live, 1.0, "the guard keeps the sparsity");
        assertTrue(guarded.liveWeights(1) >= 1, "a path through layer 1");
        assertTrue(pathsFromInput(guarded));
        assertFalse(CollapseGuard.warnings(guarded).isEmpty(), "layer 1 is reported as nearly empty");
        assertEquals(1.0, MlpSize.of(guarded, net.parameters()).details().get("nearly_empty_layers"));
    }

    @Test
    void theDensityFloorKeepsASmallWeightedLayerAliveUnderGlobalScope() {
        // d-64-32-2 shape with layer 1 (64 x 32) a thousand times smaller: global 90 % would strip it
        MlpNet base = Fixtures.randomNet(4, 30, 64, 32, 2);
        double[][] w = {base.weights(0), base.weights(1), base.weights(2)};
        for (int k = 0; k < w[1].length; k++) {
            w[1][k] *= 1e-3;
        }
        MlpNet net = MlpNet.of(
                base.widths(),
                Activation.RELU,
                w,
                new double[][] {base.biases(0), base.biases(1), base.biases(2)},
                base.masks());
        int total = 30 * 64 + 64 * 32 + 32 * 2;
        CollapseGuard floor = CollapseGuard.defaults().withMinLayerDensity(0.05);
        MlpNet kept = net.masked(new UnstructuredPruner(Saliency.magnitude(), true, floor).computeMask(net, 0.9));
        assertEquals((int) Math.ceil(0.05 * 64 * 32), kept.liveWeights(1), "layer 1 keeps exactly its floor");
        for (int l = 0; l < 3; l++) {
            assertTrue(kept.liveWeights(l) >= Math.ceil(0.05 * net.weightCount(l)), "layer " + l);
        }
        int live = kept.liveWeights(0) + kept.liveWeights(1) + kept.liveWeights(2);
        assertEquals(Math.round(0.1 * total), live, 1.0, "the floor is paid for by the other layers");
        assertTrue(CollapseGuard.warnings(kept).isEmpty(), "no layer is nearly empty");
        // without the floor the same target leaves layer 1 nearly empty
        MlpNet bare = net.masked(
                new UnstructuredPruner(Saliency.magnitude(), true, CollapseGuard.defaults()).computeMask(net, 0.9));
        assertTrue(bare.liveWeights(1) < 0.02 * 64 * 32, "live " + bare.liveWeights(1));
        // layer scope ignores the floor: each layer is pruned to the target itself
        MlpNet layer = net.masked(new UnstructuredPruner(Saliency.magnitude(), false, floor).computeMask(net, 0.98));
        assertEquals(Math.round(0.02 * 64 * 32), layer.liveWeights(1), 1.0);
    }

    @Test
    void magnitudeDefaultsAreTheIssueGridWithAFloor() {
        MagnitudeParams d = MagnitudeParams.defaults();
        assertArrayEquals(new double[] {0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98}, d.sparsities(), 0.0);
        assertEquals(CollapseGuard.DEFAULT_MIN_LAYER_DENSITY, d.guard().minLayerDensity(), 0.0);
    }

    @Test
    void minLivePerLayerIsHonoured() {
        MlpNet base = Fixtures.randomNet(7, 10, 10, 10, 2);
        double[][] w = {base.weights(0), base.weights(1), base.weights(2)};
        for (int k = 0; k < w[1].length; k++) {
            w[1][k] *= 1e-4;
        }
        MlpNet net = MlpNet.of(
                base.widths(),
                Activation.RELU,
                w,
                new double[][] {base.biases(0), base.biases(1), base.biases(2)},
                base.masks());
        boolean[][] m =
                new UnstructuredPruner(Saliency.magnitude(), true, new CollapseGuard(5, false)).computeMask(net, 0.8);
        assertEquals(5, 100 - Fixtures.pruned(m[1]));
    }

    /** Every output reachable from the input through live weights. */
    static boolean pathsFromInput(MlpNet net) {
        int[] widths = net.widths();
        boolean[] reach = new boolean[widths[0]];
        Arrays.fill(reach, true);
        for (int l = 0; l < net.layers(); l++) {
            boolean[] next = new boolean[widths[l + 1]];
            boolean[] m = net.mask(l);
            for (int i = 0; i < widths[l]; i++) {
                for (int j = 0; j < widths[l + 1]; j++) {
                    next[j] |= reach[i] && m[i * widths[l + 1] + j];
                }
            }
            reach = next;
        }
        for (boolean r : reach) {
            if (!r) {
                return false;
            }
        }
        return true;
    }

    @Test
    void sparseKernelPredictsLikeTheDenseOne() {
        MlpNet net = Fixtures.randomNet(8, 30, 64, 32, 2);
        MlpNet sparse = net.masked(
                new UnstructuredPruner(Saliency.magnitude(), true, CollapseGuard.defaults()).computeMask(net, 0.9));
        assertTrue(sparse.usesSparseKernel(0) && sparse.usesSparseKernel(1));
        assertFalse(net.usesSparseKernel(0));
        MlpNet dense = sparse.withKernels(MlpNet.Kernels.DENSE);
        SplittableRandom rng = new SplittableRandom(1);
        double[] batch = new double[20 * 30];
        for (int k = 0; k < batch.length; k++) {
            batch[k] = rng.nextDouble() * 4 - 2;
        }
        assertArrayEquals(dense.predictBatch(batch, 20), sparse.predictBatch(batch, 20), 1e-12);
        double[] row = Arrays.copyOf(batch, 30);
        assertArrayEquals(dense.predict(row), sparse.predict(row), 1e-12);
    }

    @Test
    void removingNeuronsEqualsSilencingThem() {
        MlpNet net = Fixtures.randomNet(9, 6, 10, 8, 3);
        boolean[][] keep = {new boolean[10], new boolean[8]};
        for (int j = 0; j < 10; j++) {
            keep[0][j] = j % 3 != 0;
        }
        for (int j = 0; j < 8; j++) {
            keep[1][j] = j != 2 && j != 5;
        }
        MlpNet small = NeuronPruner.remove(net, keep);
        assertArrayEquals(new int[] {6, 6, 6, 3}, small.widths());
        // silencing = zeroing each removed neuron's outgoing weights
        boolean[][] m = net.masks();
        for (int h = 0; h < 2; h++) {
            int out = net.widths()[h + 2];
            for (int j = 0; j < keep[h].length; j++) {
                if (!keep[h][j]) {
                    for (int o = 0; o < out; o++) {
                        m[h + 1][j * out + o] = false;
                    }
                }
            }
        }
        MlpNet silenced = net.masked(m);
        double[] x = {0.3, -1, 2, 0.5, -0.2, 1.1};
        assertArrayEquals(silenced.predict(x), small.predict(x), 1e-12);
    }

    @Test
    void neuronPrunerRemovesTheWeakestByL1AndKeepsAMinimum() {
        MlpNet base = Fixtures.randomNet(10, 4, 5, 2);
        double[] w0 = base.weights(0);
        for (int i = 0; i < 4; i++) {
            w0[i * 5 + 3] *= 1e-3; // neuron 3 has tiny incoming weights
        }
        MlpNet net = MlpNet.of(
                base.widths(),
                Activation.RELU,
                new double[][] {w0, base.weights(1)},
                new double[][] {base.biases(0), base.biases(1)},
                base.masks());
        boolean[][] keep = new NeuronPruner(NeuronPruner.Criterion.L1, false, 1).keep(net, null, 0.2);
        assertArrayEquals(new boolean[] {true, true, true, false, true}, keep[0]);
        boolean[][] all = new NeuronPruner(NeuronPruner.Criterion.L2, true, 2).keep(net, null, 0.99);
        assertEquals(2, 5 - Fixtures.pruned(all[0]));
    }

    @Test
    void cubicScheduleMatchesZhuAndGupta() {
        assertEquals(0.0, MagnitudePruning.cubic(0.9, 0, 10), 1e-15);
        assertEquals(0.9, MagnitudePruning.cubic(0.9, 10, 10), 1e-15);
        // s_f + (0 - s_f)(1 - 1/2)^3 = 0.9 * 7/8
        assertEquals(0.7875, MagnitudePruning.cubic(0.9, 5, 10), 1e-15);
        assertTrue(MagnitudePruning.cubic(0.9, 2, 10) - MagnitudePruning.cubic(0.9, 1, 10)
                > MagnitudePruning.cubic(0.9, 10, 10) - MagnitudePruning.cubic(0.9, 9, 10));
    }
}
