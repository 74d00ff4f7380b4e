package org.prunekit.onnx;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.util.Arrays;
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
 * A Tribuo XGBoost model (trained or with rounds dropped) as a {@code TreeEnsembleRegressor} computed the way XGBoost
 * computes: the features are cast to float, a split sends a row to the left (true) child iff {@code x < split}
 * ({@code BRANCH_LT}, float compare), a NaN follows the node's default direction, each leaf adds its value to its
 * tree's margin column. Then, as XGBoost 1.6/1.7 transforms margins:
 * <ul>
 *   <li>{@code multi:softprob}: one margin per class, each starting at {@code base_score} (untransformed), and
 *       {@code softmax} over the classes;</li>
 *   <li>{@code binary:logistic}: one margin starting at {@code logit(base_score)} ({@code base_score} is a
 *       probability; 0.5 gives 0), {@code p = σ(margin)} is the probability of the model's class id 1 and
 *       {@code 1 − p} that of id 0.</li>
 * </ul>
 * Dropped rounds are absent from the graph.
 */
record XgboostGraph(XGBoostModel<Label> model) implements ModelGraph {

    @Override
    public Scores probabilities(Features features, List<String> classes) {
        BoostedTrees b = BoostedTrees.parse(XgboostModels.modelJson(model));
        boolean binary = "binary:logistic".equals(b.objective());
        if (!binary && !"multi:softprob".equals(b.objective())) {
            throw new IllegalArgumentException("no ONNX translation for XGBoost objective " + b.objective());
        }
        ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
        int[] classOf = new int[b.outputs()];
        for (int k = 0; k < classOf.length; k++) {
            classOf[k] =
                    binary ? 0 : TribuoTrees.index(classes, outputs.getOutput(k).getLabel());
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
        int columnsOut = binary ? 1 : classes.size();
        double[] base = new double[columnsOut];
        Arrays.fill(base, b.baseMargin());
        ONNXNode margins =
                e.scores(features.matrix().cast(float.class), columnsOut, base, TreeEnsemble.Precision.FLOAT);
        if (!binary) {
            return new Scores(margins.apply(ONNXOperators.SOFTMAX, Map.of("axis", 1)), DataType.FLOAT);
        }
        ONNXNode probs = Tensors.binomial(margins, true, "binary");
        List<String> modelOrder =
                List.of(outputs.getOutput(0).getLabel(), outputs.getOutput(1).getLabel());
        return new Scores(Tensors.reorder(probs, modelOrder, classes), DataType.FLOAT);
    }
}
