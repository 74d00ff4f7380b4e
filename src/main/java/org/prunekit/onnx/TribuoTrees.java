package org.prunekit.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;

/**
 * Adds Tribuo CART trees to a {@link TreeEnsemble}. Tribuo sends a row right iff {@code x[feature] > splitValue}, so
 * a split is {@code BRANCH_LEQ} with the true branch on the left; NaN compares false and goes left too.
 */
final class TribuoTrees {

    private TribuoTrees() {}

    /**
     * Adds {@code tree} as one tree of {@code ensemble}.
     *
     * @param columns column of each of the tree's feature ids in the feature matrix
     * @param leaf    the class weights a leaf contributes, in the export's class order
     */
    static void add(
            TreeEnsemble ensemble, TreeModel<Label> tree, int[] columns, Function<LeafNode<Label>, double[]> leaf) {
        int t = ensemble.newTree();
        List<Node<Label>> order = new ArrayList<>();
        java.util.IdentityHashMap<Node<Label>, Integer> id = new java.util.IdentityHashMap<>();
        ArrayList<Node<Label>> stack = new ArrayList<>();
        stack.add(tree.getRoot());
        while (!stack.isEmpty()) {
            Node<Label> n = stack.remove(stack.size() - 1);
            id.put(n, order.size());
            order.add(n);
            if (n instanceof SplitNode<Label> s) {
                stack.add(s.getGreaterThan());
                stack.add(s.getLessThanOrEqual());
            }
        }
        for (Node<Label> n : order) {
            int i = id.get(n);
            if (n instanceof SplitNode<Label> s) {
                ensemble.split(
                        t,
                        i,
                        columns[s.getFeatureID()],
                        s.splitValue(),
                        false,
                        id.get(s.getLessThanOrEqual()),
                        id.get(s.getGreaterThan()),
                        true);
            } else if (n instanceof LeafNode<Label> l) {
                ensemble.leaf(t, i, leaf.apply(l));
            } else {
                throw new IllegalArgumentException(
                        "unknown tree node " + n.getClass().getName());
            }
        }
    }

    /** A leaf's class distribution in {@code classes} order, normalised to sum to {@code scale}. */
    static double[] distribution(LeafNode<Label> leaf, List<String> classes, double scale) {
        double[] w = new double[classes.size()];
        double sum = 0;
        for (var e : leaf.getDistribution().entrySet()) {
            w[index(classes, e.getKey())] += e.getValue().getScore();
            sum += e.getValue().getScore();
        }
        for (int k = 0; k < w.length; k++) {
            w[k] = sum > 0 ? scale * w[k] / sum : scale / w.length;
        }
        return w;
    }

    /** {@code scale} on the leaf's predicted class. */
    static double[] vote(LeafNode<Label> leaf, List<String> classes, double scale) {
        double[] w = new double[classes.size()];
        w[index(classes, leaf.getOutput().getLabel())] = scale;
        return w;
    }

    static int index(List<String> classes, String label) {
        int k = classes.indexOf(label);
        if (k < 0) {
            throw new IllegalArgumentException(
                    "the model predicts class '" + label + "', which is not one of " + classes);
        }
        return k;
    }
}
