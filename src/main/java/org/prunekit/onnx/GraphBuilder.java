package org.prunekit.onnx;

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXPlaceholder;

/**
 * An {@link ONNXContext} plus what Tribuo's context cannot express: graph inputs and outputs of any element type
 * (Tribuo declares {@code float [batch, d]} only; the declared type is replaced after the graph is built, through the
 * generated protobuf builders) and the model wrapper (IR version, opset imports, metadata).
 */
final class GraphBuilder {

    /** ONNX IR version written (accepted by ONNX Runtime 1.20 and by onnx 1.12's checker). */
    static final long IR_VERSION = 8;

    private final ONNXContext context = new ONNXContext();
    private final Map<String, OnnxMl.TypeProto> types = new LinkedHashMap<>();

    ONNXContext context() {
        return context;
    }

    /** A graph input {@code [batch, width]} of element type {@code type}. */
    ONNXPlaceholder input(String name, DataType type, int width) {
        ONNXPlaceholder p = context.floatInput(name, width);
        types.put(name, tensorType(type, width));
        return p;
    }

    /** A graph output {@code [batch, width]} of element type {@code type}; {@code width < 0} declares {@code [batch]}. */
    ONNXPlaceholder output(String name, DataType type, int width) {
        ONNXPlaceholder p = context.floatOutput(name, Math.max(width, 1));
        types.put(name, tensorType(type, width));
        return p;
    }

    private static OnnxMl.TypeProto tensorType(DataType type, int width) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder()
                .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("batch"));
        if (width >= 0) {
            shape.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(width));
        }
        return OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                        .setElemType(type.getNumber())
                        .setShape(shape))
                .build();
    }

    /** The finished model: graph named {@code name}, opsets 13 and ai.onnx.ml 3, the given metadata. */
    OnnxMl.ModelProto build(String name, String producerVersion, String doc, Map<String, String> metadata) {
        context.setName(name);
        OnnxMl.GraphProto.Builder graph = context.buildGraph().toBuilder();
        for (OnnxMl.ValueInfoProto.Builder v : graph.getInputBuilderList()) {
            retype(v);
        }
        for (OnnxMl.ValueInfoProto.Builder v : graph.getOutputBuilderList()) {
            retype(v);
        }
        OnnxMl.ModelProto.Builder model = OnnxMl.ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("prunekit")
                .setProducerVersion(producerVersion)
                .setDocString(doc)
                .addOpsetImport(
                        OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OnnxOps.OPSET))
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder()
                        .setDomain(OnnxOps.Ml.DOMAIN)
                        .setVersion(OnnxOps.Ml.OPSET))
                .setGraph(graph);
        metadata.forEach((k, v) -> model.addMetadataProps(
                OnnxMl.StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return model.build();
    }

    private void retype(OnnxMl.ValueInfoProto.Builder v) {
        OnnxMl.TypeProto t = types.get(v.getName());
        if (t != null) {
            v.setType(t);
        }
    }
}
