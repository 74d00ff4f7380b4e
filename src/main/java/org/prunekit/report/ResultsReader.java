package org.prunekit.report;

import static org.prunekit.report.ResultsLayout.ARM;
import static org.prunekit.report.ResultsLayout.BYTES;
import static org.prunekit.report.ResultsLayout.CANDIDATE;
import static org.prunekit.report.ResultsLayout.FEATURES;
import static org.prunekit.report.ResultsLayout.FOLD;
import static org.prunekit.report.ResultsLayout.LATENCY_US;
import static org.prunekit.report.ResultsLayout.LEAVES;
import static org.prunekit.report.ResultsLayout.NON_ZERO;
import static org.prunekit.report.ResultsLayout.PARAMETERS;
import static org.prunekit.report.ResultsLayout.REPEAT;
import static org.prunekit.report.ResultsLayout.ROUNDS;
import static org.prunekit.report.ResultsLayout.STRENGTH;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.prunekit.data.InputException;
import org.prunekit.eval.Metric;
import org.prunekit.report.CsvRows.Row;
import org.prunekit.report.chart.ChartSpec;
import org.prunekit.report.chart.CostComplexityChart;
import org.prunekit.report.chart.Curve;
import org.prunekit.report.chart.CurvesChart;
import org.prunekit.report.chart.L1CvChart;
import org.prunekit.report.chart.ParetoChart;

/**
 * Reads a saved results folder into {@link ReportData}, so the report and plots can be rebuilt without retraining.
 * File and column names come from {@link ResultsLayout}; path points are grouped by candidate index across outer
 * folds (mean and sd over folds), the chosen point of an arm is the mean over folds of its selected candidates, and
 * its dense point is, in each fold, the candidate with the most non-zero parameters.
 */
public final class ResultsReader {

    private ResultsReader() {
    }

    /** Reads {@code dir}; throws {@link InputException} (one line, naming the file) when it is not a results folder. */
    public static ReportData read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir.toString(), "not a results folder: no such directory");
        }
        for (String f : List.of(ResultsLayout.CONFIG, ResultsLayout.CANDIDATES, ResultsLayout.SELECTED)) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new InputException(dir.toString(), "not a results folder: missing " + f);
            }
        }
        Path configFile = dir.resolve(ResultsLayout.CONFIG);
        String configText = readString(configFile);
        RunConfig cfg = RunConfig.parse(configText, configFile.toString());
        String metric = cfg.metric();
        String outer = ResultsLayout.outer(metric);
        CsvRows candidates = CsvRows.read(dir.resolve(ResultsLayout.CANDIDATES)).require(ARM, CANDIDATE, NON_ZERO, outer);
        CsvRows selected = CsvRows.read(dir.resolve(ResultsLayout.SELECTED)).require(ARM, NON_ZERO, outer);

        Set<String> armNames = new LinkedHashSet<>();
        cfg.arms().forEach(a -> armNames.add(a.name()));
        candidates.rows().forEach(r -> armNames.add(r.text(ARM)));
        Map<String, List<Row>> candByArm = byArm(candidates.rows(), armNames);
        Map<String, List<Row>> selByArm = byArm(selected.rows(), armNames);

        List<String> warnings = new ArrayList<>(readWarnings(dir.resolve(ResultsLayout.WARNINGS)));
        List<ArmSummary> arms = new ArrayList<>();
        List<ParetoChart.Arm> pareto = new ArrayList<>();
        Map<String, Map<String, Double>> chosenByFold = new LinkedHashMap<>();
        Map<String, List<Curve>> curvesByKind = new LinkedHashMap<>();
        for (String arm : armNames) {
            List<Row> cand = candByArm.get(arm);
            List<Row> sel = selByArm.get(arm);
            if (cand.isEmpty()) {
                warnings.add("arm " + arm + " has no rows in " + ResultsLayout.CANDIDATES);
                continue;
            }
            List<List<Row>> points = new ArrayList<>(byCandidate(cand).values());
            double[] nz = each(points, g -> meanOf(g, NON_ZERO));
            double[] mean = each(points, g -> meanOf(g, outer));
            double[] sd = each(points, g -> sdOf(g, outer));
            double chosenNz = meanOf(sel, NON_ZERO);
            double chosenMean = meanOf(sel, outer);
            pareto.add(new ParetoChart.Arm(arm, nz, mean, sd, chosenNz, chosenMean));
            List<Row> dense = densest(cand);
            arms.add(new ArmSummary(arm, cfg.family(arm), cfg.method(arm), describeChoice(sel, cfg.rule()),
                    chosenMean, sdOf(sel, outer), chosenNz, meanOf(sel, PARAMETERS), meanOf(sel, BYTES),
                    meanOf(sel, LATENCY_US), meanOf(dense, outer), meanOf(dense, NON_ZERO),
                    optimistic(cand, outer, higherIsBetter(metric))));
            Map<String, Double> folds = new LinkedHashMap<>();
            sel.forEach(r -> folds.put(foldKey(r), r.num(outer)));
            chosenByFold.put(arm, folds);
            methodCurves(cfg.method(arm), arm, points, candidates, outer, curvesByKind);
        }

        List<ChartSpec> charts = new ArrayList<>();
        charts.add(new ParetoChart.Data(metric, pareto));
        addIfAny(charts, curvesByKind, "tree-drop", c -> CurvesChart.treeDrop(metric, c));
        addIfAny(charts, curvesByKind, "mlp-metric", c -> CurvesChart.mlpMetric(metric, c));
        addIfAny(charts, curvesByKind, "mlp-latency", CurvesChart::mlpLatency);
        addIfAny(charts, curvesByKind, "fs-metric", c -> CurvesChart.featureSelection(metric, c));
        FeatureCharts.selectionFrequency(selected).ifPresent(charts::add);
        Path coefFile = dir.resolve(ResultsLayout.COEFFICIENTS);
        if (Files.isRegularFile(coefFile)) {
            charts.addAll(FeatureCharts.coefficientPaths(CsvRows.read(coefFile)));
        }
        Path cpFile = dir.resolve(ResultsLayout.CP_TABLE);
        if (Files.isRegularFile(cpFile)) {
            charts.addAll(innerCvCharts(CsvRows.read(cpFile), cfg, metric));
        }
        List<PairedComparison> comparisons = PairedComparisons.all(metric, chosenByFold, cfg.outerFolds());
        DatasetSummary dataset = DatasetReader.summarize(cfg.dataPath(), cfg.target(), dir, warnings);
        return new ReportData(cfg.name(), configText, dataset, metric, cfg.rule(), arms, comparisons, charts,
                warnings);
    }

    /** Adds the per-method curves (x coordinate chosen by method) of one arm. */
    private static void methodCurves(String method, String arm, List<List<Row>> points, CsvRows candidates,
                                     String outer, Map<String, List<Curve>> curvesByKind) {
        double[] mean = each(points, g -> meanOf(g, outer));
        double[] sd = each(points, g -> sdOf(g, outer));
        if (method.equals(ResultsLayout.TREE_DROP)) {
            String xCol = candidates.has(ROUNDS) ? ROUNDS : STRENGTH;
            curve(curvesByKind, "tree-drop", new Curve(arm, each(points, g -> meanOf(g, xCol)), mean, sd));
        } else if (method.equals(ResultsLayout.MAGNITUDE)) {
            double[] sparsity = each(points, g -> Stats.mean(g.stream()
                    .mapToDouble(r -> 100 * (1 - r.num(NON_ZERO) / r.num(PARAMETERS))).toArray()));
            curve(curvesByKind, "mlp-metric", new Curve(arm, sparsity, mean, sd));
            if (candidates.has(LATENCY_US)) {
                curve(curvesByKind, "mlp-latency", new Curve(arm, sparsity, each(points, g -> meanOf(g, LATENCY_US)),
                        each(points, g -> sdOf(g, LATENCY_US))));
            }
        } else if (!ResultsLayout.MODEL_PRUNING.contains(method) && candidates.has(FEATURES)) {
            curve(curvesByKind, "fs-metric", new Curve(arm, each(points, g -> meanOf(g, FEATURES)), mean, sd));
        }
    }

    /** Cost-complexity and L1 cross-validation charts from the inner-CV table (first outer fold of each arm). */
    private static List<ChartSpec> innerCvCharts(CsvRows cp, RunConfig cfg, String metric) {
        String meanCol = ResultsLayout.innerMean(metric);
        String sdCol = ResultsLayout.innerSd(metric);
        cp.require(ARM, STRENGTH, meanCol);
        boolean higherIsBetter = higherIsBetter(metric);
        Map<String, List<Row>> byArm = new LinkedHashMap<>();
        for (Row r : cp.rows()) {
            byArm.computeIfAbsent(r.text(ARM), k -> new ArrayList<>()).add(r);
        }
        List<ChartSpec> charts = new ArrayList<>();
        for (var e : byArm.entrySet()) {
            String arm = e.getKey();
            String firstFold = foldKey(e.getValue().get(0));
            List<Row> rows = e.getValue().stream().filter(r -> foldKey(r).equals(firstFold)).toList();
            double[] strength = column(rows, STRENGTH);
            double[] mean = column(rows, meanCol);
            double[] sd = column(rows, sdCol);
            double threshold = CostComplexityChart.oneSe(mean, sd, higherIsBetter);
            String method = cfg.method(arm);
            if (method.equals(ResultsLayout.COST_COMPLEXITY)) {
                boolean byLeaves = cp.has(LEAVES);
                charts.add(new CostComplexityChart.Data(arm, metric, strength,
                        byLeaves ? column(rows, LEAVES) : strength, mean, sd, threshold,
                        byLeaves ? CostComplexityChart.XAxis.LEAVES : CostComplexityChart.XAxis.ALPHA));
            } else if (method.equals(ResultsLayout.L1_PATH)) {
                int best = argBest(mean, higherIsBetter);
                double lambda1se = Double.NaN;
                for (int i = 0; i < mean.length; i++) {
                    boolean within = higherIsBetter ? mean[i] >= threshold : mean[i] <= threshold;
                    if (within && !(strength[i] <= lambda1se)) {
                        lambda1se = strength[i];
                    }
                }
                charts.add(new L1CvChart.Data(arm, metric, strength, mean, sd,
                        best < 0 ? Double.NaN : strength[best], lambda1se));
            }
        }
        return charts;
    }

    private static int argBest(double[] v, boolean higherIsBetter) {
        int best = -1;
        for (int i = 0; i < v.length; i++) {
            if (Double.isFinite(v[i]) && (best < 0 || (higherIsBetter ? v[i] > v[best] : v[i] < v[best]))) {
                best = i;
            }
        }
        return best;
    }

    private static String describeChoice(List<Row> sel, String rule) {
        double[] s = column(sel, STRENGTH);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            return rule;
        }
        String strength = lo == hi ? String.format(Locale.ROOT, "strength %.4g", lo)
                : String.format(Locale.ROOT, "strength %.4g–%.4g over folds", lo, hi);
        return strength + " (" + rule + ")";
    }

    /** Mean over outer folds of the best outer-test score among that fold's candidates (selection on test). */
    private static double optimistic(List<Row> rows, String outer, boolean higherIsBetter) {
        Map<String, Double> best = new LinkedHashMap<>();
        for (Row r : rows) {
            double v = r.num(outer);
            if (Double.isFinite(v)) {
                best.merge(foldKey(r), v, higherIsBetter ? Math::max : Math::min);
            }
        }
        return Stats.mean(best.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static boolean higherIsBetter(String metric) {
        Metric m = Metric.byName(metric);
        return m == null || m.higherIsBetter();
    }

    /** In each outer fold, the row with the most non-zero parameters. */
    private static List<Row> densest(List<Row> rows) {
        Map<String, Row> best = new LinkedHashMap<>();
        for (Row r : rows) {
            best.merge(foldKey(r), r, (a, b) -> b.num(NON_ZERO) > a.num(NON_ZERO) ? b : a);
        }
        return new ArrayList<>(best.values());
    }

    private static Map<String, List<Row>> byArm(List<Row> rows, Set<String> arms) {
        Map<String, List<Row>> out = new LinkedHashMap<>();
        arms.forEach(a -> out.put(a, new ArrayList<>()));
        for (Row r : rows) {
            List<Row> list = out.get(r.text(ARM));
            if (list != null) {
                list.add(r);
            }
        }
        return out;
    }

    private static TreeMap<Integer, List<Row>> byCandidate(List<Row> rows) {
        TreeMap<Integer, List<Row>> out = new TreeMap<>();
        for (Row r : rows) {
            double c = r.num(CANDIDATE);
            if (!Double.isFinite(c)) {
                throw new InputException(r.file().toString(), r.line(), r.header().indexOf(CANDIDATE) + 1,
                        "column " + CANDIDATE + ": missing candidate index");
            }
            out.computeIfAbsent((int) c, k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    private static String foldKey(Row r) {
        return r.text(REPEAT) + "/" + r.text(FOLD);
    }

    private static double[] column(List<Row> rows, String col) {
        return rows.stream().mapToDouble(r -> r.num(col)).toArray();
    }

    private static double meanOf(List<Row> rows, String col) {
        return Stats.mean(column(rows, col));
    }

    private static double sdOf(List<Row> rows, String col) {
        return Stats.sd(column(rows, col));
    }

    private static double[] each(List<List<Row>> groups, ToDoubleFunction<List<Row>> f) {
        return groups.stream().mapToDouble(f).toArray();
    }

    private static void curve(Map<String, List<Curve>> byKind, String kind, Curve c) {
        byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(c);
    }

    private static void addIfAny(List<ChartSpec> charts, Map<String, List<Curve>> byKind, String kind,
                                 java.util.function.Function<List<Curve>, ChartSpec> make) {
        List<Curve> curves = byKind.get(kind);
        if (curves != null && !curves.isEmpty()) {
            charts.add(make.apply(curves));
        }
    }

    private static List<String> readWarnings(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        return readString(file).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot read: " + e.getMessage());
        }
    }
}
