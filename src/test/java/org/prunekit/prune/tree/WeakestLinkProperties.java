package org.prunekit.prune.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.prunekit.eval.Probabilities;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Properties of the weakest-link path on random trees and on CART trees grown on random data. */
class WeakestLinkProperties {

    /** The heap version equals scikit-learn's quadratic scan (written out independently below), bit for bit. */
    @Property(tries = 300, seed = "20261127")
    void heapEqualsTheQuadraticScan(@ForAll long seed, @ForAll @IntRange(min = 2, max = 3) int classes) {
        FlatTree t = randomTree(new Random(seed), classes);
        double[] risk = t.risk();
        CostComplexityPath got = WeakestLink.path(t, risk);
        Object[] want = scan(t, risk);
        assertArrayEquals((double[]) want[0], got.alphas());
        assertArrayEquals((double[]) want[1], got.impurities());
        assertArrayEquals((int[]) want[2], got.prunedNodes());
    }

    @Property(tries = 300, seed = "20261127")
    void alphasRiseSubtreesNestLeavesShrink(@ForAll long seed, @ForAll @IntRange(min = 2, max = 3) int classes) {
        FlatTree t = randomTree(new Random(seed), classes);
        double[] risk = t.risk();
        CostComplexityPath p = WeakestLink.path(t, risk);
        double[] a = p.alphas();
        for (int i = 1; i < a.length; i++) {
            // up to rounding noise: a split that does not lower the impurity can get alpha = -1e-17
            assertTrue(a[i] >= a[i - 1] - 1e-12 * Math.abs(a[i - 1]) - 1e-15, "alphas non-decreasing at " + i);
        }
        double[] d = Arrays.stream(p.distinctAlphas()).filter(x -> x >= 0).toArray();
        int prevLeaves = Integer.MAX_VALUE;
        for (int j = 0; j < d.length; j++) {
            int leaves = p.statsAt(t, risk, d[j]).leaves();
            if (d[j] > 0 || j == 0) {
                assertTrue(leaves < prevLeaves, "leaves strictly decrease at alpha " + d[j]);
            }
            prevLeaves = leaves;
            if (j > 0) {
                for (int node = 0; node < t.size(); node++) {
                    if (p.isSplitAt(t, node, d[j])) {
                        assertTrue(p.isSplitAt(t, node, d[j - 1]), "nested: node " + node);
                    }
                }
            }
        }
        double top = d[d.length - 1];
        if (top > 0) {
            // (sklearn semantics: pruning at a stops at the first step above a, so use the largest alpha)
            assertEquals(1, p.statsAt(t, risk, top).leaves(), "the largest alpha leaves the root alone");
        }
    }

    /** CART grown on random weighted data: the candidates are nested, shrink, and score as they predict. */
    @Property(tries = 10, seed = "20261127")
    void cartOnRandomData(@ForAll long seed) {
        Random rng = new Random(seed);
        LabelFactory f = new LabelFactory();
        List<Example<Label>> ex = new ArrayList<>();
        String[] names = {"a", "b", "c"};
        for (int i = 0; i < 80; i++) {
            double[] x = {rng.nextInt(7), rng.nextGaussian(), rng.nextInt(3) + 1};
            String y = x[0] + rng.nextGaussian() * 2 > 3 ? "yes" : (rng.nextInt(4) == 0 ? "maybe" : "no");
            ArrayExample<Label> e = new ArrayExample<>(f.generateOutput(y), names, x);
            e.setWeight(0.5f + rng.nextInt(3));
            ex.add(e);
        }
        MutableDataset<Label> data =
                new MutableDataset<>(new ListDataSource<>(ex, f, new SimpleDataSourceProvenance("random", f)));
        @SuppressWarnings("unchecked")
        TreeModel<Label> shallow = (TreeModel<Label>) new CartFamily.Hyper(4, 6f, 0f, Impurity.GINI, 1f, null)
                .trainer(seed)
                .train(data);
        for (TreeModel<Label> model : List.of(TreeFixtures.cart(data, seed), shallow))
            for (Impurity risk : Impurity.values())
                for (boolean merge : new boolean[] {false, true}) {
                    TreePath path = new CostComplexityPruning(new CostComplexityPruning.Options(risk, merge))
                            .path(model, data, null);
                    int[] leaves = path.leaves();
                    for (int i = 1; i < leaves.length; i++) {
                        assertTrue(leaves[i] < leaves[i - 1], risk + ": leaves decrease at " + i);
                    }
                    double[] s = path.strengths();
                    for (int i = 1; i < s.length; i++) {
                        assertTrue(s[i] >= s[i - 1], risk + ": alphas non-decreasing");
                    }
                    int[] fc = path.firstCollapsed();
                    FlatTree t = path.source().tree();
                    for (int i = 1; i < t.size(); i++) {
                        assertTrue(fc[i] <= fc[t.parent(i)], "nested");
                    }
                    List<String> classes = List.of("maybe", "no", "yes");
                    int[] seen = {0};
                    path.scoreAll(data, classes, (c, probs) -> {
                        assertEquals(seen[0]++, c);
                        var model2 = path.candidates().get(c).model();
                        assertEquals(
                                leaves[c],
                                TreeSize.of(model2).details().get("leaves").intValue(),
                                "leaves of " + c);
                        assertEquals(
                                path.cpTable().nodes()[c],
                                TreeSize.of(model2).details().get("nodes").intValue());
                        double[][] want = Probabilities.of(model2, data, classes);
                        for (int r = 0; r < want.length; r++) {
                            assertArrayEquals(want[r], probs[r], 0.0);
                        }
                    });
                    assertEquals(leaves.length, seen[0]);
                    if (merge && path.hasMergeCandidate()) {
                        List<Prediction<Label>> a = model.predict(data);
                        List<Prediction<Label>> b =
                                path.candidates().get(1).model().predict(data);
                        for (int r = 0; r < a.size(); r++) {
                            assertEquals(
                                    a.get(r).getOutput().getLabel(),
                                    b.get(r).getOutput().getLabel(),
                                    "merge keeps labels");
                        }
                    }
                }
    }

    /** A random binary tree with integer weighted counts at the leaves (ties in alpha are frequent). */
    static FlatTree randomTree(Random rng, int classes) {
        List<int[]> children = new ArrayList<>();
        List<double[]> counts = new ArrayList<>();
        grow(rng, classes, 0, children, counts);
        int n = children.size();
        int[] l = new int[n];
        int[] r = new int[n];
        int[] feat = new int[n];
        double[] th = new double[n];
        double[][] c = new double[n][];
        double[] w = new double[n];
        double[] imp = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = children.get(i)[0];
            r[i] = children.get(i)[1];
            feat[i] = l[i] < 0 ? -2 : 0;
            th[i] = l[i] < 0 ? -2 : i;
            c[i] = counts.get(i);
            for (double v : c[i]) {
                w[i] += v;
            }
            imp[i] = Impurity.GINI.of(c[i]);
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            names.add("c" + k);
        }
        return new FlatTree(l, r, feat, th, c, w, imp, names);
    }

    private static int grow(Random rng, int classes, int depth, List<int[]> children, List<double[]> counts) {
        int id = children.size();
        children.add(new int[] {-1, -1});
        counts.add(null);
        if (depth < 7 && rng.nextDouble() < (depth == 0 ? 1.0 : 0.7)) {
            int a = grow(rng, classes, depth + 1, children, counts);
            int b = grow(rng, classes, depth + 1, children, counts);
            children.set(id, new int[] {a, b});
            double[] sum = new double[classes];
            for (int k = 0; k < classes; k++) {
                sum[k] = counts.get(a)[k] + counts.get(b)[k];
            }
            counts.set(id, sum);
        } else {
            double[] c = new double[classes];
            double scale = rng.nextBoolean() ? 1.0 : 0.7;
            for (int k = 0; k < classes; k++) {
                c[k] = rng.nextInt(6) * scale;
            }
            c[rng.nextInt(classes)] += 1;
            counts.set(id, c);
        }
        return id;
    }

    /** scikit-learn's loop as described in the reference README: a full scan for the minimum every step. */
    static Object[] scan(FlatTree t, double[] risk) {
        int n = t.size();
        double[] rb = new double[n];
        int[] nl = new int[n];
        for (int leaf = 0; leaf < n; leaf++) {
            if (t.isLeaf(leaf)) {
                rb[leaf] = risk[leaf];
                for (int a = t.parent(leaf); a >= 0; a = t.parent(a)) {
                    rb[a] += risk[leaf];
                    nl[a]++;
                }
            }
        }
        boolean[] cand = new boolean[n];
        boolean[] in = new boolean[n];
        for (int i = 0; i < n; i++) {
            cand[i] = !t.isLeaf(i);
            in[i] = true;
        }
        List<Double> alphas = new ArrayList<>(List.of(0.0));
        List<Double> imps = new ArrayList<>(List.of(rb[0]));
        List<Integer> pruned = new ArrayList<>(List.of(-1));
        while (cand[0]) {
            double best = Double.MAX_VALUE;
            int bi = -1;
            for (int i = 0; i < n; i++) {
                if (cand[i]) {
                    double g = (risk[i] - rb[i]) / (nl[i] - 1);
                    if (g < best) {
                        best = g;
                        bi = i;
                    }
                }
            }
            List<Integer> stack = new ArrayList<>(List.of(bi));
            while (!stack.isEmpty()) {
                int d = stack.remove(stack.size() - 1);
                if (!in[d]) {
                    continue;
                }
                cand[d] = false;
                in[d] = false;
                if (!t.isLeaf(d)) {
                    stack.add(t.left(d));
                    stack.add(t.right(d));
                }
            }
            in[bi] = true;
            int np = nl[bi] - 1;
            nl[bi] = 0;
            double diff = risk[bi] - rb[bi];
            rb[bi] = risk[bi];
            for (int a = t.parent(bi); a >= 0; a = t.parent(a)) {
                nl[a] -= np;
                rb[a] += diff;
            }
            alphas.add(best);
            imps.add(rb[0]);
            pruned.add(bi);
        }
        return new Object[] {
            alphas.stream().mapToDouble(Double::doubleValue).toArray(),
            imps.stream().mapToDouble(Double::doubleValue).toArray(),
            pruned.stream().mapToInt(Integer::intValue).toArray()
        };
    }
}
