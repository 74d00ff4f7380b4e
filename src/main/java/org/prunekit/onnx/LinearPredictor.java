package org.prunekit.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;

/**
 * Linear predictors {@code η = Gather(x, used) B + a} in double precision, where {@code used} are the features with
 * a non-zero coefficient in some predictor and {@code B} is {@code used × m}: a sparse (L1-pruned) model's graph
 * holds only its support.
 */
final class LinearPredictor {

    private LinearPredictor() {}

    /**
     * @param columns    column in the feature matrix of every model feature id
     * @param beta       {@code beta[k][id]}, one row per predictor
     * @param intercepts one per predictor
     * @return {@code η}, double {@code [N, m]}
     */
    static ONNXNode eta(Features features, int[] columns, double[][] beta, double[] intercepts) {
        ONNXContext ctx = features.matrix().onnxContext();
        int m = intercepts.length;
        List<Integer> used = new ArrayList<>();
        for (int id = 0; id < columns.length; id++) {
            for (double[] b : beta) {
                if (b[id] != 0) {
                    used.add(id);
                    break;
                }
            }
        }
        if (used.isEmpty()) {
            used.add(0); // an intercept-only model still needs an [N, 1] operand; its coefficient is 0
        }
        long[] gather = new long[used.size()];
        double[] weights = new double[used.size() * m];
        for (int u = 0; u < used.size(); u++) {
            gather[u] = columns[used.get(u)];
            for (int k = 0; k < m; k++) {
                weights[u * m + k] = beta[k][used.get(u)];
            }
        }
        ONNXNode x = ctx.operation(
                ONNXOperators.GATHER,
                List.of(features.matrix(), ctx.array("used", gather)),
                "used_features",
                Map.of("axis", 1));
        return ctx.operation(
                ONNXOperators.GEMM,
                List.of(
                        x,
                        Tensors.matrix(ctx, "coefficients", weights, used.size(), m),
                        ctx.array("intercepts", intercepts, false)),
                "eta");
    }

    /** {@code [1 − σ(η), σ(η)]} for a single predictor {@code η} ({@code [N, 1]}). */
    static ONNXNode binomial(ONNXNode eta) {
        return Tensors.binomial(eta, false, "binomial");
    }
}
