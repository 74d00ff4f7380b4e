package org.prunekit.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.prunekit.spi.ParamSchema;
import org.prunekit.spi.ParamValues;
import org.prunekit.spi.Params;

/**
 * Binds a config file to an {@link ExperimentConfig}, strictly: an unknown key, a wrong type, an out-of-range value
 * or an unknown family, method, metric or rule is a {@link ConfigException} naming the file, the key path and what
 * is allowed. The study's own blocks bind through the schemas of {@link StudySchema}; arms' {@code model} and
 * {@code prune} blocks are bound by the family and method through theirs, and keys nobody read are then rejected.
 * Checks that need the data are in {@link DataChecks}.
 */
public final class ConfigBinder {

    /** Most cells (arms × repeats × folds) one study may have. */
    public static final int MAX_CELLS = 10_000;

    /** A URI scheme ({@code hdfs:}, {@code s3a:}, ...) at the start of {@code data.path}, then a slash. */
    private static final Pattern URI_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:/");

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
        ParamValues top = StudySchema.TOP.bind(root);
        String name = Objects.requireNonNullElse(top.get(StudySchema.NAME), defaultName(file));
        DataSpec data = data(root.child("data"));
        SplitSpec split = split(root.child("split"));
        Params imb = root.child("imbalance");
        ImbalanceSpec imbalance = new ImbalanceSpec(ImbalanceStrategy.fromConfig(imb));
        imb.requireNoUnknownKeys();

        Params sel = root.child("select");
        SelectSpec select = select(sel);

        List<Params> armBlocks = root.children("arms");
        List<SelectSpec> armSelects = new ArrayList<>();
        List<Metric> selectionMetrics = new ArrayList<>(List.of(select.metric()));
        boolean studyMetric = sel.asMap().containsKey(StudySchema.SELECT_METRIC.name());
        for (Params a : armBlocks) {
            SelectSpec parent = studyMetric ? select : methodDefault(a, select);
            SelectSpec own = a.has("select") ? select(a.child("select"), parent) : parent == select ? null : parent;
            armSelects.add(own);
            if (own != null) {
                selectionMetrics.add(own.metric());
            }
        }
        List<Metric> metrics = metrics(top.get(StudySchema.METRICS), selectionMetrics);
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
        ParamValues t = StudySchema.TIMING.bind(timing);
        timing.requireNoUnknownKeys();
        Params plots = root.child("plots");
        ParamValues pl = StudySchema.PLOTS.bind(plots);
        plots.requireNoUnknownKeys();
        Path out;
        if (outOverride != null) {
            out = workDir.toAbsolutePath().resolve(outOverride).normalize();
        } else {
            String configured = Objects.requireNonNullElse(top.get(StudySchema.OUTPUT), "results/" + name);
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
                new OutputSpec(
                        out,
                        t.get(StudySchema.TIMING_ROWS),
                        t.get(StudySchema.TIMING_REPEATS),
                        t.get(StudySchema.TIMING_CANDIDATES).equals("all"),
                        pl.get(StudySchema.PLOTS_SVG)),
                warnings);
    }

    private static String defaultName(String file) {
        String f = Path.of(file).getFileName().toString();
        int dot = f.lastIndexOf('.');
        String base = dot > 0 ? f.substring(0, dot) : f;
        return StudySchema.SAFE_NAME.matcher(base).matches() ? base : "study";
    }

    private static DataSpec data(Params p) {
        ParamValues v = StudySchema.DATA.bind(p);
        String path = v.get(StudySchema.DATA_PATH);
        if (path.isBlank()) {
            throw p.error("path", "missing; the CSV file to use is required (e.g. data/breast_cancer_wisconsin.csv)");
        }
        String missing = v.get(StudySchema.MISSING);
        Map<String, ColumnType> types = new LinkedHashMap<>();
        v.get(StudySchema.TYPES).forEach((col, type) -> types.put(col, ColumnType.parse(type)));
        Schema schema;
        try {
            schema = Schema.of(v.get(StudySchema.TARGET))
                    .withMissing(MissingPolicy.parse(missing))
                    .withMissingTokens(new LinkedHashSet<>(v.get(StudySchema.MISSING_TOKENS)))
                    .withMissingIndicators(v.get(StudySchema.MISSING_INDICATORS))
                    .withBadRows(BadRowPolicy.parse(v.get(StudySchema.BAD_ROWS)))
                    .withTypes(types);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(p.file(), p.path(), e.getMessage());
        }
        p.requireNoUnknownKeys();
        URI uri = uri(p, path);
        return new DataSpec(
                uri == null ? path(p, "path", path) : null,
                uri,
                v.get(StudySchema.TARGET),
                v.get(StudySchema.POSITIVE),
                missing,
                schema);
    }

    /**
     * {@code data.path} as a URI when it starts with a scheme ({@code hdfs://...}, {@code s3a://...}; two letters at
     * least, so a Windows drive is a path), else null; a {@code file:} URI is a local path, so null as well.
     */
    private static URI uri(Params p, String value) {
        if (!URI_SCHEME.matcher(value).lookingAt() || value.regionMatches(true, 0, "file:", 0, 5)) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw p.error("path", "'" + value + "' is not a valid URI: " + e.getReason());
        }
        String file = uri.getPath() == null ? "" : uri.getPath();
        if (uri.isOpaque() || file.isEmpty() || file.endsWith("/")) {
            throw p.error("path", "'" + value + "' names no file (e.g. hdfs://namenode:8020/data/train.csv)");
        }
        return uri;
    }

    private static Path path(Params p, String key, String value) {
        if (value.regionMatches(true, 0, "file:", 0, 5)) {
            try {
                return Path.of(new URI(value));
            } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
                throw p.error(key, "'" + value + "' is not a local file URI (file:///absolute/path.csv)");
            }
        }
        return pathOf(p, key, value);
    }

    private static Path pathOf(Params p, String key, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw p.error(key, "'" + value.replace("\0", "\\0") + "' is not a valid path");
        }
    }

    private static SplitSpec split(Params p) {
        long seed = StudySchema.SPLIT.bind(p).get(StudySchema.SEED);
        SplitSpec.Part outer = part(p.child("outer"), StudySchema.OUTER);
        SplitSpec.Part inner = part(p.child("inner"), StudySchema.INNER);
        p.requireNoUnknownKeys();
        return new SplitSpec(outer, inner, seed);
    }

    private static SplitSpec.Part part(Params p, ParamSchema schema) {
        ParamValues v = schema.bind(p);
        String kind = v.get(schema == StudySchema.OUTER ? StudySchema.OUTER_KIND : StudySchema.INNER_KIND);
        int repeats = v.applies(StudySchema.REPEATS.name()) ? v.get(StudySchema.REPEATS) : 1;
        SplitSpec.Part part =
                switch (kind) {
                    case SplitSpec.KFOLD -> new SplitSpec.Part(
                            kind, v.get(StudySchema.FOLDS), repeats, Double.NaN, null);
                    case SplitSpec.HOLDOUT -> new SplitSpec.Part(
                            kind,
                            1,
                            repeats,
                            schema == StudySchema.OUTER
                                    ? v.get(StudySchema.OUTER_TEST_FRACTION)
                                    : v.get(StudySchema.INNER_TEST_FRACTION),
                            null);
                    default -> new SplitSpec.Part(
                            kind, 0, 0, Double.NaN, path(p, "file", v.get(StudySchema.FOLD_FILE)));
                };
        p.requireNoUnknownKeys();
        return part;
    }

    /**
     * An arm's {@code select:} block: the keys it leaves out come from the study's selection ({@code parent}), except
     * {@code max-nonzero} when the arm's rule is not {@code budget}. Errors name the arm's key path.
     */
    private static SelectSpec select(Params p, SelectSpec parent) {
        Map<String, Object> merged = new LinkedHashMap<>();
        merged.put(StudySchema.SELECT_METRIC.name(), parent.metric().configName());
        merged.put(StudySchema.RULE.name(), parent.rule());
        merged.putAll(p.asMap());
        if ("budget".equals(merged.get(StudySchema.RULE.name()))
                && parent.rule().equals("budget")
                && !merged.containsKey(StudySchema.MAX_NONZERO.name())) {
            merged.put(StudySchema.MAX_NONZERO.name(), parent.maxNonZero());
        }
        return select(new Params(p.file(), p.path(), merged));
    }

    /**
     * What an arm inherits when the study names no metric: the study's rule with the method's default metric ({@link
     * MethodFactory#defaultSelectMetric()}), or {@code study} itself when the method has none. An arm's own
     * {@code select:} block that leaves the metric out (e.g. {@code {rule: best}}) keeps the method's default too.
     */
    private static SelectSpec methodDefault(Params arm, SelectSpec study) {
        Object method = arm.asMap().get("prune") instanceof Map<?, ?> m ? m.get("method") : null;
        MethodFactory f = method == null ? null : Registry.methods().get(method.toString());
        Metric metric = f == null || f.defaultSelectMetric() == null ? null : Metric.byName(f.defaultSelectMetric());
        return metric == null || metric == study.metric()
                ? study
                : new SelectSpec(metric, study.rule(), study.maxNonZero());
    }

    /** Reads a study's {@code select:} block; also checks the public API's {@code Scoring}. */
    public static SelectSpec select(Params p) {
        ParamValues v = StudySchema.SELECT.bind(p);
        String rule = v.get(StudySchema.RULE);
        long limit = v.applies(StudySchema.MAX_NONZERO.name()) ? v.get(StudySchema.MAX_NONZERO) : 0;
        p.requireNoUnknownKeys();
        return new SelectSpec(Metric.byName(v.get(StudySchema.SELECT_METRIC)), rule, limit);
    }

    /** The reported metrics (checked by the schema: known, no repeats) plus the selection metrics. */
    private static List<Metric> metrics(List<String> names, List<Metric> selection) {
        LinkedHashSet<Metric> out = new LinkedHashSet<>();
        for (String n : names) {
            out.add(Metric.byName(n));
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
        String name = StudySchema.ARM.bind(a).get(StudySchema.ARM_NAME);
        Params model = a.child("model");
        Params prune = a.child("prune");
        a.has("select");
        a.requireNoUnknownKeys();
        String familyName = model.get(StudySchema.FAMILY.required(
                "one of " + String.join(", ", Registry.families().keySet()) + " is required"));
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
        String methodName = prune.get(StudySchema.METHOD);
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
            mp.get(StudySchema.FAMILY);
            family.trainer(mp, 0L, Map.of());
            mp.requireNoUnknownKeys();
            Params pp = arm.pruneParams();
            pp.get(StudySchema.METHOD);
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
            if (probabilityLoss && a.prunes() && (a.select() != null || !studyWarned)) {
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
}
