package org.prunekit.report;

import static org.prunekit.report.ResultsLayout.ARM;
import static org.prunekit.report.ResultsLayout.BYTES;
import static org.prunekit.report.ResultsLayout.CANDIDATE;
import static org.prunekit.report.ResultsLayout.CHOSEN;
import static org.prunekit.report.ResultsLayout.DENSE_NON_ZERO;
import static org.prunekit.report.ResultsLayout.FEATURES;
import static org.prunekit.report.ResultsLayout.FOLD;
import static org.prunekit.report.ResultsLayout.INNER_FOLDS;
import static org.prunekit.report.ResultsLayout.INNER_MEAN;
import static org.prunekit.report.ResultsLayout.INNER_SD;
import static org.prunekit.report.ResultsLayout.INNER_SE;
import static org.prunekit.report.ResultsLayout.LATENCY_US;
import static org.prunekit.report.ResultsLayout.LEAVES;
import static org.prunekit.report.ResultsLayout.NON_ZERO;
import static org.prunekit.report.ResultsLayout.PARAMETERS;
import static org.prunekit.report.ResultsLayout.REPEAT;
import static org.prunekit.report.ResultsLayout.ROUNDS;
import static org.prunekit.report.ResultsLayout.SELECTION_METRIC;
import static org.prunekit.report.ResultsLayout.STRENGTH;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.prunekit.data.InputException;
import org.prunekit.eval.Metric;
import org.prunekit.eval.Selection;
import org.prunekit.eval.Stats;
import org.prunekit.report.CsvRows.Row;
import org.prunekit.report.chart.ChartSpec;
import org.prunekit.report.chart.CostComplexityChart;
import org.prunekit.report.chart.Curve;
import org.prunekit.report.chart.CurvesChart;
import org.prunekit.report.chart.L1CvChart;
import org.prunekit.report.chart.ParetoChart;

/**
 * Reads a saved results folder ({@link ResultsLayout}) into {@link ReportData}, so the report and plots can be
 * rebuilt without retraining. Names, selection, families, methods, class counts and paired comparisons come from
 * {@code summary.json} as the harness computed them; per-arm figures from {@code selected.csv} (chosen and dense
 * candidate of each outer fold); curves from {@code candidates.csv}, {@code cp-table.csv} and
 * {@code path-columns.csv}. Refit rows ({@code repeat = fold = -1}) never enter fold statistics; the inner-CV and
 * coefficient charts show the refit on all data when present (as rpart's {@code plotcp} and glmnet's {@code plot} do),
 * else the first outer fold.
 */
public final class ResultsReader {

    /** Most points of a Pareto curve drawn from size budgets. */
    static final int MAX_BUDGETS = 40;

    private ResultsReader() {}

    /** Reads {@code dir}; throws {@link InputException} (one line, naming the file) when it is not a results folder. */
    public static ReportData read(Path dir) {
        return read(SavedResults.read(dir));
    }

    /**
     * Reads results already in memory: a folder's files ({@link SavedResults#read}) or what
     * {@link ResultsWriter#writeAll} has just written (the same report either way).
     */
    public static ReportData read(SavedResults saved) {
        Path dir = saved.dir();
        String configText = saved.configText();
        byte[] summaryJson = saved.summaryJson();
        RunSummary summary = RunSummary.parse(summaryJson, dir.resolve(ResultsLayout.SUMMARY));
        Map<String, Object> time = time(summaryJson);
        String metric = summary.metric();
        String outer = ResultsLayout.outer(metric);
        CsvRows candidates = saved.table(ResultsLayout.CANDIDATES)
                .orElseThrow()
                .require(ARM, REPEAT, FOLD, CANDIDATE, NON_ZERO, outer);
        CsvRows selected = saved.table(ResultsLayout.SELECTED)
                .orElseThrow()
                .require(ARM, REPEAT, FOLD, NON_ZERO, outer, DENSE_NON_ZERO, ResultsLayout.denseOuter(metric));

        Set<String> armNames = new LinkedHashSet<>();
        summary.arms().forEach(a -> armNames.add(a.name()));
        candidates.rows().forEach(r -> armNames.add(r.text(ARM)));
        Map<String, List<Row>> candByArm = byArm(outerRows(candidates.rows()), armNames);
        Map<String, List<Row>> selByArm = byArm(outerRows(selected.rows()), armNames);
        boolean higherIsBetter = higherIsBetter(metric);

        List<String> warnings = new ArrayList<>(saved.warnings());
        List<ArmSummary> arms = new ArrayList<>();
        List<ParetoChart.Arm> pareto = new ArrayList<>();
        Map<String, List<Curve>> curvesByKind = new LinkedHashMap<>();
        for (String arm : armNames) {
            List<Row> cand = candByArm.get(arm);
            List<Row> sel = selByArm.get(arm);
            if (cand.isEmpty()) {
                warnings.add("arm " + arm + " has no rows in " + ResultsLayout.CANDIDATES);
                continue;
            }
            double chosenNz = meanOf(sel, NON_ZERO);
            double chosenMean = meanOf(sel, outer);
            pareto.add(paretoArm(arm, cand, outer, chosenNz, chosenMean));
            arms.add(new ArmSummary(
                    arm,
                    summary.family(arm),
                    summary.method(arm),
                    describeChoice(sel, summary.method(arm), summary.selection(arm)),
                    chosenMean,
                    sdOf(sel, outer),
                    chosenNz,
                    meanOf(sel, PARAMETERS),
                    meanOf(sel, BYTES),
                    meanOf(sel, LATENCY_US),
                    meanOf(sel, ResultsLayout.denseOuter(metric)),
                    meanOf(sel, DENSE_NON_ZERO),
                    optimistic(cand, outer, higherIsBetter),
                    summary.sizeRatio(arm)));
            methodCurves(summary.method(arm), arm, cand, candidates, outer, curvesByKind);
        }

        List<ChartSpec> charts = new ArrayList<>();
        charts.add(new ParetoChart.Data(metric, pareto));
        addIfAny(charts, curvesByKind, "tree-drop", c -> CurvesChart.treeDrop(metric, c));
        addIfAny(charts, curvesByKind, "mlp-metric", c -> CurvesChart.mlpMetric(metric, c));
        addIfAny(charts, curvesByKind, "mlp-latency", CurvesChart::mlpLatency);
        addIfAny(charts, curvesByKind, "fs-metric", c -> CurvesChart.featureSelection(metric, c));
        FeatureCharts.selectionFrequency(selected).ifPresent(charts::add);
        Optional<CsvRows> pathColumns = saved.table(ResultsLayout.PATH_COLUMNS);
        if (pathColumns.isPresent()) {
            Map<String, List<Row>> columns = FeatureCharts.rowsByArm(pathColumns.get());
            charts.addAll(FeatureCharts.coefficientPaths(
                    columns, arm -> summary.method(arm).equals(ResultsLayout.L1_PATH)));
            charts.addAll(FeatureCharts.exportedColumns(
                    columns,
                    arm -> !summary.method(arm).equals(ResultsLayout.L1_PATH),
                    arm -> strengthName(candByArm.getOrDefault(arm, List.of()))));
        }
        saved.table(ResultsLayout.CP_TABLE).ifPresent(cp -> charts.addAll(innerCvCharts(cp, summary)));
        List<PairedComparison> comparisons =
                summary.paired().stream().filter(p -> p.metric().equals(metric)).toList();
        return new ReportData(
                summary.name(),
                configText,
                summary.dataset(),
                metric,
                summary.rule(),
                arms,
                comparisons,
                charts,
                warnings,
                time == null ? null : TimeSummary.table(time),
                time == null ? null : TimeSummary.footnote(time));
    }

    /** The {@code time} entry of summary.json as plain maps, or null (runs before prunekit recorded times). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> time(byte[] summaryJson) {
        try {
            Map<String, Object> m = CellStore.JSON.readValue(summaryJson, Map.class);
            Object t = m.get("time");
            return t instanceof Map<?, ?> ? (Map<String, Object>) t : null;
        } catch (IOException | RuntimeException e) {
            return null; // the summary's other entries were read already; a malformed time entry only drops the table
        }
    }

    /**
     * One arm's Pareto curve. When every outer fold has the same strengths (a grid path), a point is a candidate
     * averaged over folds. Otherwise (data-dependent paths such as cost-complexity, whose folds differ in length) a
     * point is a size budget B: in each fold the largest candidate with at most B non-zero parameters, averaged over
     * folds (size and metric); budgets are the distinct sizes, or {@link #MAX_BUDGETS} geometric steps, that every
     * fold can meet.
     */
    static ParetoChart.Arm paretoArm(String arm, List<Row> cand, String outer, double chosenNz, double chosenMean) {
        Map<String, List<Row>> folds = byFold(cand);
        List<List<Row>> points = new ArrayList<>();
        if (sameStrengths(folds.values())) {
            points.addAll(byCandidate(cand).values());
        } else {
            // each row's size parsed once: the budget loop below visits every row once per budget
            List<List<Row>> foldRows = new ArrayList<>(folds.values());
            List<double[]> foldNz = new ArrayList<>();
            double floor = 0;
            for (List<Row> f : foldRows) {
                double[] nz = f.stream().mapToDouble(r -> r.num(NON_ZERO)).toArray();
                foldNz.add(nz);
                floor = Math.max(floor, Arrays.stream(nz).min().orElse(0));
            }
            double[] sizes = foldNz.stream().flatMapToDouble(Arrays::stream).toArray();
            int[] previous = null; // row index picked in each fold (-1: none) at the last budget kept
            for (double b : budgets(sizes, floor)) {
                int[] picks = new int[foldRows.size()];
                for (int k = 0; k < picks.length; k++) {
                    double[] nz = foldNz.get(k);
                    int pick = -1;
                    for (int i = 0; i < nz.length; i++) {
                        if (nz[i] <= b && (pick < 0 || nz[i] > nz[pick])) {
                            pick = i;
                        }
                    }
                    picks[k] = pick;
                }
                if (previous == null || !Arrays.equals(previous, picks)) {
                    List<Row> at = new ArrayList<>();
                    for (int k = 0; k < picks.length; k++) {
                        at.add(picks[k] < 0 ? null : foldRows.get(k).get(picks[k]));
                    }
                    points.add(at);
                    previous = picks;
                }
            }
        }
        return new ParetoChart.Arm(
                arm,
                each(points, g -> meanOf(g, NON_ZERO)),
                each(points, g -> meanOf(g, outer)),
                each(points, g -> sdOf(g, outer)),
                chosenNz,
                chosenMean);
    }

    /** Budgets from {@code floor} up: the distinct sizes if few, else geometric steps up to the largest size. */
    private static double[] budgets(double[] sizes, double floor) {
        double[] distinct =
                Arrays.stream(sizes).filter(s -> s >= floor).distinct().sorted().toArray();
        if (distinct.length <= MAX_BUDGETS) {
            return distinct;
        }
        double lo = Math.max(1, distinct[0]);
        double hi = distinct[distinct.length - 1];
        double[] out = new double[MAX_BUDGETS];
        for (int i = 0; i < MAX_BUDGETS; i++) {
            out[i] = i == MAX_BUDGETS - 1 ? hi : lo * Math.pow(hi / lo, i / (MAX_BUDGETS - 1.0));
        }
        return out;
    }

    private static boolean sameStrengths(Collection<List<Row>> folds) {
        List<String> first = null;
        for (List<Row> f : folds) {
            List<String> s = f.stream().map(r -> r.text(STRENGTH)).toList();
            if (first == null) {
                first = s;
            } else if (!first.equals(s)) {
                return false;
            }
        }
        return true;
    }

    /** Adds the per-method curves (x coordinate chosen by method) of one arm; points are candidates. */
    private static void methodCurves(
            String method,
            String arm,
            List<Row> cand,
            CsvRows candidates,
            String outer,
            Map<String, List<Curve>> curvesByKind) {
        List<List<Row>> points = new ArrayList<>(byCandidate(cand).values());
        double[] mean = each(points, g -> meanOf(g, outer));
        double[] sd = each(points, g -> sdOf(g, outer));
        if (method.equals(ResultsLayout.TREE_DROP)) {
            String xCol = candidates.has(ROUNDS) ? ROUNDS : STRENGTH;
            curve(curvesByKind, "tree-drop", new Curve(arm, each(points, g -> meanOf(g, xCol)), mean, sd));
        } else if (method.equals(ResultsLayout.MAGNITUDE)) {
            double[] sparsity = each(
                    points,
                    g -> Stats.mean(g.stream()
                            .mapToDouble(r -> 100 * (1 - r.num(NON_ZERO) / r.num(PARAMETERS)))
                            .toArray()));
            curve(curvesByKind, "mlp-metric", new Curve(arm, sparsity, mean, sd));
            double[] latency = candidates.has(LATENCY_US) ? each(points, g -> meanOf(g, LATENCY_US)) : null;
            // every candidate's latency is measured only with timing.candidates: all
            if (latency != null && Arrays.stream(latency).allMatch(Double::isFinite)) {
                curve(
                        curvesByKind,
                        "mlp-latency",
                        new Curve(arm, sparsity, latency, each(points, g -> sdOf(g, LATENCY_US))));
            }
        } else if (!ResultsLayout.MODEL_PRUNING.contains(method) && candidates.has(FEATURES)) {
            curve(curvesByKind, "fs-metric", new Curve(arm, each(points, g -> meanOf(g, FEATURES)), mean, sd));
        }
    }

    /**
     * Cost-complexity and L1 cross-validation charts from {@code cp-table.csv}: inner mean ± standard error of each
     * arm's own selection metric (its {@code selection_metric} column, else summary.json's), the one-SE threshold and
     * choices exactly as {@link Selection} computes them in that metric's direction. Arms whose curves are the same
     * (they share the trained model and the metric, and differ in their rule) share one chart, each arm's choice
     * marked on it.
     */
    private static List<ChartSpec> innerCvCharts(CsvRows cp, RunSummary summary) {
        cp.require(ARM, REPEAT, FOLD, CANDIDATE, STRENGTH, NON_ZERO, INNER_MEAN, INNER_SD, INNER_FOLDS);
        Map<String, List<Row>> byArm = new LinkedHashMap<>();
        for (Row r : cp.rows()) {
            if (!r.text(CANDIDATE).isEmpty()) { // a step of the full path that was not a candidate: not scored
                byArm.computeIfAbsent(r.text(ARM), k -> new ArrayList<>()).add(r);
            }
        }
        List<ChartSpec> charts = new ArrayList<>();
        Map<String, Integer> sameCurve = new HashMap<>(); // a curve's method, metric, cell and numbers -> its chart
        for (var e : byArm.entrySet()) {
            String arm = e.getKey();
            String method = summary.method(arm);
            if (!method.equals(ResultsLayout.COST_COMPLEXITY) && !method.equals(ResultsLayout.L1_PATH)) {
                continue;
            }
            List<Row> rows = preferredCell(e.getValue());
            String metric = cp.has(SELECTION_METRIC)
                            && !rows.get(0).text(SELECTION_METRIC).isEmpty()
                    ? rows.get(0).text(SELECTION_METRIC)
                    : summary.metric(arm);
            boolean higherIsBetter = higherIsBetter(metric);
            double[] strength = column(rows, STRENGTH);
            double[] mean = column(rows, INNER_MEAN);
            double[] sd = column(rows, INNER_SD);
            double[] se = cp.has(INNER_SE) ? column(rows, INNER_SE) : sd;
            long[] nonZero =
                    rows.stream().mapToLong(r -> (long) r.num(NON_ZERO)).toArray();
            int folds = (int) rows.get(0).num(INNER_FOLDS);
            String cell = cellName(rows.get(0));
            boolean byLeaves = cp.has(LEAVES);
            double[] x = byLeaves && method.equals(ResultsLayout.COST_COMPLEXITY) ? column(rows, LEAVES) : strength;
            String curve = String.join(
                    "\n",
                    method,
                    metric,
                    cell,
                    Arrays.toString(strength),
                    Arrays.toString(x),
                    Arrays.toString(mean),
                    Arrays.toString(sd),
                    Arrays.toString(se));
            Integer shared = sameCurve.get(curve);
            if (method.equals(ResultsLayout.COST_COMPLEXITY)) {
                int chosen = cp.has(CHOSEN) ? indexOf(rows, r -> r.num(CHOSEN) == 1) : -1;
                if (shared != null) {
                    charts.set(shared, ((CostComplexityChart.Data) charts.get(shared)).withArm(arm, chosen));
                    continue;
                }
                charts.add(new CostComplexityChart.Data(
                        List.of(arm),
                        metric,
                        cell,
                        strength,
                        x,
                        mean,
                        se,
                        Selection.oneSeThreshold(mean, sd, folds, nonZero, higherIsBetter),
                        new int[] {chosen},
                        byLeaves ? CostComplexityChart.XAxis.LEAVES : CostComplexityChart.XAxis.ALPHA));
            } else {
                if (shared != null) {
                    charts.set(shared, ((L1CvChart.Data) charts.get(shared)).withArm(arm));
                    continue;
                }
                int best = Selection.choose("best", mean, sd, folds, nonZero, higherIsBetter, 0)
                        .index();
                int oneSe = Selection.choose("one-se", mean, sd, folds, nonZero, higherIsBetter, 0)
                        .index();
                charts.add(
                        new L1CvChart.Data(List.of(arm), metric, strength, mean, se, strength[best], strength[oneSe]));
            }
            sameCurve.put(curve, charts.size() - 1);
        }
        return charts;
    }

    private static String strengthName(List<Row> rows) {
        return rows.isEmpty() || rows.get(0).text(ResultsLayout.STRENGTH_NAME).isEmpty()
                ? "strength"
                : rows.get(0).text(ResultsLayout.STRENGTH_NAME);
    }

    /** The refit's rows when present (repeat = fold = -1), else those of the first cell in the file. */
    static List<Row> preferredCell(List<Row> rows) {
        List<Row> refit = rows.stream().filter(ResultsReader::isRefit).toList();
        if (!refit.isEmpty()) {
            return refit;
        }
        String first = foldKey(rows.get(0));
        return rows.stream().filter(r -> foldKey(r).equals(first)).toList();
    }

    /** "refit on all data" or "outer fold r/f". */
    static String cellName(Row r) {
        return isRefit(r) ? "refit on all data" : "outer fold " + foldKey(r);
    }

    static boolean isRefit(Row r) {
        return r.num(REPEAT) == -1 && r.num(FOLD) == -1;
    }

    private static List<Row> outerRows(List<Row> rows) {
        return rows.stream().filter(r -> !isRefit(r)).toList();
    }

    private static int indexOf(List<Row> rows, Predicate<Row> p) {
        for (int i = 0; i < rows.size(); i++) {
            if (p.test(rows.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String describeChoice(List<Row> sel, String method, String rule) {
        if (method.equals(ResultsLayout.NONE)) {
            return "as trained (no pruning)";
        }
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
        String strength = lo == hi
                ? String.format(Locale.ROOT, "strength %.4g", lo)
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
        return Stats.mean(
                best.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static boolean higherIsBetter(String metric) {
        Metric m = Metric.byName(metric);
        return m == null || m.higherIsBetter();
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

    private static Map<String, List<Row>> byFold(List<Row> rows) {
        Map<String, List<Row>> out = new LinkedHashMap<>();
        rows.forEach(
                r -> out.computeIfAbsent(foldKey(r), k -> new ArrayList<>()).add(r));
        return out;
    }

    private static TreeMap<Integer, List<Row>> byCandidate(List<Row> rows) {
        TreeMap<Integer, List<Row>> out = new TreeMap<>();
        for (Row r : rows) {
            double c = r.num(CANDIDATE);
            if (!Double.isFinite(c)) {
                throw new InputException(
                        r.file().toString(),
                        r.line(),
                        r.header().indexOf(CANDIDATE) + 1,
                        "column " + CANDIDATE + ": missing candidate index");
            }
            out.computeIfAbsent((int) c, k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    static String foldKey(Row r) {
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

    /** Adds a method curve when it has at least two drawable points (one point says nothing about a trend). */
    private static void curve(Map<String, List<Curve>> byKind, String kind, Curve c) {
        double[] x = c.x();
        double[] y = c.y();
        long points = IntStream.range(0, x.length)
                .filter(i -> Double.isFinite(x[i]) && Double.isFinite(y[i]))
                .mapToDouble(i -> x[i])
                .distinct()
                .count();
        if (points >= 2) {
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(c);
        }
    }

    private static void addIfAny(
            List<ChartSpec> charts,
            Map<String, List<Curve>> byKind,
            String kind,
            Function<List<Curve>, ChartSpec> make) {
        List<Curve> curves = byKind.get(kind);
        if (curves != null && !curves.isEmpty()) {
            charts.add(make.apply(curves));
        }
    }
}
