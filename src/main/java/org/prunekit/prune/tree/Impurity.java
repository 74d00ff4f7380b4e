package org.prunekit.prune.tree;

/**
 * Node impurity i(t) of weighted class counts, as used for the node risk R(t) = (w_t / W) i(t) of cost-complexity
 * pruning. Gini and entropy follow scikit-learn's criteria ({@code 1 - Σ w_k² / W²}; {@code -Σ p_k log2 p_k});
 * misclassification is rpart's classification risk {@code 1 - max_k p_k}.
 */
public enum Impurity {
    GINI("gini"),
    ENTROPY("entropy"),
    MISCLASSIFICATION("misclassification");

    private final String configName;

    Impurity(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** The impurity of {@code counts}; 0 for an empty node. */
    public double of(double[] counts) {
        double w = 0;
        for (double c : counts) {
            w += c;
        }
        if (!(w > 0)) {
            return 0.0;
        }
        switch (this) {
            case GINI: {
                double sq = 0;
                for (double c : counts) {
                    sq += c * c;
                }
                return 1.0 - sq / (w * w);
            }
            case ENTROPY: {
                double h = 0;
                for (double c : counts) {
                    if (c > 0) {
                        double p = c / w;
                        h -= p * Math.log(p) / Math.log(2.0);
                    }
                }
                return h;
            }
            default: {
                double max = 0;
                for (double c : counts) {
                    max = Math.max(max, c);
                }
                return 1.0 - max / w;
            }
        }
    }

    /** Looks an impurity up by config name; {@code null} when unknown. */
    public static Impurity byName(String name) {
        for (Impurity i : values()) {
            if (i.configName.equals(name)) {
                return i;
            }
        }
        return null;
    }
}
