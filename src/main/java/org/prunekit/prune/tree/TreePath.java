package org.prunekit.prune.tree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.prunekit.eval.Probabilities;
import org.prunekit.prune.DenseFeatures;
import org.prunekit.spi.Candidate;
import org.prunekit.spi.FullPath;
import org.prunekit.spi.LazyCandidates;
import org.prunekit.spi.PathTable;
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
public final class TreePath implements PruningPath, FullPath {

    /** The fewest candidates {@link #spread} keeps: the trained tree, the clean-up (if any) and the root. */
    public static final int MIN_SPREAD = 3;

    private final TribuoTree source;
    private final double[] strengths;
    private final int[] firstCollapsed;
    private final int[][] sizes;
    private final Map<Integer, LeafNode<Label>> leafCache = new HashMap<>();
    private final LazyCandidates built;
    private final boolean mergeCandidate;
    /** The steps of the full path offered as candidates, ascending; every step unless capped ({@link #spread}). */
    private final int[] keep;

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
        this.built = new LazyCandidates(strengths.length, this::build);
        this.keep = IntStream.range(0, strengths.length).toArray();
    }

    /** The same full path offering only the steps {@code keep} (ascending) as candidates. */
    private TreePath(TreePath full, int[] keep) {
        this.source = full.source;
        this.strengths = full.strengths;
        this.firstCollapsed = full.firstCollapsed;
        this.mergeCandidate = full.mergeCandidate;
        this.sizes = full.sizes;
        this.built = new LazyCandidates(strengths.length, this::build);
        this.keep = keep;
    }

    /**
     * This path with at most {@code n} candidates spread evenly in log-alpha over it; the full weakest-link sequence
     * stays available ({@link #fullCpTable()}, {@link #at}). Always kept: the trained tree (step 0), the
     * merged-leaves clean-up if any (step 1) and the root alone (the last step). The others are, for the targets
     * {@code a_k = a_lo (a_root / a_lo)^(k / m)}, k = 0..m−1, evenly spaced in log between the smallest positive
     * alpha {@code a_lo} and the root's alpha, the subtree pruned at {@code a_k} ({@link #indexAt}). Where alphas are
     * sparse (near the root) several targets give the same subtree, which is kept once; so {@code m} is the largest
     * number of targets (found by bisection, from {@code n − kept}) that keeps at most {@code n} distinct subtrees.
     * A path of at most {@code n} steps is returned unchanged.
     *
     * @param n at least {@link #MIN_SPREAD}
     */
    public TreePath spread(int n) {
        int steps = strengths.length;
        if (n < MIN_SPREAD) {
            throw new IllegalArgumentException("a capped path keeps at least " + MIN_SPREAD + " candidates, not " + n);
        }
        if (keep.length != steps) {
            throw new IllegalStateException("path is already capped");
        }
        if (steps <= n) {
            return this;
        }
        int fixed = mergeCandidate ? 3 : 2;
        int lo = Math.max(0, n - fixed);
        int hi = Math.max(lo, 64 * steps);
        int[] best = spreadSteps(lo);
        while (lo < hi) {
            int mid = lo + (hi - lo + 1) / 2;
            int[] k = spreadSteps(mid);
            if (k.length <= n) {
                lo = mid;
                best = k;
            } else {
                hi = mid - 1;
            }
        }
        return new TreePath(this, best);
    }

    /** The fixed steps and the subtrees at {@code m} targets evenly spaced in log-alpha, ascending and distinct. */
    private int[] spreadSteps(int m) {
        int steps = strengths.length;
        TreeSet<Integer> out = new TreeSet<>();
        out.add(0);
        if (mergeCandidate) {
            out.add(1);
        }
        int first = out.size();
        out.add(steps - 1);
        double lo = Math.log(strengths[first]);
        double hi = Math.log(strengths[steps - 1]);
        for (int k = 0; k < m; k++) {
            double a = Math.min(Math.exp(lo + (hi - lo) * k / m), strengths[steps - 1]);
            out.add(Math.max(first, indexAt(a)));
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The step of the full path each candidate is, ascending ({@code 0, 1, 2, ...} unless {@link #spread}). */
    public int[] steps() {
        return keep.clone();
    }

    /** Every step of the weakest-link sequence with its leaves and nodes, when {@link #spread} left some out. */
    @Override
    public PathTable fullPath() {
        if (keep.length == strengths.length) {
            return null;
        }
        CpTable t = fullCpTable();
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("leaves", Arrays.stream(t.leaves()).asDoubleStream().toArray());
        cols.put("nodes", Arrays.stream(t.nodes()).asDoubleStream().toArray());
        return new PathTable(t.alpha(), cols, keep);
    }

    private double[] pick(double[] full) {
        return Arrays.stream(keep).mapToDouble(i -> full[i]).toArray();
    }

    private int[] pick(int[] full) {
        return Arrays.stream(keep).map(i -> full[i]).toArray();
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
        return built.pick(keep);
    }

    /** Step {@code c} of the full path as a candidate (its subtree built by collapsing the nodes pruned by then). */
    private Candidate build(int c) {
        var model =
                c == 0 ? source.model() : source.prune(node -> firstCollapsed[node] > c, leafCache, "cart-ccp-" + c);
        return new Candidate(strengths[c], TreeSize.of(model), model);
    }

    @Override
    public double[] strengths() {
        return pick(strengths);
    }

    /**
     * Geometric midpoints of consecutive alphas, sqrt(α_i · α_{i+1}) (Breiman et al. 1984, §3.4.2; rpart): the alpha
     * at which a tree grown on another fold is pruned to stand for candidate i. The last (the root alone) is
     * {@code Double.MAX_VALUE}; the clean-up candidate, if any, is {@code Double.MIN_VALUE}. On a {@link #spread}
     * path each candidate keeps the point of its own interval in the full sequence, so its inner score is the one it
     * has without the cap.
     */
    @Override
    public double[] selectionPoints() {
        return pick(fullSelectionPoints());
    }

    private double[] fullSelectionPoints() {
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
     * The subtree pruned at {@code alpha}: the last step of the full path whose alpha is {@code <= alpha}; alpha 0 is
     * the trained tree (scikit-learn's {@code ccp_alpha = 0}: no pruning). On a {@link #spread} path this may be a
     * subtree that is not among {@link #candidates()}: an inner-fold path stands for a candidate by its exact subtree.
     */
    @Override
    public Candidate at(double alpha) {
        return built.get(indexAt(alpha));
    }

    /** Step of the full path of {@link #at(double)}'s subtree (the candidate index unless {@link #spread}). */
    public int indexAt(double alpha) {
        if (!(alpha >= 0)) {
            throw new IllegalArgumentException("ccp alpha must be >= 0 but was " + alpha);
        }
        if (alpha == 0.0) {
            return 0;
        }
        int lo = 0; // strengths[0] = 0 <= alpha; find the last step whose alpha is <= alpha (alphas never decrease)
        int hi = strengths.length - 1;
        while (lo < hi) {
            int mid = lo + (hi - lo + 1) / 2;
            if (strengths[mid] <= alpha) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Number of leaves of each candidate. */
    public int[] leaves() {
        return pick(fullLeaves());
    }

    private int[] fullLeaves() {
        return Arrays.stream(sizes).mapToInt(s -> s[0]).toArray();
    }

    /**
     * Total leaf risk {@code R(T_c) = sum over leaves t of T_c of R(t)} of each candidate, in the risk the path was
     * built with (scikit-learn's {@code impurities}). Node t is a leaf of candidate c when its parent is a split of c
     * ({@code c < firstCollapsed[parent]}) and t itself is not ({@code c >= firstCollapsed[t]}, 0 at leaves).
     */
    public double[] impurities() {
        return pick(fullImpurities());
    }

    private double[] fullImpurities() {
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

    /**
     * The cp table of the candidates (alpha, leaves, nodes); cross-validation columns are NaN until
     * {@link CpTable#withCv}.
     */
    public CpTable cpTable() {
        return table(keep);
    }

    /** The cp table of every step of the full weakest-link path, candidates or not ({@link #steps()}). */
    public CpTable fullCpTable() {
        return table(IntStream.range(0, strengths.length).toArray());
    }

    private CpTable table(int[] rows) {
        int n = rows.length;
        double[] nan = new double[n];
        Arrays.fill(nan, Double.NaN);
        return new CpTable(
                Arrays.stream(rows).mapToDouble(i -> strengths[i]).toArray(),
                Arrays.stream(rows).map(i -> sizes[i][0]).toArray(),
                Arrays.stream(rows).map(i -> sizes[i][1]).toArray(),
                nan,
                nan);
    }

    /** The trained tree with its recovered counts. */
    public TribuoTree source() {
        return source;
    }

    /** Per node, the first step of the full path in which it is not a split (0 at leaves). */
    public int[] firstCollapsed() {
        return firstCollapsed.clone();
    }

    @Override
    public void scoreAll(Dataset<Label> data, List<String> classes, CandidateScores sink) {
        boolean[] wanted = new boolean[strengths.length];
        int[] position = new int[strengths.length];
        for (int i = 0; i < keep.length; i++) {
            wanted[keep[i]] = true;
            position[keep[i]] = i;
        }
        scoreSteps(data, classes, wanted, (c, probs) -> sink.accept(position[c], probs));
    }

    /** Probabilities of the wanted steps of the full path, in step order. */
    private void scoreSteps(Dataset<Label> data, List<String> classes, boolean[] wanted, CandidateScores sink) {
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
        DenseFeatures.Reader features = new DenseFeatures.Reader(fmap);
        int r = 0;
        for (Example<Label> e : data) {
            features.fill(e, x);
            int node = 0;
            while (t.left[node] >= 0) {
                node = x[t.feature[node]] > t.threshold[node] ? t.right[node] : t.left[node];
            }
            at[r++] = node;
            features.clear(x);
        }
        NestedScorer.scoreSome(t, firstCollapsed, strengths.length, nodeProbs, at, wanted, sink);
    }

    /**
     * One pass over the full path, each step's matrix handed to the points that stand for it ({@link #indexAt});
     * no candidate model is built, steps no point stands for are never copied out, and only the current matrix is
     * alive.
     */
    @Override
    public void scoreAt(double[] points, Dataset<Label> data, List<String> classes, CandidateScores sink) {
        List<List<Integer>> pointsOf = new ArrayList<>();
        for (int c = 0; c < strengths.length; c++) {
            pointsOf.add(new ArrayList<>(1));
        }
        boolean[] wanted = new boolean[strengths.length];
        for (int i = 0; i < points.length; i++) {
            int step = indexAt(points[i]);
            pointsOf.get(step).add(i);
            wanted[step] = true;
        }
        scoreSteps(data, classes, wanted, (c, probs) -> pointsOf.get(c).forEach(i -> sink.accept(i, probs)));
    }
}
