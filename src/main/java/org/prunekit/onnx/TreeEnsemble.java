package org.prunekit.onnx;

import ai.onnx.proto.OnnxMl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXRef;
import org.tribuo.util.onnx.ONNXUtils;

/**
 * Collects the node and leaf arrays of an ai.onnx.ml {@code TreeEnsembleRegressor} with one target per class:
 * {@code z_k = base_k + Σ_trees w(leaf reached, k)}. (The regressor, not {@code TreeEnsembleClassifier}: ONNX
 * Runtime's classifier rewrites two-class scores as {@code [−s, s]}.) Each
 * split sends a row to its true child when {@code x[feature] <= value} ({@code BRANCH_LEQ}) or {@code < value}
 * ({@code BRANCH_LT}); a NaN goes where {@code missingTrue} says.
 */
final class TreeEnsemble {

    /** How thresholds and weights are stored and compared. */
    enum Precision {
        /** double thresholds and weights ({@code *_as_tensor}); the input must be double. */
        DOUBLE,
        /** float thresholds and weights; the input must be float. */
        FLOAT
    }

    private final List<Integer> treeIds = new ArrayList<>();
    private final List<Integer> nodeIds = new ArrayList<>();
    private final List<Integer> featureIds = new ArrayList<>();
    private final List<String> modes = new ArrayList<>();
    private final List<Integer> trueIds = new ArrayList<>();
    private final List<Integer> falseIds = new ArrayList<>();
    private final List<Integer> missingTrue = new ArrayList<>();
    private final List<Double> values = new ArrayList<>();
    private final List<Integer> leafTree = new ArrayList<>();
    private final List<Integer> leafNode = new ArrayList<>();
    private final List<Integer> leafClass = new ArrayList<>();
    private final List<Double> leafWeight = new ArrayList<>();
    private int trees;

    /** Starts a new tree and returns its id. */
    int newTree() {
        return trees++;
    }

    int trees() {
        return trees;
    }

    /** An internal node of tree {@code tree}. */
    void split(
            int tree,
            int node,
            int feature,
            double value,
            boolean strict,
            int trueNode,
            int falseNode,
            boolean nanGoesTrue) {
        add(tree, node, feature, value, strict ? "BRANCH_LT" : "BRANCH_LEQ", trueNode, falseNode, nanGoesTrue ? 1 : 0);
    }

    /** A leaf of tree {@code tree}, adding {@code weights[k]} to class {@code k} (every class listed). */
    void leaf(int tree, int node, double[] weights) {
        add(tree, node, 0, 0.0, "LEAF", 0, 0, 0);
        for (int k = 0; k < weights.length; k++) {
            leafTree.add(tree);
            leafNode.add(node);
            leafClass.add(k);
            leafWeight.add(weights[k]);
        }
    }

    /** A leaf of tree {@code tree} adding {@code weight} to class {@code k} only. */
    void leaf(int tree, int node, int k, double weight) {
        add(tree, node, 0, 0.0, "LEAF", 0, 0, 0);
        leafTree.add(tree);
        leafNode.add(node);
        leafClass.add(k);
        leafWeight.add(weight);
    }

    private void add(int tree, int node, int feature, double value, String mode, int t, int f, int nanTrue) {
        treeIds.add(tree);
        nodeIds.add(node);
        featureIds.add(feature);
        values.add(value);
        modes.add(mode);
        trueIds.add(t);
        falseIds.add(f);
        missingTrue.add(nanTrue);
    }

    /**
     * Applies the ensemble to {@code input} and returns the class sums {@code float [N, classes]}.
     *
     * @param base base score per class
     */
    ONNXNode scores(ONNXRef<?> input, int classes, double[] base, Precision precision) {
        ONNXContext ctx = input.onnxContext();
        Map<String, Object> a = new HashMap<>();
        a.put("nodes_treeids", ints(treeIds));
        a.put("nodes_nodeids", ints(nodeIds));
        a.put("nodes_featureids", ints(featureIds));
        a.put("nodes_modes", modes.toArray(String[]::new));
        a.put("nodes_truenodeids", ints(trueIds));
        a.put("nodes_falsenodeids", ints(falseIds));
        a.put("nodes_missing_value_tracks_true", ints(missingTrue));
        a.put("target_treeids", ints(leafTree));
        a.put("target_nodeids", ints(leafNode));
        a.put("target_ids", ints(leafClass));
        a.put("n_targets", classes);
        a.put("aggregate_function", "SUM");
        a.put("post_transform", "NONE");
        double[] v = doubles(values);
        double[] w = doubles(leafWeight);
        if (precision == Precision.DOUBLE) {
            a.put("nodes_values_as_tensor", tensor(ctx, "nodes_values", v));
            a.put("target_weights_as_tensor", tensor(ctx, "target_weights", w));
            a.put("base_values_as_tensor", tensor(ctx, "base_values", base));
        } else {
            a.put("nodes_values", floats(v));
            a.put("target_weights", floats(w));
            a.put("base_values", floats(base));
        }
        return ctx.operation(OnnxOps.TREE_ENSEMBLE_REGRESSOR, List.of(input), "tree_sums", a);
    }

    private static OnnxMl.TensorProto tensor(ONNXContext ctx, String name, double[] v) {
        return ONNXUtils.arrayBuilder(ctx, name, v, false);
    }

    private static int[] ints(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] doubles(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static float[] floats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
