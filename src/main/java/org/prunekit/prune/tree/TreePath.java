package org.prunekit.prune.tree;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.prunekit.eval.Probabilities;
import org.prunekit.prune.DenseFeatures;
import org.prunekit.spi.Candidate;
import org.prunekit.spi.PruningPath;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.LeafNode;

/**
 * A path of nested subtrees of one trained tree, least pruned first. Candidate {@code c} keeps node {@code t} as a
 * split iff {@code firstCollapsed[t] > c}; nesting makes this one integer per node. Candidates are real Tribuo
 * {@code TreeModel}s, built when first asked for.
 *
 * <p>{@link #scoreAll} walks each row down the full tree once and then derives every candidate's answer from the
 * previous one ({@link NestedScorer}) instead of one prediction pass per candidate. Its probability rows are shared
 * and read-only.
 */
public final class TreePath implements PruningPath {

    private final TribuoTree source;
    private final double[] strengths;
    private final int[] firstCollapsed;
    private final int[][] sizes;
    private final Map<Integer, LeafNode<Label>> leafCache = new HashMap<>();
    private final Candidate[] built;
    private final boolean mergeCandidate;

    /**
     * @param strengths      alpha of each candidate, non-decreasing, starting with 0 (the trained tree)
     * @param firstCollapsed per node, the first candidate in which it is not a split (0 for leaves); must not exceed
     *                       its parent's value
     * @param mergeCandidate whether candidate 1 is the zero-cost clean-up (merged sibling leaves), at strength 0
     */
    TreePath(TribuoTree source, double[] strengths, int[] firstCollapsed, boolean mergeCandidate) {
        this.source = source;
        this.strengths = strengths.clone();
        this.firstCollapsed = firstCollapsed.clone();
        this.mergeCandidate = mergeCandidate;
        FlatTree t = source.tree();
        for (int i = 1; i < t.size(); i++) {
            if (this.firstCollapsed[i] > this.firstCollapsed[t.parent[i]]) {
                throw new IllegalArgumentException("subtrees are not nested at node " + i);
            }
        }
        this.sizes = stats(t, this.firstCollapsed, strengths.length);
        this.built = new Candidate[strengths.length];
    }

    /** The plain weakest-link path: the trained tree, then one subtree per distinct positive alpha. */
    public static TreePath costComplexity(TribuoTree source, CostComplexityPath ccp, boolean mergeLeaves) {
        double[] strengths = ccp.candidateAlphas();
        int[] fc = ccp.firstCollapsed(source.tree(), strengths);
        if (!mergeLeaves) {
            return new TreePath(source, strengths, fc, false);
        }
        return withMerges(source, strengths, fc);
    }

    /**
     * Adds the zero-cost clean-up: candidate 1 is the trained tree with every pair of sibling leaves that predict the
     * same class as their parent merged (repeatedly, bottom-up), and every later subtree gets the same clean-up.
     * Predicted labels are unchanged; only the class probabilities of merged leaves are pooled. When nothing merges
     * (a fully grown tree has pure leaves) there is no extra candidate.
     */
    private static TreePath withMerges(TribuoTree source, double[] strengths, int[] fc) {
        FlatTree t = source.tree();
        int n = t.size();
        boolean[] split = new boolean[n];
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            split[i] = !t.isLeaf(i);
            out[i] = split[i] ? Integer.MAX_VALUE : 0;
        }
        List<Double> s = new ArrayList<>();
        s.add(0.0);
        boolean cleaned = false;
        for (int i = n - 1; i >= 0; i--) {
            if (mergeable(source, split, i)) {
                split[i] = false;
                out[i] = 1;
                cleaned = true;
            }
        }
        if (cleaned) {
            s.add(0.0);
        }
        List<List<Integer>> byCandidate = new ArrayList<>();
        for (int c = 0; c < strengths.length; c++) {
            byCandidate.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            if (!t.isLeaf(i) && fc[i] < strengths.length) {
                byCandidate.get(fc[i]).add(i);
            }
        }
        for (int c = 1; c < strengths.length; c++) {
            int next = s.size();
            boolean any = false;
            for (int v : byCandidate.get(c)) {
                if (!split[v] || !present(t, split, v)) {
                    continue;
                }
                split[v] = false;
                out[v] = next;
                any = true;
                for (int p = t.parent[v]; p >= 0 && mergeable(source, split, p); p = t.parent[p]) {
                    split[p] = false;
                    out[p] = next;
                }
            }
            if (any) {
                s.add(strengths[c]);
            }
        }
        for (int i = 1; i < n; i++) {
            out[i] = Math.min(out[i], out[t.parent[i]]);
        }
        return new TreePath(source, s.stream().mapToDouble(Double::doubleValue).toArray(), out, cleaned);
    }

    /** A split whose two children are leaves predicting the same class as the split itself would. */
    private static boolean mergeable(TribuoTree source, boolean[] split, int i) {
        FlatTree t = source.tree();
        if (!split[i] || split[t.left[i]] || split[t.right[i]]) {
            return false;
        }
        int k = predicted(source, t.left[i]);
        return k == predicted(source, t.right[i]) && k == t.majorityClass(i);
    }

    private static boolean present(FlatTree t, boolean[] split, int v) {
        for (int p = t.parent[v]; p >= 0; p = t.parent[p]) {
            if (!split[p]) {
                return false;
            }
        }
        return true;
    }

    private static int predicted(TribuoTree source, int node) {
        return source.tree().isLeaf(node)
                ? source.predictedClass(node)
                : source.tree().majorityClass(node);
    }

    /**
     * {leaves, nodes} of every candidate in O(nodes + candidates): the splits of candidate c are the nodes with
     * firstCollapsed > c (nesting makes them a rooted subtree), so leaves = splits + 1.
     */
    private static int[][] stats(FlatTree t, int[] fc, int candidates) {
        int[] splitsAt = new int[candidates + 2];
        for (int i = 0; i < t.size(); i++) {
            if (!t.isLeaf(i)) {
                splitsAt[Math.min(fc[i], candidates)]++;
            }
        }
        int[][] out = new int[candidates][];
        int splits = 0;
        for (int c = candidates - 1; c >= 0; c--) {
            splits += splitsAt[c + 1];
            out[c] = new int[] {splits + 1, 2 * splits + 1};
        }
        return out;
    }

    @Override
    public String strengthName() {
        return "alpha";
    }

    @Override
    public List<Candidate> candidates() {
        return new AbstractList<>() {
            @Override
            public Candidate get(int i) {
                return candidate(i);
            }

            @Override
            public int size() {
                return strengths.length;
            }
        };
    }

    private synchronized Candidate candidate(int c) {
        if (built[c] == null) {
            var model = c == 0
                    ? source.model()
                    : source.prune(node -> firstCollapsed[node] > c, leafCache, "cart-ccp-" + c);
            built[c] = new Candidate(strengths[c], TreeSize.of(model), model);
        }
        return built[c];
    }

    @Override
    public double[] strengths() {
        return strengths.clone();
    }

    /**
     * Geometric midpoints of consecutive alphas, sqrt(α_i · α_{i+1}) (Breiman et al. 1984, §3.4.2; rpart): the alpha
     * at which a tree grown on another fold is pruned to stand for candidate i. The last (the root alone) is
     * {@code Double.MAX_VALUE}; the clean-up candidate, if any, is {@code Double.MIN_VALUE}.
     */
    @Override
    public double[] selectionPoints() {
        int n = strengths.length;
        double[] p = new double[n];
        for (int i = 0; i < n - 1; i++) {
            if (strengths[i] == 0.0) {
                p[i] = i == 0 ? 0.0 : Double.MIN_VALUE;
            } else {
                p[i] = Math.sqrt(strengths[i]) * Math.sqrt(strengths[i + 1]);
            }
        }
        p[n - 1] = n == 1 ? 0.0 : Double.MAX_VALUE;
        return p;
    }

    /**
     * The subtree pruned at {@code alpha}: the last candidate whose alpha is {@code <= alpha}; alpha 0 is the trained
     * tree (scikit-learn's {@code ccp_alpha = 0}: no pruning).
     */
    @Override
    public Candidate at(double alpha) {
        return candidate(indexAt(alpha));
    }

    /** Index of {@link #at(double)}'s candidate. */
    public int indexAt(double alpha) {
        if (!(alpha >= 0)) {
            throw new IllegalArgumentException("ccp alpha must be >= 0 but was " + alpha);
        }
        if (alpha == 0.0) {
            return 0;
        }
        int i = 0;
        while (i + 1 < strengths.length && strengths[i + 1] <= alpha) {
            i++;
        }
        return i;
    }

    /** Number of leaves of each candidate. */
    public int[] leaves() {
        return Arrays.stream(sizes).mapToInt(s -> s[0]).toArray();
    }

    /**
     * Total leaf risk {@code R(T_c) = sum over leaves t of T_c of R(t)} of each candidate, in the risk the path was
     * built with (scikit-learn's {@code impurities}). Node t is a leaf of candidate c when its parent is a split of c
     * ({@code c < firstCollapsed[parent]}) and t itself is not ({@code c >= firstCollapsed[t]}, 0 at leaves).
     */
    public double[] impurities() {
        FlatTree t = source.tree();
        double[] risk = t.risk();
        double[] out = new double[strengths.length];
        for (int i = 0; i < t.size(); i++) {
            int presentUntil = i == 0 ? strengths.length : Math.min(strengths.length, firstCollapsed[t.parent(i)]);
            int splitUntil = t.isLeaf(i) ? 0 : Math.min(firstCollapsed[i], strengths.length);
            for (int c = splitUntil; c < presentUntil; c++) {
                out[c] += risk[i];
            }
        }
        return out;
    }

    /** Whether candidate 1 is the merged-leaves clean-up of the trained tree. */
    public boolean hasMergeCandidate() {
        return mergeCandidate;
    }

    /** The cp table (alpha, leaves, nodes); cross-validation columns are NaN until {@link CpTable#withCv}. */
    public CpTable cpTable() {
        int n = strengths.length;
        double[] nan = new double[n];
        Arrays.fill(nan, Double.NaN);
        return new CpTable(
                strengths, leaves(), Arrays.stream(sizes).mapToInt(s -> s[1]).toArray(), nan, nan);
    }

    /** The trained tree with its recovered counts. */
    public TribuoTree source() {
        return source;
    }

    /** Per node, the first candidate index in which it is not a split (0 at leaves). */
    public int[] firstCollapsed() {
        return firstCollapsed.clone();
    }

    @Override
    public void scoreAll(Dataset<Label> data, List<String> classes, CandidateScores sink) {
        FlatTree t = source.tree();
        int n = t.size();
        double[][] nodeProbs = new double[n][];
        for (int i = 0; i < n; i++) {
            if (t.isLeaf(i) || firstCollapsed[i] < strengths.length) {
                nodeProbs[i] = Probabilities.row(source.distribution(i), classes);
            }
        }
        ImmutableFeatureMap fmap = source.model().getFeatureIDMap();
        int rows = data.size();
        int[] at = new int[rows];
        double[] x = new double[fmap.size()];
        int r = 0;
        for (Example<Label> e : data) {
            DenseFeatures.fill(e, fmap, x);
            int node = 0;
            while (t.left[node] >= 0) {
                node = x[t.feature[node]] > t.threshold[node] ? t.right[node] : t.left[node];
            }
            at[r++] = node;
            DenseFeatures.clear(e, fmap, x);
        }
        NestedScorer.scoreAll(t, firstCollapsed, strengths.length, nodeProbs, at, sink);
    }

    /**
     * One {@link #scoreAll} pass, each candidate's matrix handed to the points that stand for it ({@link #indexAt});
     * no candidate model is built and only the current candidate's matrix is alive.
     */
    @Override
    public void scoreAt(double[] points, Dataset<Label> data, List<String> classes, CandidateScores sink) {
        List<List<Integer>> pointsOf = new ArrayList<>();
        for (int c = 0; c < strengths.length; c++) {
            pointsOf.add(new ArrayList<>(1));
        }
        for (int i = 0; i < points.length; i++) {
            pointsOf.get(indexAt(points[i])).add(i);
        }
        scoreAll(data, classes, (c, probs) -> pointsOf.get(c).forEach(i -> sink.accept(i, probs)));
    }
}
