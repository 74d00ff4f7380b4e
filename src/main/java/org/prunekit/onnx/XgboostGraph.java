package org.prunekit.onnx;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.util.List;
import java.util.Map;
import org.prunekit.prune.ensemble.BoostedTrees;
import org.prunekit.prune.ensemble.XgboostModels;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;

/**
 * A Tribuo XGBoost model ({@code multi:softprob}; trained or with rounds dropped) as a {@code TreeEnsembleRegressor}
 * computed the way XGBoost computes: the features are cast to float, a split sends a row to the left (true) child
 * iff {@code x < split} ({@code BRANCH_LT}, float compare), a NaN follows the node's default direction, each leaf adds
 * its value to its tree's class margin, margins start at {@code base_score}, and a softmax gives the probabilities.
 * Dropped rounds are absent from the graph.
 */
record XgboostGraph(XGBoostModel<Label> model) implements ModelGraph {

    @Override
    public Scores probabilities(Features features, List<String> classes) {
        BoostedTrees b = BoostedTrees.parse(XgboostModels.modelJson(model));
        if (!b.objective().startsWith("multi:")) {
            throw new IllegalArgumentException("no ONNX translation for XGBoost objective " + b.objective());
        }
        ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
        int[] classOf = new int[b.outputs()];
        for (int k = 0; k < classOf.length; k++) {
            classOf[k] = TribuoTrees.index(classes, outputs.getOutput(k).getLabel());
        }
        int[] columns = features.columnsOf(model.getFeatureIDMap());
        TreeEnsemble e = new TreeEnsemble();
        for (int t = 0; t < b.trees().size(); t++) {
            BoostedTrees.Tree tree = b.trees().get(t);
            int id = e.newTree();
            int[] left = tree.left();
            int[] right = tree.right();
            int[] feature = tree.feature();
            float[] split = tree.split();
            boolean[] defaultLeft = tree.defaultLeft();
            for (int i = 0; i < left.length; i++) {
                if (left[i] == -1) {
                    e.leaf(id, i, classOf[b.classOf(t)], split[i]);
                } else {
                    e.split(id, i, columns[feature[i]], split[i], true, left[i], right[i], defaultLeft[i]);
                }
            }
        }
        double[] base = new double[classes.size()];
        java.util.Arrays.fill(base, b.baseMargin());
        ONNXNode margins =
                e.scores(features.matrix().cast(float.class), classes.size(), base, TreeEnsemble.Precision.FLOAT);
        return new Scores(margins.apply(ONNXOperators.SOFTMAX, Map.of("axis", 1)), DataType.FLOAT);
    }
}
