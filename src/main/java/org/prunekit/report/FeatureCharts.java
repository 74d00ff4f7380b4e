package org.prunekit.report;

import static org.prunekit.report.ResultsLayout.ARM;
import static org.prunekit.report.ResultsLayout.CANDIDATE;
import static org.prunekit.report.ResultsLayout.COLUMN;
import static org.prunekit.report.ResultsLayout.FEATURES_USED;
import static org.prunekit.report.ResultsLayout.FOLD;
import static org.prunekit.report.ResultsLayout.REPEAT;
import static org.prunekit.report.ResultsLayout.STRENGTH;
import static org.prunekit.report.ResultsLayout.VALUE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.prunekit.report.CsvRows.Row;
import org.prunekit.report.chart.Curve;
import org.prunekit.report.chart.CurvesChart;
import org.prunekit.report.chart.FrequencyHeatMap;
import org.prunekit.report.chart.L1PathChart;

/** Charts about features, from the optional feature columns and files of a results folder. */
final class FeatureCharts {

    /** Most features shown in the heat map (the most often selected ones). */
    static final int MAX_FEATURES = 30;

    private FeatureCharts() {}

    /**
     * Selection frequency across outer folds of each feature for each arm, from {@code selected.csv}'s
     * {@code features_used}. Arms that use every feature in every fold (nothing selected) are left out, and so are
     * features no remaining arm uses.
     */
    static Optional<FrequencyHeatMap.Data> selectionFrequency(CsvRows selected) {
        if (!selected.has(FEATURES_USED)) {
            return Optional.empty();
        }
        Map<String, List<Set<String>>> setsByArm = new LinkedHashMap<>();
        Set<String> everything = new TreeSet<>();
        for (Row r : selected.rows()) {
            Set<String> used = Arrays.stream(r.text(FEATURES_USED).split(ResultsLayout.FEATURE_SEPARATOR))
                    .map(String::strip)
                    .filter(f -> !f.isEmpty())
                    .collect(Collectors.toCollection(TreeSet::new));
            setsByArm.computeIfAbsent(r.text(ARM), k -> new ArrayList<>()).add(used);
            everything.addAll(used);
        }
        setsByArm.values().removeIf(sets -> sets.stream().allMatch(s -> s.equals(everything)));
        Set<String> all = new TreeSet<>();
        setsByArm.values().forEach(sets -> sets.forEach(all::addAll));
        if (setsByArm.isEmpty() || all.isEmpty()) {
            return Optional.empty();
        }
        Map<String, double[]> freq = new TreeMap<>();
        List<String> arms = new ArrayList<>(setsByArm.keySet());
        for (String f : all) {
            double[] row = new double[arms.size()];
            for (int a = 0; a < arms.size(); a++) {
                List<Set<String>> sets = setsByArm.get(arms.get(a));
                row[a] = sets.stream().filter(s -> s.contains(f)).count() / (double) sets.size();
            }
            freq.put(f, row);
        }
        List<String> features = freq.keySet().stream()
                .sorted(Comparator.comparingDouble(
                                (String f) -> -Arrays.stream(freq.get(f)).sum())
                        .thenComparing(Comparator.naturalOrder()))
                .limit(MAX_FEATURES)
                .toList();
        double[][] values = features.stream().map(freq::get).toArray(double[][]::new);
        return Optional.of(new FrequencyHeatMap.Data("fs-frequency", features, arms, values));
    }

    /**
     * Coefficient paths of the arms {@code isL1} accepts, from {@code path-columns.csv} (one column per feature,
     * exported by the path): the refit on all data when present, else the first outer fold. Arms with the same path
     * (arms that share their fits and differ in how they choose) share one chart.
     */
    static List<L1PathChart.Data> coefficientPaths(Map<String, List<Row>> columns, Predicate<String> isL1) {
        List<L1PathChart.Data> charts = new ArrayList<>();
        byArm(columns, isL1).forEach(p -> {
            L1PathChart.Data d = new L1PathChart.Data(p.arm(), p.strength(), p.names(), p.values());
            for (int i = 0; i < charts.size(); i++) {
                if (charts.get(i).samePath(d)) {
                    charts.set(i, charts.get(i).withArm(p.arm()));
                    return;
                }
            }
            charts.add(d);
        });
        return charts;
    }

    /**
     * Any other path's exported columns against its strength, one line per column (the refit on all data when
     * present, else the first outer fold).
     */
    static List<CurvesChart.Data> exportedColumns(
            Map<String, List<Row>> columns, Predicate<String> arms, Function<String, String> strengthName) {
        return byArm(columns, arms)
                .map(p -> {
                    List<Curve> curves = new ArrayList<>();
                    for (int j = 0; j < p.names().size(); j++) {
                        curves.add(Curve.of(p.names().get(j), p.strength(), p.values()[j]));
                    }
                    String x = strengthName.apply(p.arm());
                    return new CurvesChart.Data(
                            "path-" + p.arm(),
                            "Exported path columns (" + p.arm() + ")",
                            x,
                            "value",
                            false,
                            false,
                            curves,
                            "Arm " + p.arm() + ": the columns its pruning path exports, against " + x + ".");
                })
                .toList();
    }

    /** One arm's exported columns: {@code values[j][i]} of column j at candidate i (absent rows are 0). */
    private record ArmColumns(String arm, double[] strength, List<String> names, double[][] values) {}

    /** The rows of {@code path-columns.csv} by arm, in the file's order (what the two charts above take). */
    static Map<String, List<Row>> rowsByArm(CsvRows columns) {
        columns.require(ARM, REPEAT, FOLD, CANDIDATE, STRENGTH, COLUMN, VALUE);
        Map<String, List<Row>> byArm = new LinkedHashMap<>();
        for (Row r : columns.rows()) {
            byArm.computeIfAbsent(r.text(ARM), k -> new ArrayList<>()).add(r);
        }
        return byArm;
    }

    private static Stream<ArmColumns> byArm(Map<String, List<Row>> columns, Predicate<String> arms) {
        return columns.entrySet().stream().filter(e -> arms.test(e.getKey())).map(e -> {
            TreeMap<Integer, Double> strength = new TreeMap<>();
            Map<String, Map<Integer, Double>> byName = new LinkedHashMap<>();
            for (Row r : ResultsReader.preferredCell(e.getValue())) {
                int c = (int) r.num(CANDIDATE);
                strength.put(c, r.num(STRENGTH));
                byName.computeIfAbsent(r.text(COLUMN), k -> new TreeMap<>()).put(c, r.num(VALUE));
            }
            List<Integer> candidates = new ArrayList<>(strength.keySet());
            List<String> names = new ArrayList<>(byName.keySet());
            double[][] values = new double[names.size()][];
            for (int j = 0; j < values.length; j++) {
                Map<Integer, Double> m = byName.get(names.get(j));
                values[j] = candidates.stream()
                        .mapToDouble(c -> m.getOrDefault(c, 0.0))
                        .toArray();
            }
            return new ArmColumns(
                    e.getKey(), candidates.stream().mapToDouble(strength::get).toArray(), names, values);
        });
    }
}
