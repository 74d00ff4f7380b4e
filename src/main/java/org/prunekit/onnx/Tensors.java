package org.prunekit.onnx;

import java.util.List;
import java.util.Map;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXRef;
import org.tribuo.util.onnx.ONNXUtils;

/** Small graph helpers shared by the model graphs. */
final class Tensors {

    private Tensors() {}

    /**
     * A double matrix {@code [rows, cols]} from row-major {@code values}: a 1-D initializer reshaped (Tribuo's context
     * makes 1-D double initializers only; ONNX Runtime folds the reshape when it loads the model).
     */
    static ONNXNode matrix(ONNXContext ctx, String name, double[] values, int rows, int cols) {
        return ctx.operation(
                OnnxOps.RESHAPE,
                List.of(ctx.array(name, values, false), ctx.array(name + "_shape", new long[] {rows, cols})),
                name + "_matrix");
    }

    /**
     * A double matrix {@code [rows, cols]} stored in whichever form is smaller: dense ({@link #matrix}) or, when at
     * most two thirds of the entries are non-zero, as its non-zero values with their int32 row-major positions,
     * scattered into zeros ({@code ScatterElements(ConstantOfShape([rows·cols], 0), positions, values)}) and
     * reshaped. The file then grows with the non-zeros (12 bytes each) instead of the entries (8 bytes each);
     * ONNX Runtime expands the matrix once, at load.
     */
    static ONNXNode weights(ONNXContext ctx, String name, double[] values, int rows, int cols) {
        int nnz = 0;
        for (double v : values) {
            if (v != 0.0) {
                nnz++;
            }
        }
        if (12L * nnz + 64 >= 8L * values.length) {
            return matrix(ctx, name, values, rows, cols);
        }
        int[] at = new int[nnz];
        double[] nz = new double[nnz];
        int p = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0.0) {
                at[p] = i;
                nz[p++] = values[i];
            }
        }
        ONNXNode zeros = ctx.array(name + "_size", new long[] {values.length})
                .apply(
                        ONNXOperators.CONSTANT_OF_SHAPE,
                        Map.of("value", ONNXUtils.arrayBuilder(ctx, name + "_zero", new double[] {0.0}, false)));
        ONNXNode flat = ctx.operation(
                OnnxOps.SCATTER_ELEMENTS,
                List.of(zeros, ctx.array(name + "_positions", at), ctx.array(name + "_values", nz, false)),
                name + "_flat",
                Map.of("axis", 0));
        return ctx.operation(
                OnnxOps.RESHAPE, List.of(flat, ctx.array(name + "_shape", new long[] {rows, cols})), name + "_matrix");
    }

    /** Scores clipped at 0 and divided by their row sum ({@code Probabilities.row}'s reading of model scores). */
    static ONNXNode clipNormalise(ONNXNode scores) {
        ONNXContext ctx = scores.onnxContext();
        ONNXNode clipped = scores.apply(OnnxOps.RELU);
        ONNXNode sum = ctx.operation(
                ONNXOperators.REDUCE_SUM,
                List.of(clipped, ctx.array("sum_axis", new long[] {1})),
                "row_sum",
                Map.of("keepdims", 1));
        return ctx.operation(ONNXOperators.DIV, List.of(clipped, sum), "normalised");
    }

    /**
     * {@code [1 − σ(η), σ(η)]} for a single column {@code η} ({@code [N, 1]}), in float ({@code floats}) or double as
     * {@code η} is; the result node is called {@code name}.
     */
    static ONNXNode binomial(ONNXNode eta, boolean floats, String name) {
        ONNXContext ctx = eta.onnxContext();
        ONNXNode p1 = eta.apply(ONNXOperators.SIGMOID);
        ONNXRef<?> one;
        if (floats) {
            one = ctx.array("one", new float[] {1f});
        } else {
            one = ctx.array("one", new double[] {1.0}, false);
        }
        ONNXNode p0 = ctx.operation(ONNXOperators.SUB, List.of(one, p1), "p0");
        return ctx.operation(ONNXOperators.CONCAT, List.of(p0, p1), name, Map.of("axis", 1));
    }

    /** {@code probs} with its columns (in {@code from} order) rearranged into {@code to} order. */
    static ONNXNode reorder(ONNXNode probs, List<String> from, List<String> to) {
        if (from.equals(to)) {
            return probs;
        }
        long[] perm = new long[to.size()];
        for (int k = 0; k < perm.length; k++) {
            perm[k] = TribuoTrees.index(from, to.get(k));
        }
        ONNXContext ctx = probs.onnxContext();
        return ctx.operation(
                ONNXOperators.GATHER, List.of(probs, ctx.array("class_order", perm)), "reordered", Map.of("axis", 1));
    }
}
