package org.prunekit.onnx;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;

/**
 * A Tribuo LibLinear logistic model (e.g. from {@code liblinear-path}) computed as liblinear's
 * {@code predictProbability} does, in double precision over its support ({@link LinearPredictor}): decision values
 * {@code d_i = w_i·x + b_i} (Tribuo appends a bias feature of value 1); two classes: {@code P(labels[0]) = σ(d)},
 * {@code P(labels[1]) = 1 − σ(d)}; more: {@code σ(d_i) / Σ_j σ(d_j)} (one-vs-rest). Tribuo's own
 * {@code writeONNXGraph} is not used: it applies a softmax to {@code [d, −d]}, i.e. {@code σ(2d)}, which differs
 * from the probabilities its {@code predict} reports.
 */
record LibLinearGraph(LibLinearClassificationModel model) implements ModelGraph {

    @Override
    public Scores probabilities(Features features, List<String> classes) {
        de.bwaldvogel.liblinear.Model ll = model.getInnerModels().get(0);
        if (!ll.isProbabilityModel()) {
            throw new IllegalArgumentException(
                    "no ONNX translation for LibLinear " + ll.getSolverType() + " (not a logistic model)");
        }
        int d = model.getFeatureIDMap().size();
        if (ll.getNrFeature() != d) {
            throw new IllegalArgumentException("LibLinear model has " + ll.getNrFeature() + " features, Tribuo " + d);
        }
        int classCount = ll.getNrClass();
        int m = classCount == 2 && ll.getSolverType() != SolverType.MCSVM_CS ? 1 : classCount;
        double[] w = ll.getFeatureWeights();
        double[][] beta = new double[m][d];
        double[] bias = new double[m];
        for (int k = 0; k < m; k++) {
            for (int id = 0; id < d; id++) {
                beta[k][id] = w[id * m + k];
            }
            bias[k] = ll.getBias() >= 0 ? w[d * m + k] : 0.0;
        }
        ONNXNode dec = LinearPredictor.eta(features, features.columnsOf(model.getFeatureIDMap()), beta, bias);
        ONNXNode probs;
        List<String> own = new ArrayList<>();
        for (int label : ll.getLabels()) {
            own.add(model.getOutputIDInfo().getOutput(label).getLabel());
        }
        if (m == 1) {
            ONNXNode binomial = LinearPredictor.binomial(dec); // [1 − σ(d), σ(d)]: σ(d) belongs to labels[0]
            probs = binomial;
            own = List.of(own.get(1), own.get(0));
        } else {
            ONNXContext ctx = dec.onnxContext();
            ONNXNode s = dec.apply(ONNXOperators.SIGMOID);
            ONNXNode sum = ctx.operation(
                    ONNXOperators.REDUCE_SUM,
                    List.of(s, ctx.array("sum_axis", new long[] {1})),
                    "ovr_sum",
                    Map.of("keepdims", 1));
            probs = ctx.operation(ONNXOperators.DIV, List.of(s, sum), "ovr");
        }
        return new Scores(Tensors.reorder(probs, own, classes), DataType.DOUBLE);
    }
}
