package org.prunekit.eval;

/**
 * The classification metrics, by config name. Definitions follow scikit-learn 1.2 / imbalanced-learn 0.10
 * (zero_division = 0); see {@code src/test/resources/reference/README.md}. For binary problems "positive" is class
 * index 1 of the sorted classes unless the config names one.
 */
public enum Metric {
    ACCURACY("accuracy", false, true),
    BALANCED_ACCURACY("balanced-accuracy", false, true),
    MCC("mcc", false, true),
    COHEN_KAPPA("cohen-kappa", false, true),
    MACRO_F1("macro-f1", false, true),
    WEIGHTED_F1("weighted-f1", false, true),
    G_MEAN("g-mean", false, true),
    RECALL("recall", false, true),
    PRECISION("precision", false, true),
    SPECIFICITY("specificity", false, true),
    ROC_AUC("roc-auc", true, true),
    AVERAGE_PRECISION("average-precision", true, true),
    PR_AUC("pr-auc", true, true),
    LOG_LOSS("log-loss", true, false),
    BRIER("brier", true, false),
    DEVIANCE("deviance", true, false);

    private final String configName;
    private final boolean needsProbabilities;
    private final boolean higherIsBetter;

    Metric(String configName, boolean needsProbabilities, boolean higherIsBetter) {
        this.configName = configName;
        this.needsProbabilities = needsProbabilities;
        this.higherIsBetter = higherIsBetter;
    }

    public String configName() {
        return configName;
    }

    public boolean needsProbabilities() {
        return needsProbabilities;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Looks a metric up by its config name; {@code null} when unknown. */
    public static Metric byName(String name) {
        for (Metric m : values()) {
            if (m.configName.equals(name)) {
                return m;
            }
        }
        return null;
    }
}
