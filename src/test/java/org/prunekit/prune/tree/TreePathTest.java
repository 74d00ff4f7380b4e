package org.prunekit.prune.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.prunekit.eval.Probabilities;
import org.prunekit.prune.DenseFeatures;
import org.prunekit.spi.Candidate;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.TreeModel;

class TreePathTest {

    static MutableDataset<Label> data;
    static TreeModel<Label> model;
    static TreePath path;
    static final List<String> CLASSES = List.of("B", "M");

    @BeforeAll
    static void grow() {
        int[] rows = TreeFixtures.allRows(TreeFixtures.BREAST);
        data = TreeFixtures.encode(TreeFixtures.BREAST, rows, rows);
        model = TreeFixtures.cart(data, 1L);
        path = new CostComplexityPruning(CostComplexityPruning.Options.defaults()).path(model, data, null);
    }

    @Test
    void recoveredCountsMatchTheData() {
        FlatTree t = path.source().tree();
        assertArrayEquals(new double[] {357, 212}, t.counts(0), "root counts = class counts of breast cancer");
        for (int i = 0; i < t.size(); i++) {
            if (!t.isLeaf(i)) {
                double[] l = t.counts(t.left(i));
                double[] r = t.counts(t.right(i));
                double[] c = t.counts(i);
                for (int k = 0; k < c.length; k++) {
                    assertEquals(c[k], l[k] + r[k], 1e-9, "counts add up at node " + i);
                }
            }
        }
        // a fully grown tree on distinct rows: every leaf is pure, so its distribution equals Tribuo's
        for (int i = 0; i < t.size(); i++) {
            if (t.isLeaf(i)) {
                double[] c = t.counts(i);
                assertTrue(c[0] == 0 || c[1] == 0, "leaf " + i + " is pure");
            }
        }
    }

    @Test
    void exampleWeightsReachTheCounts() {
        int[] rows = TreeFixtures.allRows(TreeFixtures.BREAST);
        MutableDataset<Label> weighted = TreeFixtures.encode(TreeFixtures.BREAST, rows, rows);
        TreeFixtures.balance(weighted);
        TribuoTree t = TribuoTree.of(model, weighted, Impurity.GINI);
        double[] root = t.tree().counts(0);
        assertEquals(569 / 2.0, root[0], 1e-3);
        assertEquals(569 / 2.0, root[1], 1e-3);
        assertEquals(0.5, t.tree().impurity(0), 1e-6);
    }

    @Test
    void leavesStrictlyDecreaseAndEndAtTheRoot() {
        int[] leaves = path.leaves();
        assertEquals(TreeSize.of(model).details().get("leaves").intValue(), leaves[0]);
        for (int i = 1; i < leaves.length; i++) {
            assertTrue(leaves[i] < leaves[i - 1], "leaves decrease at " + i);
        }
        assertEquals(1, leaves[leaves.length - 1]);
        double[] s = path.strengths();
        assertEquals(0.0, s[0]);
        for (int i = 1; i < s.length; i++) {
            assertTrue(s[i] > s[i - 1]);
        }
    }

    @Test
    void selectionPointsMapBackToTheirCandidate() {
        double[] p = path.selectionPoints();
        double[] s = path.strengths();
        for (int i = 0; i < p.length; i++) {
            assertEquals(i, path.indexAt(p[i]), "point " + p[i]);
            if (i > 0 && i < p.length - 1) {
                assertEquals(Math.sqrt(s[i] * s[i + 1]), p[i], 1e-12 * p[i]);
            }
        }
        assertEquals(0, path.indexAt(0.0));
        assertThrows(IllegalArgumentException.class, () -> path.at(-1e-3));
    }

    /** Each candidate predicts what the full tree predicts when a row stops at the first collapsed node. */
    @Test
    void prunedTreesPredictAsTheFullTreeWithCollapsedBranches() {
        FlatTree t = path.source().tree();
        int[] fc = path.firstCollapsed();
        int n = path.candidates().size();
        for (int c : new int[] {0, 1, n / 3, n / 2, n - 2, n - 1}) {
            Model<Label> m = path.candidates().get(c).model();
            int row = 0;
            for (Example<Label> e : data) {
                double[] x = dense(e);
                int node = 0;
                while (!t.isLeaf(node) && fc[node] > c) {
                    node = x[t.feature(node)] > t.threshold(node) ? t.right(node) : t.left(node);
                }
                Prediction<Label> p = m.predict(e);
                if (!t.isLeaf(node)) {
                    double[] cnt = t.counts(node);
                    double w = cnt[0] + cnt[1];
                    assertEquals(cnt[0] / w, p.getOutputScores().get("B").getScore(), 1e-15, "row " + row);
                    assertEquals(
                            CLASSES.get(t.majorityClass(node)), p.getOutput().getLabel());
                } else {
                    Prediction<Label> full = model.predict(e);
                    assertEquals(full.getOutput().getLabel(), p.getOutput().getLabel());
                    assertEquals(
                            full.getOutputScores().get("B").getScore(),
                            p.getOutputScores().get("B").getScore());
                }
                row++;
            }
        }
    }

    private static double[] dense(Example<Label> e) {
        double[] x = new double[model.getFeatureIDMap().size()];
        DenseFeatures.fill(e, model.getFeatureIDMap(), x);
        return x;
    }

    @Test
    void scoreAllEqualsPredictingEachCandidate() {
        List<double[][]> got = new ArrayList<>();
        path.scoreAll(data, CLASSES, (c, probs) -> {
            assertEquals(got.size(), c);
            got.add(probs);
        });
        assertEquals(path.candidates().size(), got.size());
        for (int c = 0; c < got.size(); c++) {
            double[][] want = Probabilities.of(path.candidates().get(c).model(), data, CLASSES);
            for (int r = 0; r < want.length; r++) {
                assertArrayEquals(want[r], got.get(c)[r], 0.0, "candidate " + c + " row " + r);
            }
        }
    }

    @Test
    void scoreAtGivesEachPointTheProbabilitiesOfItsCandidate() {
        double[] sel = path.selectionPoints();
        double[] points = new double[sel.length + 3];
        System.arraycopy(sel, 0, points, 0, sel.length);
        points[sel.length] = 0.0; // the full tree again, out of order
        points[sel.length + 1] = sel[sel.length / 2]; // a repeat
        points[sel.length + 2] = path.strengths()[1]; // exactly on a strength: that candidate
        double[][][] got = new double[points.length][][];
        path.scoreAt(points, data, CLASSES, (i, probs) -> {
            assertEquals(null, got[i], "point " + i + " scored twice");
            got[i] = probs;
        });
        for (int i = 0; i < points.length; i++) {
            double[][] want = Probabilities.of(path.at(points[i]).model(), data, CLASSES);
            for (int r = 0; r < want.length; r++) {
                assertArrayEquals(want[r], got[i][r], 0.0, "point " + i + " row " + r);
            }
        }
    }

    @Test
    void candidatesAreSavableTreeModelsWithProbabilities() throws Exception {
        Candidate c = path.candidates().get(path.candidates().size() / 2);
        TreeModel<Label> m = (TreeModel<Label>) c.model();
        assertTrue(m.generatesProbabilities());
        assertNotSame(model, m);
        Model<?> back = Model.deserialize(m.serialize());
        @SuppressWarnings("unchecked")
        Model<Label> loaded = (Model<Label>) back;
        assertTrue(back instanceof TreeModel);
        double[][] a = Probabilities.of(m, data, CLASSES);
        double[][] b = Probabilities.of(loaded, data, CLASSES);
        for (int r = 0; r < a.length; r++) {
            assertArrayEquals(a[r], b[r], 0.0);
        }
        assertEquals(
                c.size().details().get("leaves").intValue(),
                path.leaves()[path.candidates().size() / 2]);
        long leaves = c.size().details().get("leaves").longValue();
        assertEquals(2 * (leaves - 1) + 2 * leaves, c.size().parameters());
    }

    @Test
    void trainedModelIsNotMutated() {
        int before = model.countNodes(model.getRoot());
        path.candidates().forEach(Candidate::model);
        assertEquals(before, model.countNodes(model.getRoot()));
        assertEquals(
                before,
                TreeSize.of(path.candidates().get(0).model())
                        .details()
                        .get("nodes")
                        .intValue());
    }

    @Test
    void mergeLeavesKeepsEveryPredictedLabel() {
        assertTrue(
                !new CostComplexityPruning(new CostComplexityPruning.Options(Impurity.GINI, true))
                        .path(model, data, null)
                        .hasMergeCandidate(),
                "pure leaves of a full tree never merge");
        @SuppressWarnings("unchecked")
        TreeModel<Label> shallow = (TreeModel<Label>) new CartFamily.Hyper(6, 20f, 0f, Impurity.GINI, 1f, null)
                .trainer(3L)
                .train(data);
        TreePath merged = new CostComplexityPruning(new CostComplexityPruning.Options(Impurity.GINI, true))
                .path(shallow, data, null);
        assertTrue(merged.hasMergeCandidate());
        int[] leaves = merged.leaves();
        assertTrue(
                leaves[1] < leaves[0],
                "the clean-up merges something on breast cancer: " + leaves[0] + " -> " + leaves[1]);
        List<Prediction<Label>> full = shallow.predict(data);
        List<Prediction<Label>> clean = merged.candidates().get(1).model().predict(data);
        for (int r = 0; r < full.size(); r++) {
            assertEquals(
                    full.get(r).getOutput().getLabel(), clean.get(r).getOutput().getLabel(), "row " + r);
        }
        for (int i = 2; i < leaves.length; i++) {
            assertTrue(leaves[i] < leaves[i - 1]);
        }
        assertEquals(1, merged.indexAt(merged.selectionPoints()[1]));
        List<double[][]> got = new ArrayList<>();
        merged.scoreAll(data, CLASSES, (c, probs) -> got.add(probs));
        double[][] want = Probabilities.of(merged.candidates().get(1).model(), data, CLASSES);
        for (int r = 0; r < want.length; r++) {
            assertArrayEquals(want[r], got.get(1)[r], 0.0);
        }
    }

    @Test
    void cpTableHasOneRowPerCandidate() {
        CpTable t = path.cpTable();
        assertArrayEquals(path.strengths(), t.alpha());
        assertArrayEquals(path.leaves(), t.leaves());
        assertTrue(Double.isNaN(t.cvMean()[0]));
        for (int i = 0; i < t.leaves().length; i++) {
            assertEquals(2 * t.leaves()[i] - 1, t.nodes()[i]);
        }
    }
}
