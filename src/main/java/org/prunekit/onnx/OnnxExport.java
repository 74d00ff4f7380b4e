package org.prunekit.onnx;

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prunekit.bundle.Bundle;
import org.prunekit.bundle.PruningRecord;
import org.prunekit.prune.FeatureSubsetModel;
import org.prunekit.prune.linear.SparseLinearModel;
import org.prunekit.prune.nn.MlpModel;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.ensemble.WeightedEnsembleModel;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;

/**
 * Exports a fitted model with its preprocessing as one ONNX graph that scores raw rows.
 *
 * <p>Inputs (each present only when the data has such columns): {@value PreprocessingGraph#NUMERIC}, {@code double
 * [N, q]}, the numeric columns in file order with NaN for a missing value; {@value PreprocessingGraph#CATEGORICAL},
 * {@code string [N, c]}, the categorical columns in file order with {@code ""} (or a declared missing token) for a
 * missing value. Outputs: {@value #PROBABILITIES}, {@code float [N, K]} in the metadata's class order, and
 * {@value #LABEL}, {@code string [N]}: the decision threshold applied to the positive class when there is one, else
 * the most probable class. Column lists, classes and the threshold are in the model's metadata
 * ({@code prunekit.*}).
 */
public final class OnnxExport {

    /** Name of the probabilities output. */
    public static final String PROBABILITIES = "probabilities";
    /** Name of the predicted-label output. */
    public static final String LABEL = "label";
    /** Name of the numeric input. */
    public static final String NUMERIC = PreprocessingGraph.NUMERIC;
    /** Name of the categorical input. */
    public static final String CATEGORICAL = PreprocessingGraph.CATEGORICAL;

    private static final ObjectMapper JSON = new ObjectMapper();

    private OnnxExport() {}

    /**
     * A binary decision rule: predict {@code positive} iff its probability is at least {@code threshold}.
     */
    public record Decision(String positive, double threshold) {}

    /**
     * The ONNX model of {@code model} behind the preprocessing {@code raw}.
     *
     * @param classes  output class order
     * @param decision the binary decision rule, or null for the most probable class
     * @param version  prunekit's version (producer version)
     * @param metadata extra metadata entries (e.g. family, method, strength)
     * @throws IllegalArgumentException when the model has no ONNX translation
     */
    public static OnnxMl.ModelProto export(
            RawColumns raw,
            Model<Label> model,
            List<String> classes,
            Decision decision,
            String version,
            Map<String, String> metadata) {
        ModelGraph graphOf = graphOf(model);
        GraphBuilder graph = new GraphBuilder();
        ONNXContext ctx = graph.context();
        Features features = PreprocessingGraph.build(graph, raw);
        Scores scores = graphOf.probabilities(features, classes);
        ONNXNode index = decide(ctx, scores, classes, decision);
        int[] keys = new int[classes.size()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = k;
        }
        ONNXNode label = index.apply(
                OnnxOps.LABEL_ENCODER,
                Map.of("keys_int64s", keys, "values_strings", classes.toArray(String[]::new), "default_string", ""));
        ctx.assignTo(label, graph.output(LABEL, DataType.STRING, -1));
        ONNXNode probs =
                scores.type() == DataType.FLOAT ? scores.node() : scores.node().cast(float.class);
        ctx.assignTo(probs, graph.output(PROBABILITIES, DataType.FLOAT, classes.size()));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("prunekit.classes", json(classes));
        meta.put(
                "prunekit.numeric_columns",
                json(raw.numeric().stream().map(RawColumns.Column::name).toList()));
        meta.put(
                "prunekit.categorical_columns",
                json(raw.categorical().stream().map(RawColumns.Column::name).toList()));
        List<String> missing = new ArrayList<>(List.of(""));
        missing.addAll(raw.missingTokens());
        meta.put("prunekit.categorical_missing", json(missing));
        if (decision != null) {
            meta.put("prunekit.positive", decision.positive());
            meta.put("prunekit.threshold", Double.toString(decision.threshold()));
        }
        meta.putAll(metadata);
        String doc = "prunekit " + version + ": " + model.getClass().getSimpleName()
                + " with its preprocessing. Inputs: "
                + (raw.numeric().isEmpty()
                        ? ""
                        : "'numeric' double [N, " + raw.numeric().size() + "] (NaN = missing) ")
                + (raw.categorical().isEmpty()
                        ? ""
                        : "'categorical' string [N, " + raw.categorical().size() + "] (\"\" = missing) ")
                + "in the column order of the metadata; outputs "
                + "'probabilities' float [N, " + classes.size() + "] in prunekit.classes order and 'label' string [N].";
        return graph.build("prunekit", version, doc, meta);
    }

    /**
     * The ONNX model of a bundle: its encoding and missing tokens, classes, decision threshold and model, with its
     * pruning record as metadata ({@code prunekit.arm}, {@code prunekit.family}, ...).
     *
     * @throws IllegalArgumentException when the bundle's model has no ONNX translation
     */
    public static OnnxMl.ModelProto of(Bundle bundle) {
        RawColumns raw = RawColumns.of(bundle.encoding(), bundle.schema().missingTokens());
        Decision decision = bundle.positive() >= 0 && !Double.isNaN(bundle.threshold())
                ? new Decision(bundle.classes().get(bundle.positive()), bundle.threshold())
                : null;
        PruningRecord p = bundle.pruning();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("prunekit.arm", p.arm());
        meta.put("prunekit.family", p.family());
        meta.put("prunekit.method", p.method());
        meta.put("prunekit.strength", p.strengthName() + "=" + p.strength());
        meta.put("prunekit.non_zero_parameters", p.nonZero() + " of " + p.denseParameters());
        meta.put("prunekit.data_sha256", p.dataSha256());
        meta.put("prunekit.bundle_version", p.prunekitVersion());
        return export(raw, bundle.model(), bundle.classes(), decision, PruningRecord.currentVersion(), meta);
    }

    /** Whether {@code model} has an ONNX translation. */
    public static boolean supports(Model<Label> model) {
        try {
            graphOf(model);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    static ModelGraph graphOf(Model<Label> model) {
        if (model instanceof FeatureSubsetModel f) {
            return graphOf(f.inner());
        }
        if (model instanceof TreeModel<Label> t) {
            return new CartGraph(t);
        }
        if (model instanceof XGBoostModel<?> x) {
            return new XgboostGraph((XGBoostModel<Label>) x);
        }
        if (model instanceof WeightedEnsembleModel<?> e) {
            return new ForestGraph((WeightedEnsembleModel<Label>) e);
        }
        if (model instanceof SparseLinearModel s) {
            return new LinearGraph(s);
        }
        if (model instanceof MlpModel m) {
            return new MlpGraph(m);
        }
        if (model instanceof LibLinearClassificationModel l) {
            return new LibLinearGraph(l);
        }
        throw new IllegalArgumentException(
                "no ONNX translation for " + model.getClass().getSimpleName());
    }

    private static ONNXNode decide(ONNXContext ctx, Scores scores, List<String> classes, Decision decision) {
        if (decision == null || classes.size() != 2) {
            return scores.node().apply(OnnxOps.ARG_MAX, Map.of("axis", 1, "keepdims", 0));
        }
        int pos = TribuoTrees.index(classes, decision.positive());
        ONNXNode p = ctx.operation(
                ONNXOperators.GATHER,
                List.of(scores.node(), ctx.constant("positive", (long) pos)),
                "positive_probability",
                Map.of("axis", 1));
        var threshold = scores.type() == DataType.DOUBLE
                ? ctx.array("threshold", new double[] {decision.threshold()}, false)
                : ctx.array("threshold", new float[] {(float) decision.threshold()});
        ONNXNode at = ctx.operation(ONNXOperators.GREATER_OR_EQUAL, List.of(p, threshold), "at_threshold");
        return ctx.operation(
                ONNXOperators.WHERE,
                List.of(at, ctx.constant("positive_index", (long) pos), ctx.constant("negative_index", (long)
                        (1 - pos))),
                "decision");
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
