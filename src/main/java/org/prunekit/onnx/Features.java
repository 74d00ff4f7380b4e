package org.prunekit.onnx;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.util.onnx.ONNXRef;

/**
 * The encoded feature matrix inside a graph: a double tensor {@code [N, d]} whose column {@code j} is feature
 * {@code names.get(j)}, as the fitted encoder would produce it.
 *
 * @param matrix the graph value holding the matrix
 * @param names  feature name of every column
 */
record Features(ONNXRef<?> matrix, List<String> names) {

    Features {
        names = List.copyOf(names);
    }

    /**
     * Column of every feature of {@code map}, by feature id ({@code out[id]}); a model feature the encoder does not
     * produce is an error.
     */
    int[] columnsOf(ImmutableFeatureMap map) {
        Map<String, Integer> at = new HashMap<>();
        for (int j = 0; j < names.size(); j++) {
            at.put(names.get(j), j);
        }
        int[] out = new int[map.size()];
        for (int id = 0; id < out.length; id++) {
            String name = map.get(id).getName();
            Integer j = at.get(name);
            if (j == null) {
                throw new IllegalArgumentException(
                        "the model uses feature '" + name + "', which the fitted encoder does not produce");
            }
            out[id] = j;
        }
        return out;
    }
}
