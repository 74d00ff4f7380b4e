package org.prunekit.onnx;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.util.List;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.TreeModel;

/**
 * A Tribuo CART tree (trained or cost-complexity pruned) as one {@code TreeEnsembleRegressor} tree with double
 * thresholds on the double feature matrix; each leaf adds its class distribution. A pruned tree has fewer nodes.
 */
record CartGraph(TreeModel<Label> model) implements ModelGraph {

    @Override
    public Scores probabilities(Features features, List<String> classes) {
        TreeEnsemble e = new TreeEnsemble();
        TribuoTrees.add(
                e,
                model,
                features.columnsOf(model.getFeatureIDMap()),
                leaf -> TribuoTrees.distribution(leaf, classes, 1.0));
        return new Scores(
                e.scores(features.matrix(), classes.size(), new double[classes.size()], TreeEnsemble.Precision.DOUBLE),
                DataType.FLOAT);
    }
}
