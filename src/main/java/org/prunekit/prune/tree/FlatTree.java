package org.prunekit.prune.tree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * A tree in array form, the layout scikit-learn uses ({@code tree_.children_left} etc.): node 0 is the root and every
 * child has a larger id than its parent (depth-first numbering). Leaves have children {@code -1}. Immutable; the
 * getters copy. This is the form the pruning algorithms work on; {@link #toNode()} gives the record view.
 */
public final class FlatTree {

    final int[] left;
    final int[] right;
    final int[] parent;
    final int[] feature;
    final double[] threshold;
    final double[][] counts;
    final double[] weight;
    final double[] impurity;
    private final List<String> classes;

    /**
     * @param left      left child per node ({@code x <= threshold}), -1 at leaves
     * @param right     right child per node, -1 at leaves
     * @param feature   split feature per node (ignored at leaves)
     * @param threshold split threshold per node (ignored at leaves)
     * @param counts    weighted class counts per node, {@code counts[node][class]}
     * @param weight    total weight per node
     * @param impurity  impurity per node
     * @param classes   class names in the column order of {@code counts}
     */
    public FlatTree(
            int[] left,
            int[] right,
            int[] feature,
            double[] threshold,
            double[][] counts,
            double[] weight,
            double[] impurity,
            List<String> classes) {
        int n = left.length;
        if (n == 0) {
            throw new IllegalArgumentException("a tree needs at least one node");
        }
        if (right.length != n
                || feature.length != n
                || threshold.length != n
                || counts.length != n
                || weight.length != n
                || impurity.length != n) {
            throw new IllegalArgumentException("tree arrays differ in length: " + n + " nodes in children_left but "
                    + right.length + "/" + feature.length + "/" + threshold.length + "/" + counts.length + "/"
                    + weight.length + "/" + impurity.length + " in the others");
        }
        this.left = left.clone();
        this.right = right.clone();
        this.feature = feature.clone();
        this.threshold = threshold.clone();
        this.weight = weight.clone();
        this.impurity = impurity.clone();
        this.classes = List.copyOf(classes);
        this.counts = new double[n][];
        this.parent = new int[n];
        Arrays.fill(parent, -2);
        parent[0] = -1;
        for (int i = 0; i < n; i++) {
            if (counts[i].length != classes.size()) {
                throw new IllegalArgumentException("node " + i + " has " + counts[i].length
                        + " class counts but there are " + classes.size() + " classes");
            }
            this.counts[i] = counts[i].clone();
            if ((left[i] < 0) != (right[i] < 0)) {
                throw new IllegalArgumentException("node " + i + " has exactly one child");
            }
            if (left[i] >= 0) {
                for (int c : new int[] {left[i], right[i]}) {
                    if (c <= i || c >= n) {
                        throw new IllegalArgumentException("node " + i + " has child " + c
                                + ": children must have larger ids than their parent and be < " + n);
                    }
                    if (parent[c] != -2) {
                        throw new IllegalArgumentException("node " + c + " has two parents");
                    }
                    parent[c] = i;
                }
            }
        }
        for (int i = 1; i < n; i++) {
            if (parent[i] == -2) {
                throw new IllegalArgumentException("node " + i + " is not reachable from the root");
            }
        }
    }

    /** Flattens a record tree in depth-first order, left subtree first. */
    public static FlatTree of(Node root, List<String> classes) {
        List<Node> order = new ArrayList<>();
        ArrayList<Node> stack = new ArrayList<>();
        stack.add(root);
        while (!stack.isEmpty()) {
            Node t = stack.remove(stack.size() - 1);
            order.add(t);
            if (t instanceof Split s) {
                stack.add(s.right());
                stack.add(s.left());
            }
        }
        int n = order.size();
        IdentityHashMap<Node, Integer> id = new IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            id.put(order.get(i), i);
        }
        int[] l = new int[n];
        int[] r = new int[n];
        int[] f = new int[n];
        double[] th = new double[n];
        double[][] c = new double[n][];
        double[] w = new double[n];
        double[] imp = new double[n];
        for (int i = 0; i < n; i++) {
            Node t = order.get(i);
            c[i] = t.counts();
            w[i] = t.weight();
            imp[i] = t.impurity();
            if (t instanceof Split s) {
                l[i] = id.get(s.left());
                r[i] = id.get(s.right());
                f[i] = s.feature();
                th[i] = s.threshold();
            } else {
                l[i] = -1;
                r[i] = -1;
                f[i] = -2;
                th[i] = -2.0;
            }
        }
        return new FlatTree(l, r, f, th, c, w, imp, classes);
    }

    /** The record view of this tree. */
    public Node toNode() {
        return node(0);
    }

    private Node node(int i) {
        if (isLeaf(i)) {
            return new Leaf(counts[i], weight[i], impurity[i]);
        }
        return new Split(feature[i], threshold[i], node(left[i]), node(right[i]), counts[i], weight[i], impurity[i]);
    }

    /** The same tree with every node's impurity recomputed from its counts. */
    public FlatTree withImpurity(Impurity kind) {
        double[] imp = new double[size()];
        for (int i = 0; i < imp.length; i++) {
            imp[i] = kind.of(counts[i]);
        }
        return new FlatTree(left, right, feature, threshold, counts, weight, imp, classes);
    }

    /**
     * Node risk R(t) = w_t · i(t) / W, computed in that order (as scikit-learn does, so that rounding matches).
     */
    public double[] risk() {
        double[] r = new double[size()];
        double total = weight[0];
        for (int i = 0; i < r.length; i++) {
            r[i] = weight[i] * impurity[i] / total;
        }
        return r;
    }

    public int size() {
        return left.length;
    }

    public boolean isLeaf(int node) {
        return left[node] < 0;
    }

    public int left(int node) {
        return left[node];
    }

    public int right(int node) {
        return right[node];
    }

    /** Parent id, -1 for the root. */
    public int parent(int node) {
        return parent[node];
    }

    public int feature(int node) {
        return feature[node];
    }

    public double threshold(int node) {
        return threshold[node];
    }

    public double[] counts(int node) {
        return counts[node].clone();
    }

    public double weight(int node) {
        return weight[node];
    }

    public double impurity(int node) {
        return impurity[node];
    }

    public List<String> classes() {
        return classes;
    }

    /** Index of the largest count (the lowest class index on ties), as Tribuo and scikit-learn predict. */
    public int majorityClass(int node) {
        double[] c = counts[node];
        int best = 0;
        for (int k = 1; k < c.length; k++) {
            if (c[k] > c[best]) {
                best = k;
            }
        }
        return best;
    }

    /** The leaf a row reaches: left iff {@code x[feature] <= threshold}. */
    public int leafOf(double[] x) {
        int t = 0;
        while (left[t] >= 0) {
            t = x[feature[t]] <= threshold[t] ? left[t] : right[t];
        }
        return t;
    }
}
