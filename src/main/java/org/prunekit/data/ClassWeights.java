package org.prunekit.data;

import java.util.Map;
import java.util.TreeMap;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.classification.Label;

// STAND-IN: replaced at merge by the imbalance helper's version
/** Class weights {@code n / (k * n_c)} (scikit-learn's "balanced"). */
public final class ClassWeights {

    private ClassWeights() {
    }

    /** Weight per class label of {@code data}. */
    public static Map<String, Float> balanced(Dataset<Label> data) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Example<Label> e : data) {
            counts.merge(e.getOutput().getLabel(), 1, Integer::sum);
        }
        Map<String, Float> out = new TreeMap<>();
        int n = data.size();
        counts.forEach((c, nc) -> out.put(c, (float) ((double) n / (counts.size() * (double) nc))));
        return out;
    }
}
