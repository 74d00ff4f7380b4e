package org.prunekit.prune.tree;

import java.util.Arrays;

/**
 * Minimal cost-complexity ("weakest link") pruning, Breiman, Friedman, Olshen and Stone, <i>Classification and
 * Regression Trees</i> (1984), ch. 3.
 *
 * <p>With node risk R(t) and R(T_t) = Σ R(leaf) over the current leaves of the branch T_t rooted at t, the branch's
 * effective alpha is g(t) = (R(t) − R(T_t)) / (|leaves(T_t)| − 1): the penalty per leaf at which collapsing t stops
 * costing. Repeatedly collapsing the internal node with the smallest g(t) yields the nested sequence of subtrees that
 * minimise R(T) + α|leaves(T)| for every α.
 *
 * <p>This reproduces scikit-learn's {@code _cost_complexity_prune} bit for bit (same summation order for R(T_t), same
 * tie-breaking: the lowest node id among equal alphas), but in O(n log n + n·depth) instead of O(n²): the candidate
 * nodes sit in an indexed binary heap keyed by (g(t), id); collapsing t changes R(T_s) and |leaves(T_s)| only for the
 * ancestors s of t, whose keys are updated in place, and t's descendants leave the heap.
 */
public final class WeakestLink {

    private WeakestLink() {}

    /**
     * The pruning sequence of {@code tree} for node risks {@code risk} (usually {@link FlatTree#risk()}).
     */
    public static CostComplexityPath path(FlatTree tree, double[] risk) {
        int n = tree.size();
        if (risk.length != n) {
            throw new IllegalArgumentException("risk has " + risk.length + " entries for " + n + " nodes");
        }
        int[] parent = tree.parent;
        // each loop is a method of its own, so that C2 compiles it alone (docs/results.md)
        double[] rBranch = new double[n];
        int[] nLeaves = new int[n];
        branchRisks(tree, risk, rBranch, nLeaves);
        Heap heap = splits(tree, risk, rBranch, nLeaves);
        int steps = heap.size();
        double[] alphas = new double[steps + 1];
        double[] impurities = new double[steps + 1];
        int[] pruned = new int[steps + 1];
        double[] own = new double[n];
        Arrays.fill(own, Double.POSITIVE_INFINITY);
        boolean[] removed = new boolean[n];
        alphas[0] = 0.0;
        impurities[0] = rBranch[0];
        pruned[0] = -1;
        int k = 0;
        double prefixMax = 0.0;
        int[] stack = new int[n];
        while (heap.size() > 0) {
            int t = heap.topNode();
            double alpha = heap.topKey();
            heap.pop();
            k++;
            // descendants of t leave the tree (and the heap)
            int sp = 0;
            stack[sp++] = tree.left[t];
            stack[sp++] = tree.right[t];
            while (sp > 0) {
                int d = stack[--sp];
                if (removed[d]) {
                    continue;
                }
                removed[d] = true;
                if (!tree.isLeaf(d)) {
                    heap.remove(d);
                    stack[sp++] = tree.left[d];
                    stack[sp++] = tree.right[d];
                }
            }
            int nPrunedLeaves = nLeaves[t] - 1;
            nLeaves[t] = 0;
            double rDiff = risk[t] - rBranch[t];
            rBranch[t] = risk[t];
            for (int a = parent[t]; a >= 0; a = parent[a]) {
                nLeaves[a] -= nPrunedLeaves;
                rBranch[a] += rDiff;
                heap.update(a, (risk[a] - rBranch[a]) / (nLeaves[a] - 1));
            }
            prefixMax = Math.max(prefixMax, alpha);
            own[t] = prefixMax;
            alphas[k] = alpha;
            impurities[k] = rBranch[0];
            pruned[k] = t;
        }
        return new CostComplexityPath(
                Arrays.copyOf(alphas, k + 1),
                Arrays.copyOf(impurities, k + 1),
                Arrays.copyOf(pruned, k + 1),
                collapse(tree, own));
    }

    /**
     * R(T_t) and leaf counts of every branch, adding each leaf's risk to its ancestors in leaf-id order
     * (scikit-learn's order).
     */
    private static void branchRisks(FlatTree tree, double[] risk, double[] rBranch, int[] nLeaves) {
        int[] parent = tree.parent;
        for (int leaf = 0; leaf < risk.length; leaf++) {
            if (!tree.isLeaf(leaf)) {
                continue;
            }
            rBranch[leaf] = risk[leaf];
            double r = risk[leaf];
            for (int a = parent[leaf]; a >= 0; a = parent[a]) {
                rBranch[a] += r;
                nLeaves[a]++;
            }
        }
    }

    /** Every split keyed by its effective alpha, {@code (R(t) - R(T_t)) / (|leaves(T_t)| - 1)}. */
    private static Heap splits(FlatTree tree, double[] risk, double[] rBranch, int[] nLeaves) {
        Heap heap = new Heap(risk.length);
        for (int i = 0; i < risk.length; i++) {
            if (!tree.isLeaf(i)) {
                heap.push(i, (risk[i] - rBranch[i]) / (nLeaves[i] - 1));
            }
        }
        return heap;
    }

    /**
     * The alpha at which each node stops being a split: when it or an ancestor is collapsed (ids grow downwards);
     * {@code own[t]} is the alpha at which {@code t} itself was collapsed.
     */
    private static double[] collapse(FlatTree tree, double[] own) {
        double[] collapse = new double[own.length];
        for (int i = 0; i < own.length; i++) {
            if (tree.isLeaf(i)) {
                collapse[i] = 0.0;
            } else {
                collapse[i] = i == 0 ? own[0] : Math.min(own[i], collapse[tree.parent[i]]);
            }
        }
        return collapse;
    }

    /** Indexed binary min-heap of node ids keyed by (key, id). */
    static final class Heap {
        private final int[] nodes;
        private final double[] keys;
        private final int[] pos;
        private int size;

        Heap(int capacity) {
            nodes = new int[capacity];
            keys = new double[capacity];
            pos = new int[capacity];
            Arrays.fill(pos, -1);
        }

        int size() {
            return size;
        }

        int topNode() {
            return nodes[0];
        }

        double topKey() {
            return keys[0];
        }

        void push(int node, double key) {
            nodes[size] = node;
            keys[size] = key;
            pos[node] = size;
            up(size++);
        }

        void pop() {
            removeAt(0);
        }

        void remove(int node) {
            if (pos[node] >= 0) {
                removeAt(pos[node]);
            }
        }

        void update(int node, double key) {
            int i = pos[node];
            if (i < 0) {
                return;
            }
            keys[i] = key;
            up(i);
            down(pos[node]);
        }

        private void removeAt(int i) {
            pos[nodes[i]] = -1;
            size--;
            if (i == size) {
                return;
            }
            int moved = nodes[size];
            nodes[i] = moved;
            keys[i] = keys[size];
            pos[moved] = i;
            up(i);
            down(pos[moved]);
        }

        private boolean less(int i, int j) {
            return keys[i] < keys[j] || (keys[i] == keys[j] && nodes[i] < nodes[j]);
        }

        private void up(int i) {
            while (i > 0) {
                int p = (i - 1) >>> 1;
                if (!less(i, p)) {
                    break;
                }
                swap(i, p);
                i = p;
            }
        }

        private void down(int i) {
            while (true) {
                int l = 2 * i + 1;
                if (l >= size) {
                    return;
                }
                int m = l + 1 < size && less(l + 1, l) ? l + 1 : l;
                if (!less(m, i)) {
                    return;
                }
                swap(i, m);
                i = m;
            }
        }

        private void swap(int i, int j) {
            int ni = nodes[i];
            double ki = keys[i];
            nodes[i] = nodes[j];
            keys[i] = keys[j];
            nodes[j] = ni;
            keys[j] = ki;
            pos[nodes[i]] = i;
            pos[nodes[j]] = j;
        }
    }
}
