package org.prunekit.onnx;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.prunekit.data.Standardizer;
import org.prunekit.prune.nn.Activation;
import org.prunekit.prune.nn.MlpModel;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;

/**
 * prunekit's MLP in double precision: the inputs some live weight reads are gathered and standardised
 * ({@code (x − mean) / scale}), then each layer is {@code Gemm(a, W, b)} followed by ReLU/tanh, and softmax after the
 * last. The network is first compacted ({@link CompactNet}: neuron-pruned units are physically absent), and each
 * weight matrix is stored dense or as its non-zeros, whichever is smaller ({@link Tensors#weights}).
 */
record MlpGraph(MlpModel model) implements ModelGraph {

    @Override
    public Scores probabilities(Features features, List<String> classes) {
        ONNXContext ctx = features.matrix().onnxContext();
        CompactNet net = CompactNet.of(model.net());
        int[] columns = features.columnsOf(model.getFeatureIDMap());
        Standardizer s = model.standardizer();
        double[] means = s.means();
        double[] scales = s.scales();
        int d = net.inputs().length;
        long[] gather = new long[d];
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int i = 0; i < d; i++) {
            int id = net.inputs()[i];
            gather[i] = columns[id];
            mean[i] = means[id];
            scale[i] = scales[id];
        }
        ONNXNode x = ctx.operation(
                ONNXOperators.GATHER,
                List.of(features.matrix(), ctx.array("inputs", gather)),
                "mlp_inputs",
                Map.of("axis", 1));
        ONNXNode a = ctx.operation(
                ONNXOperators.DIV,
                List.of(
                        ctx.operation(ONNXOperators.SUB, List.of(x, ctx.array("mean", mean, false)), "centred"),
                        ctx.array("scale", scale, false)),
                "standardised");
        int layers = net.widths().length - 1;
        for (int l = 0; l < layers; l++) {
            ONNXNode w = Tensors.weights(ctx, "w" + l, net.weights().get(l), net.widths()[l], net.widths()[l + 1]);
            ONNXNode z = ctx.operation(
                    ONNXOperators.GEMM,
                    List.of(a, w, ctx.array("b" + l, net.biases().get(l), false)),
                    "z" + l);
            if (l < layers - 1) {
                a = z.apply(model.net().activation() == Activation.RELU ? OnnxOps.RELU : OnnxOps.TANH);
            } else {
                a = z.apply(ONNXOperators.SOFTMAX, Map.of("axis", 1));
            }
        }
        ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
        List<String> own = new ArrayList<>();
        for (int k = 0; k < outputs.size(); k++) {
            own.add(outputs.getOutput(k).getLabel());
        }
        return new Scores(Tensors.reorder(a, own, classes), DataType.DOUBLE);
    }
}
