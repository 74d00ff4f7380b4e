package org.prunekit.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.tribuo.util.onnx.ONNXAttribute;
import org.tribuo.util.onnx.ONNXOperator;

/**
 * The ONNX operators prunekit needs that Tribuo's {@code ONNXOperators} (opset 13, no ai.onnx.ml except
 * ArrayFeatureExtractor and SVM) lacks. Standard operators are declared at opset 13, ai.onnx.ml operators at the
 * version that introduced the attributes used (TreeEnsembleRegressor 3 for {@code *_as_tensor}, LabelEncoder 2).
 */
enum OnnxOps implements ONNXOperator {
    MAT_MUL("MatMul", 2, 1, ""),
    RELU("Relu", 1, 1, ""),
    TANH("Tanh", 1, 1, ""),
    IS_NAN("IsNaN", 1, 1, ""),
    ARG_MAX("ArgMax", 1, 1, "", attr("axis", AttributeType.INT), attr("keepdims", AttributeType.INT)),
    RESHAPE("Reshape", 2, 1, ""),
    SCATTER_ELEMENTS("ScatterElements", 3, 1, "", attr("axis", AttributeType.INT)),
    CATEGORY_MAPPER(
            "CategoryMapper",
            1,
            1,
            Ml.DOMAIN,
            attr("cats_int64s", AttributeType.INTS),
            attr("cats_strings", AttributeType.STRINGS),
            attr("default_int64", AttributeType.INT),
            attr("default_string", AttributeType.STRING)),
    ONE_HOT_ENCODER(
            "OneHotEncoder",
            1,
            1,
            Ml.DOMAIN,
            attr("cats_int64s", AttributeType.INTS),
            attr("cats_strings", AttributeType.STRINGS),
            attr("zeros", AttributeType.INT)),
    LABEL_ENCODER(
            "LabelEncoder",
            1,
            1,
            Ml.DOMAIN,
            attr("keys_int64s", AttributeType.INTS),
            attr("values_strings", AttributeType.STRINGS),
            attr("default_string", AttributeType.STRING)),
    TREE_ENSEMBLE_REGRESSOR(
            "TreeEnsembleRegressor",
            1,
            1,
            Ml.DOMAIN,
            attr("aggregate_function", AttributeType.STRING),
            attr("base_values", AttributeType.FLOATS),
            attr("base_values_as_tensor", AttributeType.TENSOR),
            attr("n_targets", AttributeType.INT),
            attr("nodes_falsenodeids", AttributeType.INTS),
            attr("nodes_featureids", AttributeType.INTS),
            attr("nodes_missing_value_tracks_true", AttributeType.INTS),
            attr("nodes_modes", AttributeType.STRINGS),
            attr("nodes_nodeids", AttributeType.INTS),
            attr("nodes_treeids", AttributeType.INTS),
            attr("nodes_truenodeids", AttributeType.INTS),
            attr("nodes_values", AttributeType.FLOATS),
            attr("nodes_values_as_tensor", AttributeType.TENSOR),
            attr("post_transform", AttributeType.STRING),
            attr("target_ids", AttributeType.INTS),
            attr("target_nodeids", AttributeType.INTS),
            attr("target_treeids", AttributeType.INTS),
            attr("target_weights", AttributeType.FLOATS),
            attr("target_weights_as_tensor", AttributeType.TENSOR));

    /** The ai.onnx.ml domain and the opset version prunekit's graphs import from it. */
    static final class Ml {
        static final String DOMAIN = "ai.onnx.ml";
        static final int OPSET = 3;

        private Ml() {}
    }

    /** The default-domain opset prunekit's graphs import (Tribuo's). */
    static final int OPSET = 13;

    private final String opName;
    private final int inputs;
    private final int outputs;
    private final String domain;
    private final Map<String, ONNXAttribute> attributes;

    OnnxOps(String opName, int inputs, int outputs, String domain, ONNXAttribute... attributes) {
        this.opName = opName;
        this.inputs = inputs;
        this.outputs = outputs;
        this.domain = domain;
        Map<String, ONNXAttribute> m = new LinkedHashMap<>();
        for (ONNXAttribute a : attributes) {
            m.put(a.getName(), a);
        }
        this.attributes = Map.copyOf(m);
    }

    private static ONNXAttribute attr(String name, AttributeType type) {
        return new ONNXAttribute(name, type, false);
    }

    @Override
    public String getOpName() {
        return opName;
    }

    @Override
    public int getNumInputs() {
        return inputs;
    }

    @Override
    public int getNumOptionalInputs() {
        return 0;
    }

    @Override
    public int getNumOutputs() {
        return outputs;
    }

    @Override
    public Map<String, ONNXAttribute> getAttributes() {
        return attributes;
    }

    @Override
    public Set<String> getMandatoryAttributeNames() {
        return Set.of();
    }

    @Override
    public int getOpVersion() {
        return domain.isEmpty() ? OPSET : Ml.OPSET;
    }

    @Override
    public String getOpDomain() {
        return domain;
    }
}
