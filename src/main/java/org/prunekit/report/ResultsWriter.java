package org.prunekit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.prunekit.config.ArmSpec;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.config.SelectSpec;
import org.prunekit.data.AtomicFiles;
import org.prunekit.data.CsvCells;
import org.prunekit.eval.Metric;
import org.prunekit.eval.PairedComparison;
import org.prunekit.eval.Stats;
import org.prunekit.protocol.CandidateResult;
import org.prunekit.protocol.CellResult;
import org.prunekit.spi.PathTable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes the results folder from the finished cells: {@code config.yaml}, {@code candidates.csv},
 * {@code selected.csv}, {@code cp-table.csv}, {@code path-columns.csv}, {@code summary.md}, {@code summary.json},
 * {@code warnings.txt}.
 * Every file is written atomically; every CSV with Commons CSV, its text cells made spreadsheet-safe ({@link CsvCells}). Column names are listed in {@code docs/config.md}.
 * Apart from {@code latency_us} columns (and summaries of them), the output depends only on the cells.
 */
public final class ResultsWriter {

    /** What the summary says about the data. */
    public record DatasetInfo(String path, String sha256, int rows, int features, List<String> classes, int[] counts) {}

    private final ExperimentConfig cfg;
    private final List<CellResult> cells;
    private final List<CellResult> outer;
    private final DatasetInfo data;
    private final String version;
    private RunTimes runTimes;
    private final Map<Long, String> texts = new HashMap<>();

    /** @param cells every cell (outer cells and refits), in any order; sorted here */
    public ResultsWriter(ExperimentConfig cfg, List<CellResult> cells, DatasetInfo data, String version) {
        this.cfg = cfg;
        List<String> armOrder = cfg.arms().stream().map(ArmSpec::name).toList();
        this.cells = cells.stream()
                .sorted(Comparator.comparingInt((CellResult c) -> armOrder.indexOf(c.arm()))
                        .thenComparingInt(c -> c.refitOnAll() ? 1 : 0)
                        .thenComparingInt(CellResult::repeat)
                        .thenComparingInt(CellResult::fold))
                .toList();
        this.outer = this.cells.stream().filter(c -> !c.refitOnAll()).toList();
        this.data = data;
        this.version = version;
    }

    /** Adds the run-level times to the summary's {@code time} entry (the cells carry their own phase times). */
    public ResultsWriter withRunTimes(RunTimes times) {
        this.runTimes = times;
        return this;
    }

    /** Writes {@code summary.json} and {@code summary.md} only (e.g. again, once the report's time is known). */
    public void writeSummary(Path dir) {
        Map<String, Object> summary = summary();
        try {
            AtomicFiles.write(dir.resolve(ResultsLayout.SUMMARY), CellStore.JSON.writeValueAsBytes(summary));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.writeString(dir.resolve("summary.md"), summaryMarkdown(summary));
    }

    /**
     * Writes every file of the results folder; returns what a report reads from them, in memory (the report is drawn
     * from it without parsing the files again: {@link ResultsReader#read(SavedResults)}).
     */
    public SavedResults writeAll(Path dir) {
        String config = configYaml(cfg);
        AtomicFiles.writeString(dir.resolve(ResultsLayout.CONFIG), config);
        Map<String, CsvRows> tables = new LinkedHashMap<>();
        writeTable(dir, ResultsLayout.CANDIDATES, candidates(), tables);
        writeTable(dir, ResultsLayout.SELECTED, selected(), tables);
        writeTable(dir, ResultsLayout.CP_TABLE, cpTable(), tables);
        writeTable(dir, ResultsLayout.PATH_COLUMNS, pathColumns(), tables);
        StabilityCsv.write(dir, cfg, outer);
        Map<String, Object> summary = summary();
        byte[] json;
        try {
            json = CellStore.JSON.writeValueAsBytes(summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.write(dir.resolve(ResultsLayout.SUMMARY), json);
        AtomicFiles.writeString(dir.resolve("summary.md"), summaryMarkdown(summary));
        String warnings = String.join("\n", warnings()) + (warnings().isEmpty() ? "" : "\n");
        AtomicFiles.writeString(dir.resolve(ResultsLayout.WARNINGS), warnings);
        return new SavedResults(dir, config, json, tables, warnings);
    }

    /** Writes one result CSV and keeps its rows as {@link CsvRows#read} would read them back. */
    private static void writeTable(Path dir, String file, Table t, Map<String, CsvRows> kept) {
        AtomicFiles.writeString(dir.resolve(file), t.text());
        kept.put(file, CsvRows.of(dir.resolve(file), t.header(), t.rows()));
    }

    /** The resolved config as YAML (block style). */
    public static String configYaml(ExperimentConfig cfg) {
        return yaml(cfg.resolved());
    }

    /** A resolved config map ({@link ExperimentConfig#resolved()}) as YAML (block style). */
    public static String yaml(Map<String, Object> resolved) {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setWidth(120);
        return "# resolved by prunekit: every default filled in\n" + new Yaml(o).dump(resolved);
    }

    /** Config warnings, then notes of cells where the selection rule had to bend. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>(cfg.warnings().all());
        for (CellResult c : cells) {
            if (c.note() != null) {
                out.add(c.key() + ": " + c.note());
            }
        }
        return out;
    }

    private List<String> metricNames() {
        return cfg.metrics().stream().map(Metric::configName).toList();
    }

    static String col(String metric) {
        return ResultsLayout.col(metric);
    }

    private List<String> detailKeys() {
        TreeSet<String> keys = new TreeSet<>();
        for (CellResult c : cells) {
            c.candidates().forEach(k -> keys.addAll(k.details().keySet()));
        }
        return List.copyOf(keys);
    }

    /** Column names of {@code candidates.csv}. */
    public List<String> candidateColumns() {
        List<String> h = new ArrayList<>(List.of(
                "arm",
                "repeat",
                "fold",
                "candidate",
                "chosen",
                "strength_name",
                "strength",
                "parameters",
                "nonzero_parameters"));
        detailKeys().forEach(k -> h.add("size_" + col(k)));
        h.addAll(List.of("bytes", "bytes_format", "threshold", "inner_folds"));
        for (String m : metricNames()) {
            h.add("inner_mean_" + col(m));
            h.add("inner_sd_" + col(m));
            h.add("outer_" + col(m));
        }
        h.add("latency_us");
        return h;
    }

    private Table candidates() {
        List<String> details = detailKeys();
        return table(candidateColumns(), true, p -> {
            for (CellResult c : outer) {
                for (CandidateResult k : c.candidates()) {
                    List<Object> r = new ArrayList<>(List.of(
                            c.arm(),
                            c.repeat(),
                            c.fold(),
                            k.index(),
                            k.index() == c.chosen() ? 1 : 0,
                            c.strengthName(),
                            text(k.strength()),
                            k.parameters(),
                            k.nonZero()));
                    details.forEach(d ->
                            r.add(k.details().containsKey(d) ? text(k.details().get(d)) : ""));
                    r.addAll(List.of(k.bytes(), k.bytesFormat(), text(k.threshold()), c.innerFolds()));
                    for (String m : metricNames()) {
                        r.add(text(k.innerMean().get(m)));
                        r.add(text(k.innerSd().get(m)));
                        r.add(text(k.outer().get(m)));
                    }
                    r.add(text(k.latencyUs()));
                    p.printRecord(CsvCells.row(r));
                }
            }
        });
    }

    /** Column names of {@code selected.csv}. */
    public List<String> selectedColumns() {
        List<String> h = new ArrayList<>(List.of(
                "arm",
                "repeat",
                "fold",
                "candidate",
                "strength",
                "parameters",
                "nonzero_parameters",
                "bytes",
                "dense_parameters",
                "dense_nonzero_parameters",
                "dense_bytes"));
        metricNames().forEach(m -> h.add("outer_" + col(m)));
        metricNames().forEach(m -> h.add("dense_outer_" + col(m)));
        h.addAll(List.of("note", "features_used", "latency_us", "dense_latency_us"));
        return h;
    }

    private Table selected() {
        return table(selectedColumns(), true, p -> {
            for (CellResult c : outer) {
                CandidateResult k = c.chosenCandidate();
                CandidateResult d = c.candidates().get(0);
                List<Object> r = new ArrayList<>(List.of(
                        c.arm(),
                        c.repeat(),
                        c.fold(),
                        k.index(),
                        text(k.strength()),
                        k.parameters(),
                        k.nonZero(),
                        k.bytes(),
                        d.parameters(),
                        d.nonZero(),
                        d.bytes()));
                metricNames().forEach(m -> r.add(text(k.outer().get(m))));
                metricNames().forEach(m -> r.add(text(d.outer().get(m))));
                r.add(c.note() == null ? "" : c.note());
                r.add(String.join(";", c.featuresUsed()));
                r.add(text(k.latencyUs()));
                r.add(text(d.latencyUs()));
                p.printRecord(CsvCells.row(r));
            }
        });
    }

    /** Column names of {@code cp-table.csv}. */
    public List<String> cpTableColumns() {
        List<String> h = new ArrayList<>(
                List.of("arm", "repeat", "fold", "candidate", "chosen", "strength", "nonzero_parameters"));
        detailKeys().forEach(k -> h.add("size_" + col(k)));
        h.addAll(List.of(ResultsLayout.SELECTION_METRIC, "inner_mean", "inner_sd", "inner_se", "inner_folds"));
        return h;
    }

    /**
     * One row per candidate; a cell whose path offers only some steps as candidates ({@link CellResult#fullPath()})
     * gets one row per step, the steps that are not candidates with an empty {@code candidate} and no inner scores.
     */
    private Table cpTable() {
        List<String> details = detailKeys();
        return table(cpTableColumns(), true, p -> {
            for (CellResult c : cells) {
                String sel = cfg.selectFor(c.arm()).metric().configName();
                PathTable full = c.fullPath();
                if (full == null) {
                    for (CandidateResult k : c.candidates()) {
                        p.printRecord(CsvCells.row(cpRow(c, k, sel, details)));
                    }
                    continue;
                }
                int[] candidateOf = full.candidateOfStep();
                double[] strength = full.strength();
                Map<String, double[]> sizes = full.details();
                for (int step = 0; step < strength.length; step++) {
                    if (candidateOf[step] >= 0) {
                        p.printRecord(CsvCells.row(cpRow(c, c.candidates().get(candidateOf[step]), sel, details)));
                        continue;
                    }
                    List<Object> r =
                            new ArrayList<>(List.of(c.arm(), c.repeat(), c.fold(), "", 0, text(strength[step]), ""));
                    int s = step;
                    details.forEach(d -> r.add(sizes.containsKey(d) ? text(sizes.get(d)[s]) : ""));
                    r.addAll(List.of(sel, "", "", "", c.innerFolds()));
                    p.printRecord(CsvCells.row(r));
                }
            }
        });
    }

    private List<Object> cpRow(CellResult c, CandidateResult k, String sel, List<String> details) {
        double sd = k.innerSd().getOrDefault(sel, Double.NaN);
        List<Object> r = new ArrayList<>(List.of(
                c.arm(),
                c.repeat(),
                c.fold(),
                k.index(),
                k.index() == c.chosen() ? 1 : 0,
                text(k.strength()),
                k.nonZero()));
        details.forEach(d -> r.add(k.details().containsKey(d) ? text(k.details().get(d)) : ""));
        r.addAll(List.of(
                sel, text(k.innerMean().get(sel)), text(sd), text(sd / Math.sqrt(c.innerFolds())), c.innerFolds()));
        return r;
    }

    /** Column names of {@code path-columns.csv}. */
    public static List<String> pathColumnsColumns() {
        return List.of("arm", "repeat", "fold", "candidate", "strength", "column", "value");
    }

    /** The paths' exported columns ({@code PathExport}), long format: one row per cell, candidate and column. */
    private Table pathColumns() {
        return table(pathColumnsColumns(), true, p -> {
            for (CellResult c : cells) {
                for (var e : c.pathColumns().entrySet()) {
                    for (CandidateResult k : c.candidates()) {
                        p.printRecord(CsvCells.row(Arrays.asList(
                                c.arm(),
                                c.repeat(),
                                c.fold(),
                                k.index(),
                                text(k.strength()),
                                e.getKey(),
                                text(e.getValue()[k.index()]))));
                    }
                }
            }
        });
    }

    /** The summary as plain maps (written as summary.json and rendered as summary.md). */
    Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", cfg.name());
        s.put("prunekit_version", version);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("path", data.path());
        d.put("target", cfg.data().target());
        d.put("sha256", data.sha256());
        d.put("rows", data.rows());
        d.put("features", data.features());
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < data.classes().size(); i++) {
            counts.put(data.classes().get(i), data.counts()[i]);
        }
        d.put("class_counts", counts);
        s.put("dataset", d);
        s.put("selection", selection(cfg.select()));
        s.put("imbalance", cfg.imbalance().strategy());
        s.put("metrics", metricNames());
        List<Object> arms = new ArrayList<>();
        for (ArmSpec a : cfg.arms()) {
            List<CellResult> cs =
                    outer.stream().filter(c -> c.arm().equals(a.name())).toList();
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("name", a.name());
            am.put("family", a.family());
            am.put("method", a.method());
            am.put("selection", selection(cfg.selectFor(a)));
            am.put("work_key", a.workKey());
            am.put("cells", cs.size());
            Map<String, Object> chosen = new LinkedHashMap<>();
            Map<String, Object> dense = new LinkedHashMap<>();
            Map<String, Object> change = new LinkedHashMap<>();
            for (String m : metricNames()) {
                double[] v = cs.stream()
                        .mapToDouble(c -> c.chosenCandidate().outer().getOrDefault(m, Double.NaN))
                        .toArray();
                double[] dv = cs.stream()
                        .mapToDouble(c -> c.candidates().get(0).outer().getOrDefault(m, Double.NaN))
                        .toArray();
                chosen.put(m, stats(Stats.of(v)));
                dense.put(m, stats(Stats.of(dv)));
                double[] diff = new double[v.length];
                for (int i = 0; i < v.length; i++) {
                    diff[i] = v[i] - dv[i];
                }
                change.put(m, stats(Stats.of(diff)));
            }
            am.put("chosen", chosen);
            am.put("dense", dense);
            am.put("change_vs_dense", change);
            Map<String, Object> size = new LinkedHashMap<>();
            size.put("parameters_mean", mean(cs, c -> c.chosenCandidate().parameters()));
            size.put(
                    "nonzero_parameters_mean", mean(cs, c -> c.chosenCandidate().nonZero()));
            size.put(
                    "dense_nonzero_parameters_mean",
                    mean(cs, c -> c.candidates().get(0).nonZero()));
            size.put(
                    "nonzero_ratio_mean",
                    mean(
                            cs,
                            c -> (double) c.chosenCandidate().nonZero()
                                    / Math.max(1, c.candidates().get(0).nonZero())));
            size.put("bytes_mean", mean(cs, c -> c.chosenCandidate().bytes()));
            size.put("dense_bytes_mean", mean(cs, c -> c.candidates().get(0).bytes()));
            size.put(
                    "bytes_ratio_mean",
                    mean(
                            cs,
                            c -> (double) c.chosenCandidate().bytes()
                                    / Math.max(1, c.candidates().get(0).bytes())));
            size.put(
                    "latency_us_median",
                    Stats.median(cs.stream()
                            .mapToDouble(c -> c.chosenCandidate().latencyUs())
                            .toArray()));
            am.put("size", size);
            cells.stream()
                    .filter(c -> c.refitOnAll() && c.arm().equals(a.name()))
                    .findFirst()
                    .ifPresent(r -> {
                        Map<String, Object> rm = new LinkedHashMap<>();
                        rm.put("candidate", r.chosen());
                        rm.put("strength", r.chosenCandidate().strength());
                        rm.put("nonzero_parameters", r.chosenCandidate().nonZero());
                        boolean bundled = "bundle".equals(r.chosenCandidate().bytesFormat());
                        rm.put("model", bundled ? "models/" + a.name() + ".model" : null);
                        rm.put("bytes", r.chosenCandidate().bytes());
                        rm.put("dense_bytes", r.candidates().get(0).bytes());
                        if (!bundled) {
                            rm.put("comparison_only", true);
                        }
                        rm.put("provenance", "models/" + a.name() + ".provenance.json");
                        am.put("refit", rm);
                    });
            arms.add(am);
        }
        s.put("arms", arms);
        s.put("paired", paired());
        s.put("warnings", warnings());
        Map<String, Object> time =
                TimeSummary.of(cells, cfg.arms().stream().map(ArmSpec::name).toList(), runTimes);
        if (time != null) {
            s.put("time", time);
        }
        return s;
    }

    /**
     * The refit model bundles: bytes of the chosen candidate's bundle against the unpruned candidate's of the same
     * path (docs/bundle.md), or a note for comparison-only arms.
     */
    @SuppressWarnings("unchecked")
    private static String bundleSection(List<Object> arms) {
        StringBuilder b = new StringBuilder(
                "\n## Model bundles (refit on all rows)\n\n| arm | model file | bytes | dense bytes | ratio |\n|---|---|---|---|---|\n");
        for (Object o : arms) {
            Map<String, Object> a = (Map<String, Object>) o;
            Map<String, Object> r = (Map<String, Object>) a.get("refit");
            if (r == null) {
                continue;
            }
            Object model = r.get("model");
            long bytes = ((Number) r.get("bytes")).longValue();
            long dense = ((Number) r.get("dense_bytes")).longValue();
            b.append("| ").append(a.get("name")).append(" | ");
            if (model == null) {
                b.append("none: comparison-only (no bundle format for this family; Java-serialized size shown) | ");
            } else {
                b.append('`').append(model).append("` | ");
            }
            b.append(String.format(
                    Locale.ROOT, "%,d | %,d | %.3f |%n", bytes, dense, (double) bytes / Math.max(1, dense)));
        }
        return b.toString();
    }

    private List<Object> paired() {
        List<Object> out = new ArrayList<>();
        List<ArmSpec> arms = cfg.arms();
        for (int i = 0; i < arms.size(); i++) {
            for (int j = i + 1; j < arms.size(); j++) {
                Map<String, CellResult> a = byCell(arms.get(i).name());
                Map<String, CellResult> b = byCell(arms.get(j).name());
                List<String> common = a.keySet().stream().filter(b::containsKey).toList();
                double testOverTrain = Stats.mean(common.stream()
                        .mapToDouble(
                                k -> a.get(k).testRows() / (double) a.get(k).trainRows())
                        .toArray());
                for (String m : metricNames()) {
                    double[] x = common.stream()
                            .mapToDouble(k -> a.get(k).chosenCandidate().outer().getOrDefault(m, Double.NaN))
                            .toArray();
                    double[] y = common.stream()
                            .mapToDouble(k -> b.get(k).chosenCandidate().outer().getOrDefault(m, Double.NaN))
                            .toArray();
                    PairedComparison.Result r = PairedComparison.compare(x, y, testOverTrain);
                    Map<String, Object> pm = new LinkedHashMap<>();
                    pm.put("a", arms.get(i).name());
                    pm.put("b", arms.get(j).name());
                    pm.put("metric", m);
                    pm.put("n", r.n());
                    pm.put("mean_diff", r.meanDiff());
                    pm.put("sd_diff", r.sdDiff());
                    pm.put("ci_low", r.ciLow());
                    pm.put("ci_high", r.ciHigh());
                    pm.put("wins_a", r.winsA());
                    pm.put("wilcoxon_p", r.wilcoxonP());
                    pm.put("wilcoxon_exact", r.exact());
                    pm.put("test_train_ratio", testOverTrain);
                    pm.put("corrected_t_p", r.correctedP());
                    out.add(pm);
                }
            }
        }
        return out;
    }

    private Map<String, CellResult> byCell(String arm) {
        Map<String, CellResult> m = new LinkedHashMap<>();
        outer.stream().filter(c -> c.arm().equals(arm)).forEach(c -> m.put(c.repeat() + "/" + c.fold(), c));
        return m;
    }

    /** A {@code select:} block as summary.json writes it: metric, rule, and max_nonzero for rule budget. */
    private static Map<String, Object> selection(SelectSpec sel) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metric", sel.metric().configName());
        m.put("rule", sel.rule());
        if (sel.rule().equals("budget")) {
            m.put("max_nonzero", sel.maxNonZero());
        }
        return m;
    }

    /** "metric, rule" (budget: "metric, budget ≤ N non-zero") of a summary.json selection block. */
    private static String selectionText(Map<String, Object> sel) {
        Object max = sel.get("max_nonzero");
        return sel.get("metric") + ", " + (max == null ? sel.get("rule") : "budget ≤ " + max + " non-zero");
    }

    private static Map<String, Object> stats(Stats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", s.mean());
        m.put("sd", s.sd());
        m.put("ci_low", s.ciLow());
        m.put("ci_high", s.ciHigh());
        return m;
    }

    @SuppressWarnings("unchecked")
    String summaryMarkdown(Map<String, Object> s) {
        StringBuilder b = new StringBuilder();
        String sel = cfg.select().metric().configName();
        b.append("# ").append(cfg.name()).append("\n\n");
        Map<String, Object> d = (Map<String, Object>) s.get("dataset");
        b.append("Data: `")
                .append(d.get("path"))
                .append("` (")
                .append(d.get("rows"))
                .append(" rows, classes ")
                .append(d.get("class_counts"))
                .append(", SHA-256 `")
                .append(String.valueOf(d.get("sha256")), 0, 12)
                .append("…`). ");
        boolean perArm = cfg.arms().stream().anyMatch(a -> !cfg.selectFor(a).equals(cfg.select()));
        b.append("Selection: ")
                .append(
                        perArm
                                ? "per arm (column selection of the arms table)"
                                : sel + ", rule " + cfg.select().rule())
                .append(", on inner data only; imbalance: ")
                .append(cfg.imbalance().strategy())
                .append(". ");
        b.append("Figures: chosen point on the outer test folds, mean ± sd [95 % t interval] over ")
                .append(outer.isEmpty() ? 0 : outer.size() / cfg.arms().size())
                .append(" folds.\n\n");
        b.append("## Arms\n\n| arm | family | method | selection |");
        metricNames().forEach(m -> b.append(' ').append(m).append(" |"));
        b.append(" non-zero params (dense) | bytes (× dense) | latency µs/row |\n|---|---|---|---|");
        metricNames().forEach(m -> b.append("---|"));
        b.append("---|---|---|\n");
        for (Object o : (List<Object>) s.get("arms")) {
            Map<String, Object> a = (Map<String, Object>) o;
            b.append("| ")
                    .append(a.get("name"))
                    .append(" | ")
                    .append(a.get("family"))
                    .append(" | ")
                    .append(a.get("method"))
                    .append(" | ")
                    .append(selectionText((Map<String, Object>) a.get("selection")))
                    .append(" |");
            Map<String, Object> chosen = (Map<String, Object>) a.get("chosen");
            for (String m : metricNames()) {
                Map<String, Object> st = (Map<String, Object>) chosen.get(m);
                b.append(' ')
                        .append(f(st.get("mean")))
                        .append(" ± ")
                        .append(f(st.get("sd")))
                        .append(" [")
                        .append(f(st.get("ci_low")))
                        .append(", ")
                        .append(f(st.get("ci_high")))
                        .append("] |");
            }
            Map<String, Object> size = (Map<String, Object>) a.get("size");
            b.append(' ')
                    .append(f1(size.get("nonzero_parameters_mean")))
                    .append(" (")
                    .append(f1(size.get("dense_nonzero_parameters_mean")))
                    .append(") | ")
                    .append(f1(size.get("bytes_mean")))
                    .append(" (× ")
                    .append(f(size.get("bytes_ratio_mean")))
                    .append(") | ")
                    .append(f(size.get("latency_us_median")))
                    .append(" |\n");
        }
        b.append("\n## Pruned vs dense (chosen minus candidate 0, same folds)\n\n| arm | size ratio | bytes ratio |");
        metricNames().forEach(m -> b.append(" Δ ").append(m).append(" |"));
        b.append("\n|---|---|---|");
        metricNames().forEach(m -> b.append("---|"));
        b.append('\n');
        for (Object o : (List<Object>) s.get("arms")) {
            Map<String, Object> a = (Map<String, Object>) o;
            Map<String, Object> change = (Map<String, Object>) a.get("change_vs_dense");
            b.append("| ")
                    .append(a.get("name"))
                    .append(" | ")
                    .append(f(((Map<String, Object>) a.get("size")).get("nonzero_ratio_mean")))
                    .append(" | ")
                    .append(f(((Map<String, Object>) a.get("size")).get("bytes_ratio_mean")))
                    .append(" |");
            for (String m : metricNames()) {
                Map<String, Object> st = (Map<String, Object>) change.get(m);
                b.append(' ')
                        .append(f(st.get("mean")))
                        .append(" [")
                        .append(f(st.get("ci_low")))
                        .append(", ")
                        .append(f(st.get("ci_high")))
                        .append("] |");
            }
            b.append('\n');
        }
        b.append(bundleSection((List<Object>) s.get("arms")));
        List<Object> paired = (List<Object>) s.get("paired");
        if (!paired.isEmpty()) {
            b.append(
                    "\n## Paired comparisons (a − b on the same folds)\n\n| a | b | metric | n | mean diff [95 % CI] | Wilcoxon p "
                            + "| corrected t p |\n|---|---|---|---|---|---|---|\n");
            for (Object o : paired) {
                Map<String, Object> p = (Map<String, Object>) o;
                b.append("| ")
                        .append(p.get("a"))
                        .append(" | ")
                        .append(p.get("b"))
                        .append(" | ")
                        .append(p.get("metric"))
                        .append(" | ")
                        .append(p.get("n"))
                        .append(" | ")
                        .append(f(p.get("mean_diff")))
                        .append(" [")
                        .append(f(p.get("ci_low")))
                        .append(", ")
                        .append(f(p.get("ci_high")))
                        .append("] | ")
                        .append(f(p.get("wilcoxon_p")))
                        .append(Boolean.TRUE.equals(p.get("wilcoxon_exact")) ? " (exact)" : "")
                        .append(" | ")
                        .append(f(p.get("corrected_t_p")))
                        .append(" |\n");
            }
            b.append(
                    "\nFolds share training rows: the t interval and the Wilcoxon p are optimistic; the corrected resampled "
                            + "t-test (Nadeau & Bengio 2003) allows for the overlap.\n");
        }
        Map<String, Object> time = (Map<String, Object>) s.get("time");
        if (time != null) {
            b.append("\n## Time\n\n");
            List<List<String>> rows = TimeSummary.table(time);
            for (int r = 0; r < rows.size(); r++) {
                b.append("| ").append(String.join(" | ", rows.get(r))).append(" |\n");
                if (r == 0) {
                    b.append("|---".repeat(rows.get(0).size())).append("|\n");
                }
            }
            b.append('\n').append(TimeSummary.footnote(time)).append('\n');
        }
        List<String> w = warnings();
        if (!w.isEmpty()) {
            b.append("\n## Warnings\n\n");
            w.forEach(x -> b.append("- ").append(x).append('\n'));
        }
        return b.toString();
    }

    private static String f(Object o) {
        if (!(o instanceof Number n) || Double.isNaN(n.doubleValue())) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.4f", n.doubleValue());
    }

    private static String f1(Object o) {
        if (!(o instanceof Number n) || Double.isNaN(n.doubleValue())) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.1f", n.doubleValue());
    }

    /** A double as written in CSV: Java's shortest round-trip form, NaN as "NaN". */
    static String num(Double d) {
        return d == null ? "" : Double.toString(d);
    }

    /**
     * {@link #num}, each distinct value converted once: arms that share a cell's work repeat its scores, and a path's
     * strengths repeat for every exported column, so the CSVs hold many equal numbers.
     */
    private String text(Double d) {
        // keyed by the bits times an odd constant (one-to-one): Long's hash of raw double bits collides often
        return d == null
                ? ""
                : texts.computeIfAbsent(Double.doubleToRawLongBits(d) * 0x9E3779B97F4A7C15L, b -> Double.toString(d));
    }

    /** Where a table's rows are printed: the CSV text, and the cells kept for the report. */
    interface RecordSink {
        void printRecord(Iterable<?> values) throws IOException;

        default void printRecord(Object... values) throws IOException {
            printRecord(Arrays.asList(values));
        }
    }

    interface Rows {
        void print(RecordSink p) throws IOException;
    }

    /** A CSV file's header and text and, when kept, its rows' cells as {@link CsvRows#read} reads them (else null). */
    record Table(List<String> header, String text, List<String[]> rows) {}

    static String csv(List<String> header, Rows rows) {
        return table(header, false, rows).text();
    }

    /**
     * The table's CSV text: each record printed as {@link CSVPrinter#printRecord} prints it ({@link CSVFormat#print} per
     * value, then {@link CSVFormat#println}), the same bytes without the printer's per-value lock and stream, which
     * were most of the time of a large file such as {@code path-columns.csv}.
     */
    static Table table(List<String> header, boolean keep, Rows rows) {
        StringBuilder w = new StringBuilder();
        List<String[]> kept = keep ? new ArrayList<>() : null;
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
        try {
            print(format, w, Arrays.asList((Object[]) CsvCells.header(header)));
            rows.print(values -> {
                print(format, w, values);
                if (kept != null) {
                    kept.add(CsvRows.cellsAsRead(values));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Table(header, w.toString(), kept);
    }

    private static void print(CSVFormat format, Appendable out, Iterable<?> values) throws IOException {
        boolean first = true;
        for (Object v : values) {
            format.print(v, out, first);
            first = false;
        }
        format.println(out);
    }

    /** The mean of {@code f} over the cells. */
    private static double mean(List<CellResult> cs, ToDoubleFunction<CellResult> f) {
        return Stats.of(cs.stream().mapToDouble(f).toArray()).mean();
    }
}
