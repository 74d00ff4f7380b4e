package org.prunekit.report;

import java.util.Set;

/**
 * THE one place that knows how a results folder is laid out: file names, column names, {@code summary.json} keys
 * and method names. {@link ResultsWriter} writes this layout (see {@code docs/config.md}); {@link ResultsReader}
 * reads it back.
 *
 * <pre>
 * candidates.csv   arm, repeat, fold, candidate, chosen, strength_name, strength, parameters, nonzero_parameters,
 *                  size_&lt;detail&gt;..., bytes, bytes_format, threshold, inner_folds,
 *                  (inner_mean_&lt;m&gt;, inner_sd_&lt;m&gt;, outer_&lt;m&gt;) per metric, latency_us
 * selected.csv     arm, repeat, fold, candidate, strength, parameters, nonzero_parameters, bytes, dense_parameters,
 *                  dense_nonzero_parameters, dense_bytes, outer_&lt;m&gt;..., dense_outer_&lt;m&gt;..., note, features_used,
 *                  latency_us, dense_latency_us
 * cp-table.csv     arm, repeat, fold, candidate, chosen, strength, nonzero_parameters, size_&lt;detail&gt;...,
 *                  selection_metric, inner_mean, inner_sd, inner_se, inner_folds
 * path-columns.csv arm, repeat, fold, candidate, strength, column, value
 * </pre>
 * A cell whose path scores only some of its steps (cost-complexity with {@code candidates: N}) has a
 * {@code cp-table.csv} row for every step: the others have an empty {@code candidate}, empty
 * {@code nonzero_parameters} and empty inner columns.
 * Metric names in columns have {@code -} replaced by {@code _}. Rows with {@code repeat = fold = -1} are the refit on
 * all data (only in {@code cp-table.csv} and {@code path-columns.csv}).
 */
public final class ResultsLayout {

    public static final String CONFIG = "config.yaml";
    public static final String CANDIDATES = "candidates.csv";
    public static final String SELECTED = "selected.csv";
    public static final String CP_TABLE = "cp-table.csv";
    public static final String PATH_COLUMNS = "path-columns.csv";
    public static final String SUMMARY = "summary.json";
    public static final String WARNINGS = "warnings.txt";

    public static final String ARM = "arm";
    public static final String REPEAT = "repeat";
    public static final String FOLD = "fold";
    public static final String CANDIDATE = "candidate";
    public static final String CHOSEN = "chosen";
    public static final String STRENGTH = "strength";
    public static final String STRENGTH_NAME = "strength_name";
    public static final String PARAMETERS = "parameters";
    public static final String NON_ZERO = "nonzero_parameters";
    public static final String BYTES = "bytes";
    public static final String LATENCY_US = "latency_us";
    public static final String DENSE_NON_ZERO = "dense_nonzero_parameters";

    /** Features used by the chosen candidate, joined by {@link #FEATURE_SEPARATOR}. */
    public static final String FEATURES_USED = "features_used";

    public static final String FEATURE_SEPARATOR = ";";

    /** Columns of {@link #CP_TABLE}: the selection metric's inner scores. */
    public static final String INNER_MEAN = "inner_mean";

    public static final String INNER_SD = "inner_sd";
    public static final String INNER_SE = "inner_se";
    public static final String INNER_FOLDS = "inner_folds";
    public static final String SELECTION_METRIC = "selection_metric";

    /** Columns of {@link #PATH_COLUMNS}. */
    public static final String COLUMN = "column";

    public static final String VALUE = "value";

    /** Family detail columns (from {@code ModelSize.details()}). */
    public static final String LEAVES = size("leaves");

    public static final String ROUNDS = size("rounds");
    public static final String FEATURES = size("features");

    /** Method names as registered by the pruning modules. */
    public static final String COST_COMPLEXITY = "cost-complexity";

    public static final String TREE_DROP = "tree-drop";
    public static final String L1_PATH = "l1-path";
    public static final String MAGNITUDE = "magnitude";
    public static final String NONE = "none";

    /** Methods that are not feature selectors (any other method whose rows carry {@link #FEATURES} is one). */
    public static final Set<String> MODEL_PRUNING = Set.of(COST_COMPLEXITY, TREE_DROP, L1_PATH, MAGNITUDE, NONE);

    private ResultsLayout() {}

    /** A metric or detail name as it appears in column names ({@code average-precision → average_precision}). */
    public static String col(String name) {
        return name.replace('-', '_');
    }

    /** Column of a {@code ModelSize} detail. */
    public static String size(String detail) {
        return "size_" + col(detail);
    }

    /** Column of a metric on the outer test fold. */
    public static String outer(String metric) {
        return "outer_" + col(metric);
    }

    /** Column of the dense candidate's metric on the outer test fold ({@link #SELECTED}). */
    public static String denseOuter(String metric) {
        return "dense_outer_" + col(metric);
    }

    /** Column of the inner mean of a metric ({@link #CANDIDATES}). */
    public static String innerMean(String metric) {
        return "inner_mean_" + col(metric);
    }

    /** Column of the inner standard deviation of a metric ({@link #CANDIDATES}). */
    public static String innerSd(String metric) {
        return "inner_sd_" + col(metric);
    }
}
