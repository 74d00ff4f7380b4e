package org.prunekit.data.imbalance;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * A weight per class label, for the {@code class-weights} strategy. Trainers that support Tribuo example weights get
 * them through {@link #apply}; trainers that take label weights (e.g. LibLinear) read {@link #weights()}.
 *
 * <p>{@link #balanced}: w_c = n / (k · n_c) for the k classes present in the training set (scikit-learn's
 * {@code class_weight='balanced'}), so each class carries total weight n / k and all weights sum to n over the
 * examples. {@link #explicit}: the given weights; classes not listed get 1 (as scikit-learn), a listed label that is
 * not a class of the training set is an error.
 *
 * @param weights weight per label, sorted by label; unmodifiable
 */
public record ClassWeights(Map<String, Float> weights) {

    public ClassWeights {
        weights = Collections.unmodifiableMap(new TreeMap<>(weights));
        weights.forEach((label, w) -> {
            if (w == null || !(w > 0) || w.isInfinite()) {
                throw new IllegalArgumentException(
                        "class weight of '" + label + "' must be finite and > 0 but was " + w);
            }
        });
    }

    /** w_c = n / (k · n_c). */
    public static ClassWeights balanced(Dataset<Label> train) {
        Strata s = Strata.of(train);
        double n = s.examples.size();
        int k = s.labels.size();
        Map<String, Float> w = new TreeMap<>();
        for (int c = 0; c < k; c++) {
            w.put(s.labels.get(c), (float) (n / ((double) k * s.size(c))));
        }
        return new ClassWeights(w);
    }

    /** The given weights; unlisted classes get 1. A label that is not a class of {@code train} is an error. */
    public static ClassWeights explicit(Map<String, ? extends Number> given, Dataset<Label> train) {
        Strata s = Strata.of(train);
        Map<String, Float> w = new TreeMap<>();
        s.labels.forEach(l -> w.put(l, 1.0f));
        given.forEach((label, v) -> {
            if (!w.containsKey(label)) {
                throw new IllegalArgumentException("class weight given for '" + label
                        + "', which is not a class of the training data " + s.labels);
            }
            w.put(label, v.floatValue());
        });
        return new ClassWeights(w);
    }

    /** Weight of {@code label}; 1 for a label without a weight. */
    public float weight(String label) {
        return weights.getOrDefault(label, 1.0f);
    }

    /**
     * A copy of {@code train} whose every example has weight (its weight) × w[its label]. The input is not modified.
     */
    public MutableDataset<Label> apply(Dataset<Label> train) {
        MutableDataset<Label> out = Strata.emptyLike(train);
        for (Example<Label> ex : train) {
            Example<Label> copy = ex.copy();
            copy.setWeight(ex.getWeight() * weight(ex.getOutput().getLabel()));
            out.add(copy);
        }
        return out;
    }
}
