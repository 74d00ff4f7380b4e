package org.prunekit.prune.tree;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.prunekit.prune.DenseFeatures;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.common.tree.TreeModelAccess;

/**
 * A Tribuo CART {@link TreeModel} seen as a {@link FlatTree}, and back.
 *
 * <p>Tribuo's nodes store no sample counts, so each node's weighted class counts are recovered by routing the training
 * rows (with their example weights, which is how class weights reach Tribuo's CART) through the tree with Tribuo's own
 * rule: right iff {@code x[feature] > splitValue}, an absent feature counting as 0. Node ids are depth-first, left
 * ({@code <=}) subtree first. Classes are in the model's output-id order. A tree {@link CartTrainer} grew on the same
 * dataset brings its counts along ({@link GrownCounts}, summed in the same order), so its rows are not routed again.
 */
public final class TribuoTree {

    private final TreeModel<Label> model;
    private final FlatTree tree;
    private final List<org.tribuo.common.tree.Node<Label>> nodes;
    private final int[] predicted;

    private TribuoTree(TreeModel<Label> model, FlatTree tree, List<org.tribuo.common.tree.Node<Label>> nodes) {
        this.model = model;
        this.tree = tree;
        this.nodes = nodes;
        this.predicted = new int[tree.size()];
        List<String> classes = tree.classes();
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = nodes.get(i) instanceof LeafNode<Label> leaf
                    ? classes.indexOf(leaf.getOutput().getLabel())
                    : tree.majorityClass(i);
        }
    }

    /** Converts {@code model}, recovering counts from {@code train}; impurities are computed with {@code impurity}. */
    public static TribuoTree of(Model<Label> model, Dataset<Label> train, Impurity impurity) {
        return of(model, train, impurity, true);
    }

    /** As {@link #of}, always routing the training rows (the reference the grown counts are tested against). */
    static TribuoTree routed(Model<Label> model, Dataset<Label> train, Impurity impurity) {
        return of(model, train, impurity, false);
    }

    private static TribuoTree of(Model<Label> model, Dataset<Label> train, Impurity impurity, boolean useGrown) {
        if (!(model instanceof TreeModel<Label> tm)) {
            throw new IllegalArgumentException("cost-complexity pruning needs a Tribuo TreeModel (family cart) but got "
                    + model.getClass().getSimpleName());
        }
        ImmutableOutputInfo<Label> outputs = tm.getOutputIDInfo();
        List<String> classes = new ArrayList<>();
        for (int k = 0; k < outputs.size(); k++) {
            classes.add(outputs.getOutput(k).getLabel());
        }
        List<org.tribuo.common.tree.Node<Label>> order = new ArrayList<>();
        ArrayList<org.tribuo.common.tree.Node<Label>> stack = new ArrayList<>();
        stack.add(tm.getRoot());
        while (!stack.isEmpty()) {
            org.tribuo.common.tree.Node<Label> t = stack.remove(stack.size() - 1);
            order.add(t);
            if (t instanceof SplitNode<Label> s) {
                stack.add(s.getGreaterThan());
                stack.add(s.getLessThanOrEqual());
            }
        }
        int n = order.size();
        IdentityHashMap<Object, Integer> id = new IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            id.put(order.get(i), i);
        }
        int[] left = new int[n];
        int[] right = new int[n];
        int[] feature = new int[n];
        double[] threshold = new double[n];
        for (int i = 0; i < n; i++) {
            if (order.get(i) instanceof SplitNode<Label> s) {
                left[i] = id.get(s.getLessThanOrEqual());
                right[i] = id.get(s.getGreaterThan());
                feature[i] = s.getFeatureID();
                threshold[i] = s.splitValue();
            } else {
                left[i] = -1;
                right[i] = -1;
                feature[i] = -2;
                threshold[i] = -2.0;
            }
        }
        GrownCounts.Counts grown = useGrown ? GrownCounts.get(tm, train) : null;
        double[][] counts = grown != null ? grown.counts() : new double[n][classes.size()];
        double[] weight = grown != null ? grown.weight() : new double[n];
        if (grown == null) {
            route(tm, train, left, right, feature, threshold, counts, weight);
        }
        double[] imp = new double[n];
        for (int i = 0; i < n; i++) {
            imp[i] = impurity.of(counts[i]);
        }
        FlatTree flat = new FlatTree(left, right, feature, threshold, counts, weight, imp, classes);
        return new TribuoTree(tm, flat, List.copyOf(order));
    }

    /** Adds each training row's example weight to the counts of every node on its path. */
    private static void route(
            TreeModel<Label> tm,
            Dataset<Label> train,
            int[] left,
            int[] right,
            int[] feature,
            double[] threshold,
            double[][] counts,
            double[] weight) {
        ImmutableOutputInfo<Label> outputs = tm.getOutputIDInfo();
        ImmutableFeatureMap fmap = tm.getFeatureIDMap();
        double[] x = new double[fmap.size()];
        DenseFeatures.Reader features = new DenseFeatures.Reader(fmap);
        for (Example<Label> e : train) {
            int k = outputs.getID(e.getOutput());
            if (k < 0) {
                throw new IllegalArgumentException(
                        "training label '" + e.getOutput().getLabel() + "' is unknown to the model");
            }
            double w = e.getWeight();
            features.fill(e, x);
            int t = 0;
            while (true) {
                counts[t][k] += w;
                weight[t] += w;
                if (left[t] < 0) {
                    break;
                }
                t = x[feature[t]] > threshold[t] ? right[t] : left[t];
            }
            features.clear(x);
        }
    }

    public FlatTree tree() {
        return tree;
    }

    public TreeModel<Label> model() {
        return model;
    }

    /** Class index (in {@link FlatTree#classes()} order) the node predicts as a leaf. */
    public int predictedClass(int node) {
        return predicted[node];
    }

    /**
     * The class scores a leaf at {@code node} reports: the original leaf's distribution (from Tribuo's own training
     * counts) for leaves of the trained tree, the normalised recovered counts for a collapsed split.
     */
    Map<String, Label> distribution(int node) {
        if (nodes.get(node) instanceof LeafNode<Label> leaf) {
            return leaf.getDistribution();
        }
        double[] c = tree.counts[node];
        double w = 0;
        for (double v : c) {
            w += v;
        }
        Map<String, Label> out = new LinkedHashMap<>();
        List<String> classes = tree.classes();
        for (int k = 0; k < c.length; k++) {
            double p = w > 0 ? c[k] / w : 1.0 / c.length;
            out.put(classes.get(k), new Label(classes.get(k), p));
        }
        return out;
    }

    /**
     * A new {@link TreeModel}: the trained tree with every split for which {@code isSplit} is false turned into a leaf
     * carrying its class distribution. The trained model is not touched; its leaves are shared (they are immutable).
     */
    public TreeModel<Label> prune(IntPredicate isSplit, Map<Integer, LeafNode<Label>> leafCache, String name) {
        org.tribuo.common.tree.Node<Label> root = build(0, isSplit, leafCache);
        return TreeModelAccess.create(
                name, model.getProvenance(), model.getFeatureIDMap(), model.getOutputIDInfo(), true, root);
    }

    private org.tribuo.common.tree.Node<Label> build(
            int i, IntPredicate isSplit, Map<Integer, LeafNode<Label>> leafCache) {
        org.tribuo.common.tree.Node<Label> original = nodes.get(i);
        if (original instanceof LeafNode) {
            return original;
        }
        if (isSplit.test(i)) {
            return new SplitNode<>(
                    tree.threshold[i],
                    tree.feature[i],
                    original.getImpurity(),
                    build(tree.right[i], isSplit, leafCache),
                    build(tree.left[i], isSplit, leafCache));
        }
        return leafCache.computeIfAbsent(i, this::collapsedLeaf);
    }

    private LeafNode<Label> collapsedLeaf(int i) {
        Map<String, Label> dist = distribution(i);
        String best = tree.classes().get(tree.majorityClass(i));
        return new LeafNode<>(tree.impurity[i], new Label(best, dist.get(best).getScore()), dist, true);
    }
}
