package org.prunekit.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.prunekit.data.BadRowPolicy;
import org.prunekit.data.ColumnType;
import org.prunekit.data.MissingPolicy;
import org.prunekit.data.Schema;
import org.prunekit.eval.Metric;
import org.prunekit.spi.ConfigException;
import org.prunekit.spi.MethodFactory;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.Params;

/**
 * Binds a config file to an {@link ExperimentConfig}, strictly: an unknown key, a wrong type, an out-of-range value
 * or an unknown family, method, metric or rule is a {@link ConfigException} naming the file, the key path and what
 * is allowed. Arms' {@code model} and {@code prune} blocks are read by the family and method themselves; keys they
 * did not read are then rejected. Checks that need the data are in {@link DataChecks}.
 */
public final class ConfigBinder {

    /** Arm and study names become file names: a safe subset only. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** Most cells (arms × repeats × folds) one study may have. */
    public static final int MAX_CELLS = 10_000;
    /** Default metrics: imbalance-aware ones only. */
    public static final List<String> DEFAULT_METRICS =
            List.of("balanced-accuracy", "mcc", "average-precision", "roc-auc", "macro-f1", "g-mean");

    public static final Set<String> RULES = new LinkedHashSet<>(List.of("best", "one-se", "budget"));

    private ConfigBinder() {}

    /**
     * Reads and binds {@code file}.
     *
     * @param workDir     the working folder: relative data paths and the output folder are resolved against it
     * @param outOverride the {@code --out} folder, or null to use the config's {@code output} (which must stay
     *                    inside the working folder)
     */
    public static ExperimentConfig load(Path file, Path workDir, Path outOverride) {
        return bind(file.toString(), ConfigLoader.read(file), workDir, outOverride);
    }

    public static ExperimentConfig bind(String file, Map<String, Object> raw, Path workDir, Path outOverride) {
        Params root = new Params(file, "", raw);
        Warnings warnings = new Warnings();
        String name = name(root, "name", defaultName(file));
        DataSpec data = data(root.child("data"));
        SplitSpec split = split(root.child("split"));
        Params imb = root.child("imbalance");
        ImbalanceSpec imbalance = new ImbalanceSpec(ImbalanceStrategy.fromConfig(imb));
        imb.requireNoUnknownKeys();

        Params sel = root.child("select");
        SelectSpec select = select(sel, null);

        List<Params> armBlocks = root.children("arms");
        List<SelectSpec> armSelects = new ArrayList<>();
        List<Metric> selectionMetrics = new ArrayList<>(List.of(select.metric()));
        for (Params a : armBlocks) {
            SelectSpec own = a.has("select") ? select(a.child("select"), select) : null;
            armSelects.add(own);
            if (own != null) {
                selectionMetrics.add(own.metric());
            }
        }
        List<Metric> metrics = metrics(root, selectionMetrics);
        if (armBlocks.isEmpty()) {
            throw root.error(
                    "arms",
                    "at least one arm is needed (e.g. - {name: dense, model: {family: ...}, prune: {method: none}})");
        }
        List<ArmSpec> arms = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < armBlocks.size(); i++) {
            ArmSpec arm = arm(file, i, armBlocks.get(i), imbalance, metrics, select, armSelects.get(i), warnings);
            if (!names.add(arm.name())) {
                throw armBlocks
                        .get(i)
                        .error("name", "'" + arm.name() + "' is used by another arm; arm names must be unique");
            }
            arms.add(arm);
        }
        int outerCells = split.outer().kind().equals(SplitSpec.FOLD_FILE)
                ? 1
                : split.outer().folds() * split.outer().repeats();
        if ((long) outerCells * arms.size() > MAX_CELLS) {
            throw root.error(
                    "split.outer",
                    "arms × repeats × folds = " + (long) outerCells * arms.size() + " cells; at most " + MAX_CELLS
                            + " are allowed");
        }

        Params timing = root.child("timing");
        int rows = timing.getInt("rows", 200, 1, 100_000);
        int repeats = timing.getInt("repeats", 7, 1, 1000);
        timing.requireNoUnknownKeys();
        Path out;
        if (outOverride != null) {
            root.getString("output", null);
            out = workDir.toAbsolutePath().resolve(outOverride).normalize();
        } else {
            String configured = root.getString("output", "results/" + name);
            out = OutputPaths.inside(workDir, configured, file, "output");
        }
        root.requireNoUnknownKeys();
        staticWarnings(split, imbalance, select, arms, warnings);
        return new ExperimentConfig(
                file,
                name,
                data,
                split,
                imbalance,
                metrics,
                select,
                arms,
                new OutputSpec(out, rows, repeats),
                warnings);
    }

    private static String defaultName(String file) {
        String f = Path.of(file).getFileName().toString();
        int dot = f.lastIndexOf('.');
        String base = dot > 0 ? f.substring(0, dot) : f;
        return SAFE_NAME.matcher(base).matches() ? base : "study";
    }

    private static String name(Params p, String key, String def) {
        String n = p.getString(key, def);
        if (n == null) {
            throw p.error(key, "missing; a name of letters, digits, '.', '_' or '-' is required");
        }
        if (!SAFE_NAME.matcher(n).matches()) {
            throw p.error(
                    key,
                    "'" + n
                            + "' is not allowed: use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return n;
    }

    private static DataSpec data(Params p) {
        String path = p.getString("path", null);
        if (path == null || path.isBlank()) {
            throw p.error("path", "missing; the CSV file to use is required (e.g. data/breast_cancer_wisconsin.csv)");
        }
        String target = p.getString("target", "class");
        String positive = p.getString("positive", null);
        String missing = p.getChoice("missing", "impute", new LinkedHashSet<>(List.of("impute", "drop-rows", "error")));
        Schema schema = Schema.of(target)
                .withMissing(MissingPolicy.parse(missing))
                .withMissingTokens(new LinkedHashSet<>(p.getStrings("missing-tokens", List.of())))
                .withMissingIndicators(p.getBoolean("missing-indicators", false))
                .withBadRows(BadRowPolicy.parse(
                        p.getChoice("bad-rows", "error", new LinkedHashSet<>(List.of("error", "skip")))));
        Params types = p.child("types");
        Map<String, ColumnType> typeMap = new LinkedHashMap<>();
        for (String col : types.asMap().keySet()) {
            typeMap.put(
                    col,
                    ColumnType.parse(
                            types.getChoice(col, null, new LinkedHashSet<>(List.of("numeric", "categorical")))));
        }
        p.requireNoUnknownKeys();
        return new DataSpec(path(p, "path", path), target, positive, missing, schema.withTypes(typeMap));
    }

    private static Path path(Params p, String key, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw p.error(key, "'" + value.replace("\0", "\\0") + "' is not a valid path");
        }
    }

    private static SplitSpec split(Params p) {
        long seed = p.getLong("seed", 42L);
        SplitSpec.Part outer = part(p.child("outer"), true);
        SplitSpec.Part inner = part(p.child("inner"), false);
        p.requireNoUnknownKeys();
        return new SplitSpec(outer, inner, seed);
    }

    private static SplitSpec.Part part(Params p, boolean outer) {
        Set<String> kinds = outer
                ? new LinkedHashSet<>(List.of(SplitSpec.KFOLD, SplitSpec.HOLDOUT, SplitSpec.FOLD_FILE))
                : new LinkedHashSet<>(List.of(SplitSpec.KFOLD, SplitSpec.HOLDOUT));
        String kind = p.getChoice("kind", SplitSpec.KFOLD, kinds);
        SplitSpec.Part part =
                switch (kind) {
                    case SplitSpec.KFOLD -> new SplitSpec.Part(
                            kind,
                            p.getInt("folds", 5, 2, 100),
                            outer ? p.getInt("repeats", 1, 1, 100) : 1,
                            Double.NaN,
                            null);
                    case SplitSpec.HOLDOUT -> new SplitSpec.Part(
                            kind,
                            1,
                            outer ? p.getInt("repeats", 1, 1, 100) : 1,
                            p.getDouble("test-fraction", outer ? 0.25 : 0.2, 0.01, 0.99),
                            null);
                    default -> {
                        String f = p.getString("file", null);
                        if (f == null) {
                            throw p.error("file", "missing; fold-file needs a CSV with columns row,repeat,fold");
                        }
                        yield new SplitSpec.Part(kind, 0, 0, Double.NaN, path(p, "file", f));
                    }
                };
        p.requireNoUnknownKeys();
        return part;
    }

    /** Reads a study's {@code select:} block; also checks the public API's {@code Scoring}. */
    public static SelectSpec select(Params p) {
        return select(p, null);
    }

    /**
     * A {@code select:} block; an arm's block ({@code parent} = the study's selection) takes the keys it leaves out from
     * the study's, except {@code max-nonzero}, which belongs to rule {@code budget}.
     */
    private static SelectSpec select(Params p, SelectSpec parent) {
        String metricName = p.getString(
                "metric", parent == null ? "average-precision" : parent.metric().configName());
        Metric metric = Metric.byName(metricName);
        if (metric == null) {
            throw p.error("metric", "unknown metric '" + metricName + "' (allowed: " + allMetrics() + ")");
        }
        String rule = p.getChoice("rule", parent == null ? "one-se" : parent.rule(), RULES);
        long limit = 0;
        if (rule.equals("budget") && parent != null && parent.rule().equals("budget") && !p.has("max-nonzero")) {
            limit = parent.maxNonZero();
        } else if (rule.equals("budget")) {
            if (!p.has("max-nonzero")) {
                throw p.error("max-nonzero", "missing; rule budget needs a size limit (non-zero parameters, >= 1)");
            }
            limit = p.getLong("max-nonzero", 0);
            if (limit < 1) {
                throw p.error("max-nonzero", limit + " is out of range [1, " + Long.MAX_VALUE + "]");
            }
        }
        p.requireNoUnknownKeys();
        return new SelectSpec(metric, rule, limit);
    }

    private static List<Metric> metrics(Params root, List<Metric> selection) {
        List<String> names = root.getStrings("metrics", DEFAULT_METRICS);
        LinkedHashSet<Metric> out = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            Metric m = Metric.byName(names.get(i));
            if (m == null) {
                throw root.error(
                        "metrics[" + i + "]", "unknown metric '" + names.get(i) + "' (allowed: " + allMetrics() + ")");
            }
            if (!out.add(m)) {
                throw root.error("metrics[" + i + "]", "'" + names.get(i) + "' is listed twice");
            }
        }
        out.addAll(selection);
        return List.copyOf(out);
    }

    private static ArmSpec arm(
            String file,
            int i,
            Params a,
            ImbalanceSpec imbalance,
            List<Metric> metrics,
            SelectSpec select,
            SelectSpec own,
            Warnings warnings) {
        String name = name(a, "name", null);
        Params model = a.child("model");
        Params prune = a.child("prune");
        a.has("select");
        a.requireNoUnknownKeys();
        String familyName = model.getString("family", null);
        if (familyName == null) {
            throw model.error(
                    "family",
                    "missing (allowed: " + String.join(", ", Registry.families().keySet()) + ")");
        }
        ModelFamily family = Registry.families().get(familyName);
        if (family == null) {
            throw model.error(
                    "family",
                    "unknown family '" + familyName + "' (allowed: "
                            + (Registry.families().isEmpty()
                                    ? "none registered"
                                    : String.join(", ", Registry.families().keySet()))
                            + ")");
        }
        String methodName = prune.getString("method", "none");
        MethodFactory method = Registry.methods().get(methodName);
        if (method == null) {
            throw prune.error(
                    "method",
                    "unknown method '" + methodName + "' (allowed: "
                            + String.join(", ", Registry.methods().keySet()) + ")");
        }
        if (!method.prunes(familyName)) {
            throw prune.error(
                    "method",
                    "'" + methodName + "' does not prune family '" + familyName + "' (it prunes: "
                            + String.join(", ", new TreeSet<>(method.families())) + ")");
        }
        ArmSpec arm = new ArmSpec(i, name, familyName, methodName, model.asMap(), prune.asMap(), file, own);
        // Let the family and the method read their own keys, then reject what nobody read.
        try {
            Params mp = arm.modelParams();
            mp.getString("family", null);
            family.trainer(mp, 0L, Map.of());
            mp.requireNoUnknownKeys();
            Params pp = arm.pruneParams();
            pp.getString("method", null);
            method.create(pp, arm.modelParams(), family, 0L);
            pp.requireNoUnknownKeys();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file, "arms[" + i + "]", e.getMessage());
        }
        if (imbalance.strategy().equals("class-weights")
                && !family.supportedImbalance().contains("class-weights")) {
            throw new ConfigException(
                    file,
                    "imbalance.strategy",
                    "family '" + familyName + "' (arms[" + i + "]) cannot use class weights (it supports: "
                            + String.join(", ", new TreeSet<>(family.supportedImbalance())) + ")");
        }
        if (!family.producesProbabilities()) {
            for (int m = 0; m < metrics.size(); m++) {
                if (metrics.get(m).needsProbabilities()) {
                    String where = metrics.get(m) == select.metric() ? "select.metric" : "metrics";
                    throw new ConfigException(
                            file,
                            where,
                            "metric '" + metrics.get(m).configName() + "' needs class probabilities but family '"
                                    + familyName + "' (arms[" + i
                                    + "]) gives none; use a threshold metric such as balanced-accuracy or mcc");
                }
            }
        }
        return arm;
    }

    private static void staticWarnings(
            SplitSpec split, ImbalanceSpec imbalance, SelectSpec select, List<ArmSpec> arms, Warnings w) {
        boolean studyWarned = false;
        for (ArmSpec a : arms) {
            SelectSpec s = a.select() != null ? a.select() : select;
            boolean probabilityLoss = s.metric() == Metric.LOG_LOSS
                    || s.metric() == Metric.BRIER
                    || (s.metric() == Metric.DEVIANCE && !a.family().equals("logistic"));
            if (probabilityLoss && !a.method().equals("none") && (a.select() != null || !studyWarned)) {
                studyWarned |= a.select() == null;
                w.add(
                        a.select() != null ? "arms[" + a.index() + "].select.metric" : "select.metric",
                        s.metric().configName() + " as the selection metric over-prunes trees "
                                + "(pure leaves give extreme probabilities); prefer average-precision (arm "
                                + a.name() + ")");
            }
        }
        boolean holdoutInner = split.inner().kind().equals(SplitSpec.HOLDOUT);
        boolean ruleWarned = false;
        for (ArmSpec a : arms) {
            SelectSpec s = a.select() != null ? a.select() : select;
            if (s.rule().equals("one-se")
                    && (holdoutInner || usesValidation(a))
                    && (a.select() != null || !ruleWarned)) {
                ruleWarned |= a.select() == null;
                w.add(
                        a.select() != null ? "arms[" + a.index() + "].select.rule" : "select.rule",
                        "one-se needs a standard error over inner folds; with an inner holdout (or a method that "
                                + "uses validation data) it acts as 'best'");
            }
        }
        if (imbalance.strategy().equals("threshold") && select.metric().needsProbabilities()) {
            w.add(
                    "imbalance.strategy",
                    "a decision threshold does not change " + select.metric().configName()
                            + " (a ranking metric), so selection ignores it; it changes threshold metrics only");
        }
    }

    static boolean usesValidation(ArmSpec a) {
        return a.methodImpl()
                .create(a.pruneParams(), a.modelParams(), a.familyImpl(), 0L)
                .usesValidation();
    }

    private static String allMetrics() {
        return String.join(
                ", ", Arrays.stream(Metric.values()).map(Metric::configName).toList());
    }
}
