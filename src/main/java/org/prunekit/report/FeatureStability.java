package org.prunekit.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.prunekit.eval.Stability;
import org.prunekit.protocol.CellResult;

/**
 * Stability of an arm's feature subsets across its outer cells (folds and repeats), from the features each
 * candidate declares ({@link FeatureUsage}, recorded in {@link CandidateResult#featuresUsed()}): for the chosen
 * candidates, and for each candidate position when every cell has the same path length (e.g. the top-k grid of
 * {@code feature-select}, where candidate i keeps k_i features in every fold). Indices as in {@link Stability}.
 * Arms whose models do not declare their features (they use them all) have no rows.
 */
public final class FeatureStability {

    /** Candidate index of the row about the chosen candidates. */
    public static final int CHOSEN = -1;

    /**
     * One stability figure.
     *
     * @param candidate     candidate position, or {@link #CHOSEN}
     * @param strength      mean strength of that candidate over cells (NaN for the chosen ones)
     * @param subsets       cells (feature subsets) compared
     * @param totalFeatures encoded features available (union over cells), the n of Kuncheva's index
     * @param featuresMean  mean subset size
     * @param featuresSd    sample sd of the subset size (NaN for one subset)
     */
    public record Row(
            String arm,
            int candidate,
            double strength,
            int subsets,
            int totalFeatures,
            double featuresMean,
            double featuresSd,
            double kuncheva,
            double jaccard) {}

    private FeatureStability() {}

    /** Rows for one arm's outer cells (refits are ignored): chosen first, then per candidate position. */
    public static List<Row> rows(String arm, List<CellResult> cells) {
        List<CellResult> outer = outer(cells);
        List<Row> out = new ArrayList<>();
        if (outer.isEmpty() || outer.stream().anyMatch(c -> c.chosenCandidate().featuresUsed() == null)) {
            return out;
        }
        int n = totalFeatures(outer);
        out.add(row(
                arm,
                CHOSEN,
                Double.NaN,
                outer.stream().map(c -> set(c.chosenCandidate().featuresUsed())).toList(),
                n));
        int length = outer.get(0).candidates().size();
        boolean aligned = outer.stream()
                .allMatch(c -> c.candidates().size() == length
                        && c.candidates().stream().allMatch(k -> k.featuresUsed() != null));
        if (aligned) {
            for (int i = 0; i < length; i++) {
                int ii = i;
                double strength = outer.stream()
                        .mapToDouble(c -> c.candidates().get(ii).strength())
                        .average()
                        .orElse(Double.NaN);
                out.add(row(
                        arm,
                        i,
                        strength,
                        outer.stream()
                                .map(c -> set(c.candidates().get(ii).featuresUsed()))
                                .toList(),
                        n));
            }
        }
        return out;
    }

    /**
     * Selection frequency of each feature among the chosen candidates of the outer cells, most frequent first (ties by
     * name); empty when the arm's models do not declare their features.
     */
    public static Map<String, Double> chosenFrequency(List<CellResult> cells) {
        List<CellResult> outer = outer(cells);
        if (outer.isEmpty() || outer.stream().anyMatch(c -> c.chosenCandidate().featuresUsed() == null)) {
            return Map.of();
        }
        Map<String, Double> f = Stability.selectionFrequency(
                outer.stream().map(c -> set(c.chosenCandidate().featuresUsed())).toList());
        Map<String, Double> out = new LinkedHashMap<>();
        f.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static Row row(String arm, int candidate, double strength, List<Set<String>> subsets, int n) {
        double[] sizes = subsets.stream().mapToDouble(Set::size).toArray();
        double mean = Arrays.stream(sizes).average().orElse(Double.NaN);
        double ss = 0;
        for (double s : sizes) {
            ss += (s - mean) * (s - mean);
        }
        double sd = sizes.length > 1 ? Math.sqrt(ss / (sizes.length - 1)) : Double.NaN;
        return new Row(
                arm,
                candidate,
                strength,
                subsets.size(),
                n,
                mean,
                sd,
                Stability.kuncheva(subsets, n),
                Stability.jaccard(subsets));
    }

    private static int totalFeatures(List<CellResult> outer) {
        Set<String> all = new TreeSet<>();
        for (CellResult c : outer) {
            if (c.features() != null) {
                all.addAll(c.features());
            }
            c.candidates().forEach(k -> {
                if (k.featuresUsed() != null) {
                    all.addAll(k.featuresUsed());
                }
            });
        }
        return all.size();
    }

    private static List<CellResult> outer(List<CellResult> cells) {
        return cells.stream().filter(c -> !c.refitOnAll()).toList();
    }

    private static Set<String> set(List<String> names) {
        return new TreeSet<>(names);
    }
}
