package org.prunekit.report;

import java.util.Set;

/**
 * THE one place that knows how the harness lays out a results folder: file names, column names and method names.
 * When the harness's format changes, only this class changes.
 *
 * <p>Assumed layout (one row per candidate per outer fold in {@code candidates.csv}; one row per chosen candidate per
 * outer fold in {@code selected.csv}; one row per selection point of the inner CV in {@code cp-table.csv}):
 * <pre>
 * candidates.csv  arm, repeat, fold, candidate, strength, parameters, non_zero_parameters, bytes, latency_us,
 *                 [leaves, rounds, features, ...], outer_&lt;metric&gt; ..., [inner_&lt;metric&gt;, inner_&lt;metric&gt;_sd ...]
 * selected.csv    the same columns, chosen rows only
 * cp-table.csv    arm, [repeat, fold], candidate, strength, [leaves], inner_&lt;metric&gt;, inner_&lt;metric&gt;_sd
 * coefficients.csv (optional) arm, [repeat, fold], candidate, strength, feature, coefficient
 * </pre>
 * {@code selected.csv} may carry {@code features_used}: the chosen candidate's features joined by {@code ;}
 * (from {@code FeatureUsage}), which gives the selection-frequency heat map.
 */
public final class ResultsLayout {

    public static final String CONFIG = "config.yaml";
    public static final String CANDIDATES = "candidates.csv";
    public static final String SELECTED = "selected.csv";
    public static final String CP_TABLE = "cp-table.csv";
    public static final String WARNINGS = "warnings.txt";
    public static final String COEFFICIENTS = "coefficients.csv";

    public static final String ARM = "arm";
    public static final String REPEAT = "repeat";
    public static final String FOLD = "fold";
    public static final String CANDIDATE = "candidate";
    public static final String STRENGTH = "strength";
    public static final String PARAMETERS = "parameters";
    public static final String NON_ZERO = "non_zero_parameters";
    public static final String BYTES = "bytes";
    public static final String LATENCY_US = "latency_us";

    /** Features used by a candidate, joined by {@link #FEATURE_SEPARATOR}. */
    public static final String FEATURES_USED = "features_used";
    public static final String FEATURE_SEPARATOR = ";";
    /** Columns of {@link #COEFFICIENTS}. */
    public static final String FEATURE = "feature";
    public static final String COEFFICIENT = "coefficient";

    /** Family detail columns (from {@code ModelSize.details()}). */
    public static final String LEAVES = "leaves";
    public static final String ROUNDS = "rounds";
    public static final String FEATURES = "features";

    /** Method names as registered by the pruning modules. */
    public static final String COST_COMPLEXITY = "cost-complexity";
    public static final String TREE_DROP = "tree-drop";
    public static final String L1_PATH = "l1-path";
    public static final String MAGNITUDE = "magnitude";
    public static final String NONE = "none";

    /** Methods that are not feature selectors (any other method whose rows carry {@link #FEATURES} is one). */
    public static final Set<String> MODEL_PRUNING = Set.of(COST_COMPLEXITY, TREE_DROP, L1_PATH, MAGNITUDE, NONE);

    private ResultsLayout() {
    }

    /** Column of a metric on the outer test fold. */
    public static String outer(String metric) {
        return "outer_" + metric;
    }

    /** Column of the inner-CV mean of a metric. */
    public static String innerMean(String metric) {
        return "inner_" + metric;
    }

    /** Column of the inner-CV standard deviation of a metric. */
    public static String innerSd(String metric) {
        return "inner_" + metric + "_sd";
    }
}
