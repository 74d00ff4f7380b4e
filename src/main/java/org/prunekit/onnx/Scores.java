package org.prunekit.onnx;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import org.tribuo.util.onnx.ONNXNode;

/**
 * Class probabilities {@code [N, K]} inside a graph, columns in the export's class order.
 *
 * @param node the graph value
 * @param type its element type (FLOAT or DOUBLE)
 */
record Scores(ONNXNode node, DataType type) {}
