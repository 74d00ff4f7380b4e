package org.prunekit.prune;

import java.util.HashMap;
import java.util.Map;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.classification.Label;

/** Reads class weights back from Tribuo example weights (how the harness delivers the {@code class-weights} strategy). */
public final class ExampleWeights {

    private ExampleWeights() {}

    /** Mean example weight per class label; empty when every weight is 1 (no weighting). */
    public static Map<String, Float> perClass(Dataset<Label> data) {
        Map<String, double[]> acc = new HashMap<>();
        boolean allOne = true;
        for (Example<Label> e : data) {
            double[] a = acc.computeIfAbsent(e.getOutput().getLabel(), k -> new double[2]);
            a[0] += e.getWeight();
            a[1]++;
            allOne &= e.getWeight() == 1f;
        }
        Map<String, Float> out = new HashMap<>();
        if (!allOne) {
            acc.forEach((k, a) -> out.put(k, (float) (a[0] / a[1])));
        }
        return out;
    }
}
