package org.prunekit.onnx;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

/**
 * The graph from raw columns to the encoded feature matrix, exactly as the fitted encoder encodes a row:
 * <ul>
 *   <li>input {@value #NUMERIC} ({@code double [N, q]}, numeric columns in file order, NaN = missing):
 *       {@code Where(IsNaN(x), fill, x)};</li>
 *   <li>input {@value #CATEGORICAL} ({@code string [N, c]}, categorical columns in file order; the empty string or a
 *       missing token = missing): per column, {@code CategoryMapper} (level to its index, a missing token to the
 *       most frequent level's index, anything else to -1) then {@code OneHotEncoder} with {@code zeros=1}, so an
 *       unseen level encodes as all zeros;</li>
 *   <li>missing indicators: {@code IsNaN} of a numeric column, or a {@code CategoryMapper} sending missing tokens
 *       to 1 and everything else to 0;</li>
 *   <li>all parts concatenated (numeric, one-hot, indicators); models find their features by name.</li>
 * </ul>
 * An input is declared only when the data has columns of its kind.
 */
final class PreprocessingGraph {

    /** Name of the numeric input. */
    static final String NUMERIC = "numeric";
    /** Name of the categorical input. */
    static final String CATEGORICAL = "categorical";

    private PreprocessingGraph() {}

    /** Declares the raw inputs in {@code graph} and returns the encoded feature matrix. */
    static Features build(GraphBuilder graph, RawColumns raw) {
        ONNXContext ctx = graph.context();
        List<RawColumns.Numeric> numeric = raw.numeric();
        List<RawColumns.Categorical> categorical = raw.categorical();
        List<ONNXRef<?>> parts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        ONNXPlaceholder num = null;
        ONNXPlaceholder cat = null;
        if (!numeric.isEmpty()) {
            num = graph.input(NUMERIC, DataType.DOUBLE, numeric.size());
            double[] fill =
                    numeric.stream().mapToDouble(RawColumns.Numeric::fill).toArray();
            ONNXNode isNan = num.apply(OnnxOps.IS_NAN);
            parts.add(
                    ctx.operation(ONNXOperators.WHERE, List.of(isNan, ctx.array("fill", fill, false), num), "imputed"));
            numeric.forEach(c -> names.add(c.feature()));
        }
        List<String> missing = new ArrayList<>();
        missing.add("");
        raw.missingTokens().stream().filter(t -> !missing.contains(t)).forEach(missing::add);
        if (!categorical.isEmpty()) {
            cat = graph.input(CATEGORICAL, DataType.STRING, categorical.size());
            for (int j = 0; j < categorical.size(); j++) {
                RawColumns.Categorical c = categorical.get(j);
                if (c.levels().isEmpty()) {
                    continue;
                }
                ONNXNode column = ctx.operation(
                        ONNXOperators.GATHER,
                        List.of(cat, ctx.constant("column", (long) j)),
                        c.name(),
                        Map.of("axis", 1));
                List<String> keys = new ArrayList<>(c.levels());
                List<Integer> codes = new ArrayList<>();
                for (int k = 0; k < keys.size(); k++) {
                    codes.add(k);
                }
                int mode = c.mode() == null ? -1 : c.levels().indexOf(c.mode());
                if (mode >= 0) {
                    for (String t : missing) {
                        if (!keys.contains(t)) {
                            keys.add(t);
                            codes.add(mode);
                        }
                    }
                }
                ONNXNode code = column.apply(
                        OnnxOps.CATEGORY_MAPPER,
                        Map.of(
                                "cats_strings", keys.toArray(String[]::new),
                                "cats_int64s",
                                        codes.stream()
                                                .mapToInt(Integer::intValue)
                                                .toArray(),
                                "default_int64", -1));
                int[] all = new int[c.levels().size()];
                for (int k = 0; k < all.length; k++) {
                    all[k] = k;
                }
                parts.add(code.apply(OnnxOps.ONE_HOT_ENCODER, Map.of("cats_int64s", all, "zeros", 1))
                        .cast(double.class));
                names.addAll(c.features());
            }
        }
        for (RawColumns.Column c : raw.columns()) {
            if (c.indicator() == null) {
                continue;
            }
            names.add(c.indicator());
            if (c instanceof RawColumns.Numeric) {
                int j = numeric.indexOf(c);
                ONNXNode column = ctx.operation(
                        ONNXOperators.GATHER,
                        List.of(num, ctx.array("column", new long[] {j})),
                        c.name(),
                        Map.of("axis", 1));
                parts.add(column.apply(OnnxOps.IS_NAN).cast(double.class));
            } else {
                int j = categorical.indexOf(c);
                ONNXNode column = ctx.operation(
                        ONNXOperators.GATHER,
                        List.of(cat, ctx.array("column", new long[] {j})),
                        c.name(),
                        Map.of("axis", 1));
                int[] ones = new int[missing.size()];
                java.util.Arrays.fill(ones, 1);
                parts.add(column.apply(
                                OnnxOps.CATEGORY_MAPPER,
                                Map.of(
                                        "cats_strings",
                                        missing.toArray(String[]::new),
                                        "cats_int64s",
                                        ones,
                                        "default_int64",
                                        0))
                        .cast(double.class));
            }
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("the encoder produces no features");
        }
        ONNXNode matrix = ctx.operation(ONNXOperators.CONCAT, parts, "features", Map.of("axis", 1));
        return new Features(matrix, names);
    }
}
