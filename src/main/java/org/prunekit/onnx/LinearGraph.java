package org.prunekit.onnx;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.util.List;
import java.util.Map;
import org.prunekit.prune.linear.Coefficients;
import org.prunekit.prune.linear.SparseLinearModel;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;

/**
 * prunekit's (sparse) logistic model in double precision over its support ({@link LinearPredictor}); binomial
 * ({@code m = 1}): {@code P(classes[1]) = σ(η)}, {@code P(classes[0]) = 1 − σ(η)}; multinomial: {@code softmax(η)}.
 */
record LinearGraph(SparseLinearModel model) implements ModelGraph {

    @Override
    public Scores probabilities(Features features, List<String> classes) {
        Coefficients c = model.coefficients();
        ONNXNode eta = LinearPredictor.eta(features, features.columnsOf(model.getFeatureIDMap()), c.beta(), c.a0());
        ONNXNode probs = c.a0().length == 1
                ? LinearPredictor.binomial(eta)
                : eta.apply(ONNXOperators.SOFTMAX, Map.of("axis", 1));
        return new Scores(Tensors.reorder(probs, model.classes(), classes), DataType.DOUBLE);
    }
}
