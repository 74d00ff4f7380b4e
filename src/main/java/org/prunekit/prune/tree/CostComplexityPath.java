package org.prunekit.prune.tree;

import java.util.Arrays;

/**
 * The weakest-link pruning sequence of one tree, as plain arrays a user can plot (the output of scikit-learn's
 * {@code cost_complexity_pruning_path} plus what is needed to rebuild any subtree).
 *
 * @param alphas        effective alpha of each pruning step; entry 0 is 0.0 (the full tree). Like scikit-learn, an
 *                      alpha repeats when several nodes are pruned at the same value
 * @param impurities    total leaf risk Σ R(leaf) of the tree after each step
 * @param prunedNodes   node collapsed at each step ({@code -1} at entry 0)
 * @param collapseAlpha per node: for {@code a > 0}, the node is a split of the subtree pruned at {@code a} iff
 *                      {@code collapseAlpha[node] > a}; 0 at leaves. ({@code a = 0} means no pruning at all.)
 */
public record CostComplexityPath(double[] alphas, double[] impurities, int[] prunedNodes, double[] collapseAlpha) {

    public CostComplexityPath {
        alphas = alphas.clone();
        impurities = impurities.clone();
        prunedNodes = prunedNodes.clone();
        collapseAlpha = collapseAlpha.clone();
        if (alphas.length != impurities.length || alphas.length != prunedNodes.length) {
            throw new IllegalArgumentException("path arrays differ in length: " + alphas.length + " alphas, "
                    + impurities.length + " impurities, " + prunedNodes.length + " pruned nodes");
        }
    }

    @Override
    public double[] alphas() {
        return alphas.clone();
    }

    @Override
    public double[] impurities() {
        return impurities.clone();
    }

    @Override
    public int[] prunedNodes() {
        return prunedNodes.clone();
    }

    @Override
    public double[] collapseAlpha() {
        return collapseAlpha.clone();
    }

    /** The distinct values of {@link #alphas()}, ascending (exact comparison, as scikit-learn's {@code np.unique}). */
    public double[] distinctAlphas() {
        return Arrays.stream(alphas).sorted().distinct().toArray();
    }

    /**
     * Whether {@code node} is a split (internal node) of the subtree pruned at {@code alpha}, with scikit-learn's
     * semantics: {@code ccp_alpha = 0} prunes nothing, otherwise prune while the weakest link's alpha is {@code <= alpha}.
     */
    public boolean isSplitAt(FlatTree tree, int node, double alpha) {
        if (tree.isLeaf(node)) {
            return false;
        }
        return alpha == 0.0 || collapseAlpha[node] > alpha;
    }

    /** Size and risk of the subtree pruned at {@code alpha} (see {@link #isSplitAt}). */
    public SubtreeStats statsAt(FlatTree tree, double[] risk, double alpha) {
        if (!(alpha >= 0)) {
            throw new IllegalArgumentException("ccp alpha must be >= 0 but was " + alpha);
        }
        int n = tree.size();
        boolean[] present = new boolean[n];
        int[] depth = new int[n];
        present[0] = true;
        int leaves = 0;
        int nodes = 0;
        int maxDepth = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (!present[i]) {
                continue;
            }
            nodes++;
            maxDepth = Math.max(maxDepth, depth[i]);
            if (isSplitAt(tree, i, alpha)) {
                for (int c : new int[] {tree.left[i], tree.right[i]}) {
                    present[c] = true;
                    depth[c] = depth[i] + 1;
                }
            } else {
                leaves++;
                total += risk[i];
            }
        }
        return new SubtreeStats(leaves, nodes, maxDepth, total);
    }

    /**
     * The alphas of the distinct subtrees: 0 (the full tree), then every distinct positive collapse alpha, ascending.
     * A path whose every alpha is &lt;= 0 (no split lowers the risk) gets {@code Double.MIN_VALUE} for the root alone.
     */
    public double[] candidateAlphas() {
        double[] positive = Arrays.stream(collapseAlpha)
                .filter(a -> a > 0 && a < Double.POSITIVE_INFINITY)
                .sorted()
                .distinct()
                .toArray();
        if (positive.length == 0) {
            positive = new double[] {Double.MIN_VALUE};
        }
        double[] out = new double[positive.length + 1];
        System.arraycopy(positive, 0, out, 1, positive.length);
        return out;
    }

    /**
     * Per node, the index of the first candidate (of {@code alphas}, as from {@link #candidateAlphas()}) in which it is
     * not a split; 0 for leaves. Candidate {@code c} keeps node {@code t} as a split iff the result is {@code > c}.
     */
    public int[] firstCollapsed(FlatTree tree, double[] alphas) {
        int[] fc = new int[tree.size()];
        for (int i = 0; i < fc.length; i++) {
            if (!tree.isLeaf(i)) {
                int at = Arrays.binarySearch(alphas, 1, alphas.length, Math.max(collapseAlpha[i], Double.MIN_VALUE));
                fc[i] = at >= 0 ? at : -at - 1;
            }
        }
        return fc;
    }
}
