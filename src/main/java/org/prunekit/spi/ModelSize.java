package org.prunekit.spi;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Size of one candidate model, with the same columns for every family so trees, ensembles, linear models and nets
 * compare.
 *
 * @param parameters        all parameters the model stores (tree: 2 per split + one value per class per leaf;
 *                          linear: coefficients + intercepts; MLP: weights + biases)
 * @param nonZeroParameters parameters that are not exactly zero (what a sparse format would store)
 * @param details           family-specific counts, e.g. {@code leaves}, {@code depth}, {@code rounds},
 *                          {@code features}, {@code neurons}; sorted by key
 */
public record ModelSize(long parameters, long nonZeroParameters, Map<String, Double> details) {

    public ModelSize {
        if (parameters < 0 || nonZeroParameters < 0 || nonZeroParameters > parameters) {
            throw new IllegalArgumentException(
                    "bad size: parameters " + parameters + ", non-zero " + nonZeroParameters);
        }
        details = Collections.unmodifiableMap(new TreeMap<>(details));
    }

    public static ModelSize of(long parameters, long nonZeroParameters) {
        return new ModelSize(parameters, nonZeroParameters, Map.of());
    }
}
