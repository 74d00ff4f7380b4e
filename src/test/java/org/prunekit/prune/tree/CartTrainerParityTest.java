package org.prunekit.prune.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.spi.Params;
import org.prunekit.testing.TestData;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * {@link CartTrainer} grows exactly the tree of Tribuo's {@code CARTClassificationTrainer} (same features, thresholds,
 * node impurities, leaf labels and scores, bit for bit) and its grown node counts equal the counts {@link TribuoTree}
 * recovers by routing the training rows: on every bundled dataset, on random row subsets, with class weights and random
 * example weights, both impurities and several depth / child-weight / impurity-decrease settings.
 */
class CartTrainerParityTest {

    /** Every bundled dataset; the three largest on a seeded random subset (Tribuo's reference fit is the slow part). */
    static Stream<Arguments> datasets() {
        return Stream.of(
                Arguments.of("breast_cancer_wisconsin.csv", 0),
                Arguments.of("pima_diabetes.csv", 0),
                Arguments.of("german_credit.csv", 0),
                Arguments.of("credit_scoring.csv", 0),
                Arguments.of("coil2000_caravan.csv", 0),
                Arguments.of("lending_club.csv", 0),
                Arguments.of("shuttle.csv", 0),
                Arguments.of("synth50k.csv", 20_000),
                Arguments.of("fertility_census1980.csv", 30_000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void defaultTreeIsTribuosOnEveryBundledDataset(String file, int sample) {
        Table t = TestData.table(file);
        int[] rows = sample == 0 ? TreeFixtures.allRows(t) : subset(t.rows(), sample, 11L);
        MutableDataset<Label> data = TableEncoder.fit(t, rows).encode(rows);
        assertSame(CartFamily.Hyper.defaults(), data, file);
    }

    /** Settings × weighting on random two-thirds subsets of three peer datasets. */
    static Stream<Arguments> settings() {
        List<Arguments> out = new ArrayList<>();
        String[] files = {"pima_diabetes.csv", "german_credit.csv", "credit_scoring.csv"};
        List<Map<String, Object>> blocks = List.of(
                Map.of("impurity", "entropy"),
                Map.of("max-depth", 4),
                Map.of("max-depth", 7, "impurity", "entropy", "min-child-weight", 10.0),
                Map.of("min-child-weight", 25.5),
                Map.of("min-impurity-decrease", 0.002),
                Map.of("min-impurity-decrease", 0.01, "impurity", "entropy"));
        int seed = 0;
        for (String file : files) {
            for (Map<String, Object> block : blocks) {
                for (String weights : List.of("none", "balanced", "random")) {
                    out.add(Arguments.of(file, block, weights, seed++));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} weights={2}")
    @MethodSource("settings")
    void sameTreeUnderEverySetting(String file, Map<String, Object> block, String weights, int seed) {
        Table t = TestData.table(file);
        int[] rows = subset(t.rows(), t.rows() * 2 / 3, seed);
        MutableDataset<Label> data = TableEncoder.fit(t, rows).encode(rows);
        weigh(data, weights, seed);
        assertSame(
                CartFamily.Hyper.from(new Params("test.yaml", "model", block)),
                data,
                file + " " + block + " " + weights);
    }

    /**
     * Ties, -0.0 beside 0.0 (distinct values to Tribuo) and adjacent doubles (whose midpoint rounds onto one of them;
     * Tribuo datasets reject NaN): the tree is still Tribuo's; where a row's value equals a threshold, Tribuo's training
     * partition ({@code <}) and its prediction rule ({@code >}) disagree, so no counts are handed over and
     * {@link TribuoTree} routes the rows (the routed counts are the reference either way).
     */
    @ParameterizedTest(name = "{0} extra rows")
    @ValueSource(ints = {0, 2 * CartGrower.FEW_VALUES})
    void awkwardValuesGiveTribuosTreeAndRoutedCounts(int extra) {
        double a = 1.0;
        double b = Math.nextUp(a);
        double[][] x = {
            {-0.0, a},
            {0.0, b},
            {0.0, a},
            {-0.0, b},
            {4.0, a},
            {2.0, b},
            {4.0, 3.0},
            {-1.0, a},
            {0.0, b},
            {-0.0, a},
            {5.0, b},
            {4.0, b}
        };
        String[] y = {"p", "n", "p", "n", "p", "n", "n", "p", "p", "n", "p", "n"};
        MutableDataset<Label> data =
                new MutableDataset<>(new SimpleDataSourceProvenance("awkward", new LabelFactory()), new LabelFactory());
        for (int i = 0; i < x.length; i++) {
            data.add(new ArrayExample<>(new Label(y[i]), new String[] {"f0", "f1"}, x[i]));
        }
        // Extra rows with many distinct values move both features from per-value counts to presorted rows.
        for (int i = 0; i < extra; i++) {
            double[] v = {10 + 0.5 * i, 10 + (i * 7) % extra};
            data.add(new ArrayExample<>(new Label(i % 3 == 0 ? "p" : "n"), new String[] {"f0", "f1"}, v));
        }
        CartFamily.Hyper h = CartFamily.Hyper.from(new Params("test.yaml", "model", Map.of("min-child-weight", 1.0)));
        TreeModel<Label> ours = h.trainer(1L).train(data);
        assertNodesEqual(h.tribuoTrainer(1L).train(data).getRoot(), ours.getRoot(), "awkward");
        assertTrue(ours.getRoot() instanceof SplitNode, "the awkward data is split");
        if (extra == 0) {
            assertNull(GrownCounts.get(ours, data), "a threshold equal to a value: counts are routed, not handed over");
        }
        assertCountsRouted(ours, data, "awkward");
    }

    /** Random feature subsets per split are Tribuo's own code path: same tree, no counts handed over. */
    @Test
    void featureSubsetsRunTribuosTrainer() {
        Table t = TestData.table("pima_diabetes.csv");
        int[] rows = TreeFixtures.allRows(t);
        MutableDataset<Label> data = TableEncoder.fit(t, rows).encode(rows);
        CartFamily.Hyper h =
                CartFamily.Hyper.from(new Params("test.yaml", "model", Map.of("fraction-features", 0.5, "seed", 3)));
        TreeModel<Label> ours = h.trainer(1L).train(data);
        assertNodesEqual(h.tribuoTrainer(1L).train(data).getRoot(), ours.getRoot(), "fraction 0.5");
        assertNull(GrownCounts.get(ours, data), "Tribuo's trainer grew it");
        assertCountsRouted(ours, data, "fraction 0.5");
    }

    private static void assertSame(CartFamily.Hyper h, MutableDataset<Label> data, String what) {
        TreeModel<Label> tribuo = h.tribuoTrainer(5L).train(data);
        TreeModel<Label> ours = h.trainer(5L).train(data);
        assertEquals(tribuo.getFeatureIDMap(), ours.getFeatureIDMap(), what);
        assertEquals(tribuo.getOutputIDInfo(), ours.getOutputIDInfo(), what);
        assertEquals(tribuo.generatesProbabilities(), ours.generatesProbabilities(), what);
        assertNodesEqual(tribuo.getRoot(), ours.getRoot(), what);
        assertNotNull(GrownCounts.get(ours, data), what + ": the grown counts are handed over");
        assertCountsRouted(ours, data, what);
        assertEquals(
                tribuo.getProvenance().getTrainerProvenance().getConfiguredParameters(),
                ours.getProvenance().getTrainerProvenance().getConfiguredParameters(),
                what + ": same configuration in the provenance");
    }

    /** The counts TribuoTree uses for {@code ours} equal the counts from routing the rows (exactly). */
    private static void assertCountsRouted(TreeModel<Label> ours, MutableDataset<Label> data, String what) {
        FlatTree used = TribuoTree.of(ours, data, Impurity.GINI).tree();
        FlatTree routed = TribuoTree.routed(ours, data, Impurity.GINI).tree();
        assertEquals(routed.size(), used.size(), what);
        for (int i = 0; i < routed.size(); i++) {
            assertArrayEquals(routed.counts[i], used.counts[i], 0.0, what + ": counts of node " + i);
        }
        assertArrayEquals(routed.weight, used.weight, 0.0, what + ": node weights");
        assertArrayEquals(routed.impurity, used.impurity, 0.0, what + ": node impurities");
    }

    private static void assertNodesEqual(Node<Label> expected, Node<Label> actual, String path) {
        assertEquals(
                Double.doubleToLongBits(expected.getImpurity()),
                Double.doubleToLongBits(actual.getImpurity()),
                path + ": impurity " + expected.getImpurity() + " vs " + actual.getImpurity());
        if (expected instanceof SplitNode<Label> e) {
            if (!(actual instanceof SplitNode<Label> a)) {
                fail(path + ": Tribuo splits on feature " + e.getFeatureID() + " at " + e.splitValue()
                        + ", ours is a leaf");
                return;
            }
            assertEquals(e.getFeatureID(), a.getFeatureID(), path + ": feature");
            assertEquals(
                    Double.doubleToLongBits(e.splitValue()),
                    Double.doubleToLongBits(a.splitValue()),
                    path + ": threshold " + e.splitValue() + " vs " + a.splitValue());
            assertNodesEqual(e.getLessThanOrEqual(), a.getLessThanOrEqual(), path + "L");
            assertNodesEqual(e.getGreaterThan(), a.getGreaterThan(), path + "R");
        } else {
            LeafNode<Label> e = (LeafNode<Label>) expected;
            if (!(actual instanceof LeafNode<Label> a)) {
                fail(path + ": Tribuo has a leaf, ours splits");
                return;
            }
            assertEquals(e.getOutput().getLabel(), a.getOutput().getLabel(), path + ": leaf label");
            assertEquals(
                    Double.doubleToLongBits(e.getOutput().getScore()),
                    Double.doubleToLongBits(a.getOutput().getScore()),
                    path + ": leaf score");
            assertEquals(
                    List.copyOf(e.getDistribution().keySet()),
                    List.copyOf(a.getDistribution().keySet()),
                    path);
            for (Map.Entry<String, Label> d : e.getDistribution().entrySet()) {
                Label other = a.getDistribution().get(d.getKey());
                assertEquals(
                        Double.doubleToLongBits(d.getValue().getScore()),
                        Double.doubleToLongBits(other.getScore()),
                        path + ": score of " + d.getKey());
            }
        }
    }

    private static int[] subset(int n, int k, long seed) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        Random r = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        return Arrays.copyOf(perm, k);
    }

    private static void weigh(MutableDataset<Label> data, String weights, long seed) {
        if (weights.equals("balanced")) {
            TreeFixtures.balance(data);
        } else if (weights.equals("random")) {
            Random r = new Random(seed);
            for (Example<Label> e : data) {
                e.setWeight(0.1f + 2.9f * r.nextFloat());
            }
        }
    }
}
