package org.prunekit.config;

import java.util.Set;

/**
 * {@code imbalance:} block. Whatever the strategy, it touches training data only: class weights and resampling are
 * applied to the (inner or outer) training part, and a threshold is chosen on inner data.
 *
 * @param strategy {@code none}, {@code class-weights}, {@code undersample}, {@code oversample}, {@code smote} or
 *                 {@code threshold}
 */
public record ImbalanceSpec(String strategy) {

    public static final Set<String> STRATEGIES =
            new java.util.LinkedHashSet<>(java.util.List.of("none", "class-weights", "undersample", "oversample", "smote", "threshold"));

    public boolean resamples() {
        return strategy.equals("undersample") || strategy.equals("oversample") || strategy.equals("smote");
    }
}
