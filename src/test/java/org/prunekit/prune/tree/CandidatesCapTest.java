package org.prunekit.prune.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.prunekit.spi.ParamException;
import org.prunekit.spi.PathTable;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.TreeModel;

/**
 * {@code candidates: N} for cost-complexity: the capped path offers at most N subtrees of the full weakest-link
 * sequence (the trained tree, the root, the rest spread in log-alpha), each the same subtree with the same selection
 * point and the same probabilities as in the full path, and still lists every step ({@link TreePath#fullPath()}).
 */
class CandidatesCapTest {

    static MutableDataset<Label> data;
    static MutableDataset<Label> other;
    static TreePath full;
    static final List<String> CLASSES = List.of("B", "M");

    @BeforeAll
    static void grow() {
        int[] rows = TreeFixtures.allRows(TreeFixtures.BREAST);
        data = TreeFixtures.encode(TreeFixtures.BREAST, rows, rows);
        TreeModel<Label> model = TreeFixtures.cart(data, 1L);
        full = new CostComplexityPruning(CostComplexityPruning.Options.defaults()).path(model, data, null);
        int[] half = Arrays.copyOf(rows, rows.length / 2);
        other = TreeFixtures.encode(TreeFixtures.BREAST, rows, half);
    }

    private static TreePath capped(int n) {
        Impurity gini = CartFamily.Hyper.defaults().impurity();
        return new CostComplexityPruning(new CostComplexityPruning.Options(gini, false, n))
                .path(full.source().model(), data, null);
    }

    @Test
    void keepsTheTreeTheRootAndAtMostNSubtreesOfTheFullPath() {
        int steps = full.candidates().size();
        assertTrue(steps > 8, "the breast-cancer tree has a path worth capping: " + steps);
        TreePath p = capped(6);
        int[] kept = p.steps();
        assertTrue(kept.length <= 6 && kept.length >= 3, Arrays.toString(kept));
        assertEquals(0, kept[0], "the trained tree");
        assertEquals(steps - 1, kept[kept.length - 1], "the root alone");
        assertEquals(1, kept[1], "the first positive alpha (the first log-alpha target)");
        double[] fullAlpha = full.strengths();
        double[] fullPoints = full.selectionPoints();
        int[] fullLeaves = full.leaves();
        for (int i = 0; i < kept.length; i++) {
            assertEquals(fullAlpha[kept[i]], p.strengths()[i], "alpha of candidate " + i);
            assertEquals(fullPoints[kept[i]], p.selectionPoints()[i], "selection point of candidate " + i);
            assertEquals(fullLeaves[kept[i]], p.leaves()[i], "leaves of candidate " + i);
            assertEquals(
                    TreeSize.of(full.candidates().get(kept[i]).model()),
                    TreeSize.of(p.candidates().get(i).model()),
                    "the same subtree as step " + kept[i]);
        }
    }

    @Test
    void targetsAreEvenInLogAlphaAndFillTheCap() {
        // the kept steps are the subtrees pruned at m targets a_lo (a_root / a_lo)^(k / m), for an m that keeps at
        // most n distinct subtrees while m + 1 targets would keep more
        double[] a = full.strengths();
        int steps = a.length;
        for (int n : new int[] {4, 7, steps - 1}) {
            int[] got = capped(n).steps();
            assertTrue(got.length <= n, "n = " + n);
            int found = -1;
            for (int m = n - 2; m < 64 * steps && found < 0; m++) {
                if (Arrays.equals(targets(a, m), got) && targets(a, m + 1).length > n) {
                    found = m;
                }
            }
            assertTrue(found >= 0, "n = " + n + ": " + Arrays.toString(got) + " is not a filled log-alpha spread");
            assertEquals(n, got.length, "on this path the cap is filled exactly, n = " + n);
        }
    }

    private static int[] targets(double[] a, int m) {
        int steps = a.length;
        List<Integer> want = new ArrayList<>(List.of(0, steps - 1));
        for (int k = 0; k < m; k++) {
            double target = a[1] * Math.pow(a[steps - 1] / a[1], k / (double) m);
            int at = 1;
            while (at + 1 < steps && a[at + 1] <= target * (1 + 1e-12)) {
                at++;
            }
            want.add(at);
        }
        return want.stream().distinct().sorted().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void scoresEqualTheFullPathsAtTheSameSteps() {
        TreePath p = capped(5);
        int[] kept = p.steps();
        Map<Integer, double[][]> fullProbs = new HashMap<>();
        full.scoreAll(other, CLASSES, (c, probs) -> fullProbs.put(c, probs));
        int[] seen = new int[kept.length];
        p.scoreAll(other, CLASSES, (i, probs) -> {
            seen[i]++;
            assertArrayEquals(fullProbs.get(kept[i]), probs, "candidate " + i + " = step " + kept[i]);
        });
        assertArrayEquals(ones(kept.length), seen, "every candidate scored once");
        // inner scoring stands for a candidate by the exact subtree at its point, capped or not
        double[] points = full.selectionPoints();
        Map<Integer, double[][]> fullAt = new HashMap<>();
        full.scoreAt(points, other, CLASSES, (i, probs) -> fullAt.put(i, probs));
        Map<Integer, double[][]> cappedAt = new HashMap<>();
        p.scoreAt(points, other, CLASSES, (i, probs) -> cappedAt.put(i, probs));
        assertEquals(points.length, cappedAt.size());
        for (int i = 0; i < points.length; i++) {
            assertArrayEquals(fullAt.get(i), cappedAt.get(i), "point " + i);
        }
    }

    @Test
    void theFullTableListsEveryStep() {
        assertNull(full.fullPath(), "an uncapped path is its own table");
        TreePath p = capped(4);
        PathTable t = p.fullPath();
        assertArrayEquals(full.strengths(), t.strength());
        assertArrayEquals(
                Arrays.stream(full.leaves()).asDoubleStream().toArray(),
                t.details().get("leaves"));
        assertArrayEquals(p.steps(), t.candidateStep());
        int[] of = t.candidateOfStep();
        assertEquals(p.steps().length, Arrays.stream(of).filter(c -> c >= 0).count());
    }

    @Test
    void aShortPathIsNotCappedAndTooSmallACapIsAnError() {
        int steps = full.candidates().size();
        assertSame(full, full.spread(steps));
        assertEquals(steps, capped(steps + 10).candidates().size());
        Impurity gini = CartFamily.Hyper.defaults().impurity();
        ParamException e = assertThrows(ParamException.class, () -> new CostComplexityPruning.Options(gini, false, 2));
        assertEquals("candidates", e.key());
    }

    @Test
    void theMergeCleanUpStaysACandidate() {
        @SuppressWarnings("unchecked")
        TreeModel<Label> shallow = (TreeModel<Label>) new CartFamily.Hyper(6, 20f, 0f, Impurity.GINI, 1f, null)
                .trainer(3L)
                .train(data);
        TreePath merged = new CostComplexityPruning(new CostComplexityPruning.Options(Impurity.GINI, true))
                .path(shallow, data, null);
        assertTrue(merged.hasMergeCandidate() && merged.candidates().size() > 4, "a path with a clean-up to cap");
        TreePath p = merged.spread(4);
        assertTrue(p.hasMergeCandidate());
        assertArrayEquals(new int[] {0, 1}, Arrays.copyOf(p.steps(), 2));
        assertEquals(merged.selectionPoints()[1], p.selectionPoints()[1]);
    }

    private static int[] ones(int n) {
        int[] out = new int[n];
        Arrays.fill(out, 1);
        return out;
    }
}
