package org.prunekit.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.prunekit.data.imbalance.Smote;
import org.prunekit.eval.Metric;
import org.prunekit.eval.Selection;
import org.prunekit.spi.ParamSchema;
import org.prunekit.spi.ParamSpec;
import org.prunekit.spi.Params;
import org.prunekit.spi.Range;

/**
 * The keys of the study config's own blocks ({@code data}, {@code split}, {@code imbalance}, {@code select},
 * {@code timing}, the top level and an arm), declared once: {@link ConfigBinder} and {@link ImbalanceStrategy} bind
 * through these schemas and {@link ConfigDocs} writes the docs tables from them. Families and methods declare their
 * own blocks' keys.
 */
public final class StudySchema {

    /** Arm and study names become file names: a safe subset only. */
    static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Default metrics: imbalance-aware ones only. */
    public static final List<String> DEFAULT_METRICS =
            List.of("balanced-accuracy", "mcc", "average-precision", "roc-auc", "macro-f1", "g-mean");

    // ---- top level
    static final ParamSpec<String> NAME = ParamSpec.custom(
                    "name",
                    "text",
                    null,
                    "1–64 of `A-Za-z0-9._-`, starting with a letter or digit (used in file names)",
                    StudySchema::safeName)
            .defaultText("the file name");
    static final ParamSpec<List<String>> METRICS = ParamSpec.custom(
            "metrics",
            "list of metric names",
            DEFAULT_METRICS,
            "reported metrics, from: " + String.join(", ", metricNames()) + " (the selection metrics, the"
                    + " study's and the arms', are added if missing)",
            StudySchema::metricList);
    static final ParamSpec<String> OUTPUT = ParamSpec.text(
                    "output", null, "a relative folder inside the working folder (`--out DIR` may be anywhere)")
            .defaultText("results/<name>");
    static final ParamSchema TOP = ParamSchema.of(NAME, METRICS, OUTPUT);

    // ---- data
    static final ParamSpec<String> DATA_PATH = ParamSpec.text(
                    "path",
                    null,
                    "the CSV file with a header row, relative to the working folder (or a `file://` URI); an"
                            + " `hdfs://`, `s3a://`, ... URI is read by `--engine spark` only (docs/scale-out.md)")
            .required("the CSV file to use is required (e.g. data/breast_cancer_wisconsin.csv)");
    static final ParamSpec<String> TARGET = ParamSpec.text("target", "class", "the class column");
    static final ParamSpec<String> POSITIVE = ParamSpec.text("positive", null, "positive class of binary metrics")
            .defaultText("the 2nd class in sorted order");
    static final ParamSpec<String> MISSING = ParamSpec.choice(
            "missing",
            "impute",
            List.of("impute", "drop-rows", "error"),
            "missing values: impute (training median / most frequent level), drop the rows while reading, or fail");
    static final ParamSpec<List<String>> MISSING_TOKENS = ParamSpec.texts(
            "missing-tokens", List.of(), "values that mean missing besides an empty field, e.g. `[?, NA]`");
    static final ParamSpec<Boolean> MISSING_INDICATORS = ParamSpec.flag(
            "missing-indicators",
            false,
            "with impute: add a 0/1 column `missing:COL` for each column with missing training values");
    static final ParamSpec<String> BAD_ROWS = ParamSpec.choice(
            "bad-rows", "error", List.of("error", "skip"), "bad rows (ragged, no label, bad number): fail or skip");
    static final ParamSpec<Map<String, String>> TYPES = ParamSpec.custom(
            "types",
            "mapping COL: numeric | categorical",
            Map.of(),
            "override inferred column types",
            StudySchema::columnTypes);
    static final ParamSchema DATA =
            ParamSchema.of(DATA_PATH, TARGET, POSITIVE, MISSING, MISSING_TOKENS, MISSING_INDICATORS, BAD_ROWS, TYPES);

    // ---- split
    static final ParamSpec<Long> SEED = ParamSpec.whole("seed", 42L, "every random choice derives from it");
    static final ParamSchema SPLIT = ParamSchema.of(SEED);
    static final ParamSpec<String> OUTER_KIND = ParamSpec.choice(
            "kind",
            SplitSpec.KFOLD,
            List.of(SplitSpec.KFOLD, SplitSpec.HOLDOUT, SplitSpec.FOLD_FILE),
            "how rows are split for evaluation");
    static final ParamSpec<Integer> FOLDS =
            ParamSpec.integer("folds", 5, 2, 100, "k of the stratified k-fold").when("kind", SplitSpec.KFOLD);
    static final ParamSpec<Integer> REPEATS = ParamSpec.integer("repeats", 1, 1, 100, "repeats, each with new folds")
            .when("kind", SplitSpec.KFOLD, SplitSpec.HOLDOUT);
    static final ParamSpec<Double> OUTER_TEST_FRACTION = ParamSpec.number(
                    "test-fraction", 0.25, Range.closed(0.01, 0.99), "stratified share of rows held out")
            .when("kind", SplitSpec.HOLDOUT);
    static final ParamSpec<String> FOLD_FILE = ParamSpec.text(
                    "file", null, "CSV with columns `row,repeat,fold` (0-based data rows)")
            .required("fold-file needs a CSV with columns row,repeat,fold")
            .when("kind", SplitSpec.FOLD_FILE);
    static final ParamSchema OUTER = ParamSchema.of(OUTER_KIND, FOLDS, REPEATS, OUTER_TEST_FRACTION, FOLD_FILE);
    static final ParamSpec<String> INNER_KIND = ParamSpec.choice(
            "kind",
            SplitSpec.KFOLD,
            List.of(SplitSpec.KFOLD, SplitSpec.HOLDOUT),
            "how each outer training part is split for selection");
    static final ParamSpec<Double> INNER_TEST_FRACTION = OUTER_TEST_FRACTION.withDefault(0.2);
    static final ParamSchema INNER = ParamSchema.of(INNER_KIND, FOLDS, INNER_TEST_FRACTION);

    // ---- imbalance
    static final ParamSpec<String> STRATEGY = ParamSpec.choice(
            "strategy",
            ImbalanceStrategy.Kind.NONE.configName(),
            Arrays.stream(ImbalanceStrategy.Kind.values())
                    .map(ImbalanceStrategy.Kind::configName)
                    .toList(),
            "class-weights needs a family that takes weights; threshold needs two classes");
    static final ParamSpec<Map<String, Double>> WEIGHTS = ParamSpec.custom(
                    "weights",
                    "`balanced` or mapping label: weight",
                    null,
                    "explicit class weights (unlisted classes get 1); balanced = n / (k n_c)",
                    ImbalanceStrategy::readWeights)
            .defaultText("balanced")
            .when("strategy", "class-weights");
    static final ParamSpec<Integer> SMOTE_K = ParamSpec.integer(
                    "k", Smote.defaults().k(), 1, 10_000, "SMOTE's nearest neighbours")
            .when("strategy", "smote");
    static final ParamSpec<Double> RATIO = ParamSpec.number(
                    "ratio", 1.0, Range.openClosed(0, 1), "minority / majority size after resampling")
            .when("strategy", "undersample", "oversample", "smote");
    static final ParamSpec<String> THRESHOLD_METRIC = ParamSpec.custom(
                    "metric",
                    "threshold metric name",
                    ImbalanceStrategy.DEFAULT_THRESHOLD_METRIC.configName(),
                    "the metric the threshold maximises on inner validation scores",
                    ImbalanceStrategy::readMetric)
            .when("strategy", "threshold");
    static final ParamSchema IMBALANCE = ParamSchema.of(STRATEGY, WEIGHTS, SMOTE_K, RATIO, THRESHOLD_METRIC);

    // ---- select
    static final ParamSpec<String> SELECT_METRIC = ParamSpec.custom(
            "metric",
            "metric name",
            Metric.AVERAGE_PRECISION.configName(),
            "the metric that chooses each arm's operating point (macro average for multi-class)",
            StudySchema::metric);
    static final ParamSpec<String> RULE = ParamSpec.choice(
            "rule",
            "one-se",
            Selection.RULES,
            "best inner mean; the smallest within one standard error of it; or the best within max-nonzero");
    static final ParamSpec<Long> MAX_NONZERO = ParamSpec.whole(
                    "max-nonzero", null, 1, "the size limit of budget: most non-zero parameters")
            .required("rule budget needs a size limit (non-zero parameters, >= 1)")
            .when("rule", "budget");
    static final ParamSchema SELECT = ParamSchema.of(SELECT_METRIC, RULE, MAX_NONZERO);

    // ---- timing
    static final ParamSpec<Integer> TIMING_ROWS =
            ParamSpec.integer("rows", 200, 1, 100_000, "latency: the first test rows, predicted in one batch");
    static final ParamSpec<Integer> TIMING_REPEATS =
            ParamSpec.integer("repeats", 7, 1, 1000, "latency: the median of this many timed runs after 3 warm-ups");
    static final ParamSpec<String> TIMING_CANDIDATES = ParamSpec.choice(
            "candidates",
            "chosen",
            List.of("chosen", "all"),
            "latency of the dense and the chosen candidate (chosen), or of every candidate (all)");
    static final ParamSchema TIMING = ParamSchema.of(TIMING_ROWS, TIMING_REPEATS, TIMING_CANDIDATES);

    // ---- plots
    static final ParamSpec<Boolean> PLOTS_SVG =
            ParamSpec.flag("svg", false, "also write every plot as SVG (plots/<name>.svg) besides the PNG");
    static final ParamSchema PLOTS = ParamSchema.of(PLOTS_SVG);

    // ---- an arm
    static final ParamSpec<String> ARM_NAME = ParamSpec.custom(
                    "name", "text", null, "unique; same characters as the study's name", StudySchema::safeName)
            .required("a name of letters, digits, '.', '_' or '-' is required");
    static final ParamSpec<Map<String, Object>> ARM_SELECT = ParamSpec.custom(
                    "select",
                    "mapping with the keys of `select`",
                    null,
                    "the arm's own selection; the keys it leaves out come from the study's `select`",
                    (p, key) -> p.has(key) ? p.child(key).asMap() : null)
            .defaultText("the study's select");
    static final ParamSchema ARM = ParamSchema.of(ARM_NAME, ARM_SELECT);
    static final ParamSpec<String> FAMILY =
            ParamSpec.text("family", null, "a registered family (below)").required();
    static final ParamSchema ARM_MODEL = ParamSchema.of(FAMILY);
    static final ParamSpec<String> METHOD =
            ParamSpec.text("method", "none", "a registered method that prunes the arm's family (below)");
    static final ParamSchema ARM_PRUNE = ParamSchema.of(METHOD);

    /** The blocks in the order the docs show them, by key path (empty for the top level). */
    static Map<String, ParamSchema> blocks() {
        Map<String, ParamSchema> m = new LinkedHashMap<>();
        m.put("", TOP);
        m.put("data", DATA);
        m.put("split", SPLIT);
        m.put("split.outer", OUTER);
        m.put("split.inner", INNER);
        m.put("imbalance", IMBALANCE);
        m.put("select", SELECT);
        m.put("timing", TIMING);
        m.put("plots", PLOTS);
        m.put("arms[i]", ARM);
        m.put("arms[i].model", ARM_MODEL);
        m.put("arms[i].prune", ARM_PRUNE);
        return m;
    }

    private StudySchema() {}

    private static String safeName(Params p, String key) {
        String n = p.getString(key, null);
        if (n != null && !SAFE_NAME.matcher(n).matches()) {
            throw p.error(
                    key,
                    "'" + n + "' is not allowed: use 1-64 letters, digits, '.', '_' or '-', starting with a"
                            + " letter or digit");
        }
        return n;
    }

    private static List<String> metricList(Params p, String key) {
        List<String> names = p.getStrings(key, null);
        if (names == null) {
            return null;
        }
        for (int i = 0; i < names.size(); i++) {
            if (Metric.byName(names.get(i)) == null) {
                throw p.error(
                        key + "[" + i + "]",
                        "unknown metric '" + names.get(i) + "' (allowed: " + String.join(", ", metricNames()) + ")");
            }
            if (names.subList(0, i).contains(names.get(i))) {
                throw p.error(key + "[" + i + "]", "'" + names.get(i) + "' is listed twice");
            }
        }
        return List.copyOf(names);
    }

    private static String metric(Params p, String key) {
        String name = p.getString(key, null);
        if (name != null && Metric.byName(name) == null) {
            throw p.error(key, "unknown metric '" + name + "' (allowed: " + String.join(", ", metricNames()) + ")");
        }
        return name;
    }

    private static Map<String, String> columnTypes(Params p, String key) {
        Params types = p.child(key);
        Map<String, String> out = new LinkedHashMap<>();
        for (String col : types.asMap().keySet()) {
            out.put(col, types.getChoice(col, null, new LinkedHashSet<>(List.of("numeric", "categorical"))));
        }
        return out;
    }

    static List<String> metricNames() {
        return Arrays.stream(Metric.values()).map(Metric::configName).toList();
    }
}
