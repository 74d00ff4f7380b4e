package org.prunekit.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prunekit.spi.FullPath;
import org.prunekit.spi.PathTable;

/**
 * The result of one cell (arm × repeat × outer fold), or of an arm's refit on all data ({@code repeat = fold = -1}).
 * Written to {@code cells/<key>.json} as soon as the cell finishes.
 *
 * @param strengthName the path's strength name
 * @param innerFolds   folds the inner scores are over (1 for an inner holdout)
 * @param chosen       index of the chosen candidate
 * @param note         why the selection rule had to bend, or null
 * @param trainRows    outer training rows (0 for none)
 * @param testRows     outer test rows (0 for the refit)
 * @param featuresUsed the features the chosen candidate uses ({@link FeatureUsage#of}), sorted
 * @param pathColumns  the path's exported columns ({@link PathExport}), one value per candidate; empty if none
 * @param features     the encoded feature names of the cell's training data, sorted (null in cells saved before
 *                     prunekit recorded them)
 * @param phases       wall and CPU time of the cell by phase ({@link PhaseClock} names), in the order first used;
 *                     empty in cells saved before prunekit recorded them
 * @param fullPath     every step of the path when the candidates are only some of them ({@link FullPath}), else null
 */
public record CellResult(
        String arm,
        int repeat,
        int fold,
        String strengthName,
        int innerFolds,
        int chosen,
        String note,
        int trainRows,
        int testRows,
        List<CandidateResult> candidates,
        List<String> featuresUsed,
        Map<String, double[]> pathColumns,
        List<String> features,
        Map<String, PhaseTime> phases,
        PathTable fullPath) {

    /** A result without phase times. */
    public CellResult(
            String arm,
            int repeat,
            int fold,
            String strengthName,
            int innerFolds,
            int chosen,
            String note,
            int trainRows,
            int testRows,
            List<CandidateResult> candidates,
            List<String> featuresUsed,
            Map<String, double[]> pathColumns,
            List<String> features) {
        this(
                arm,
                repeat,
                fold,
                strengthName,
                innerFolds,
                chosen,
                note,
                trainRows,
                testRows,
                candidates,
                featuresUsed,
                pathColumns,
                features,
                null,
                null);
    }

    public CellResult {
        phases = phases == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(phases));
        candidates = List.copyOf(candidates);
        featuresUsed = featuresUsed == null ? List.of() : List.copyOf(featuresUsed);
        features = features == null ? null : List.copyOf(features);
        Map<String, double[]> cols = new LinkedHashMap<>();
        if (pathColumns != null) {
            for (var e : pathColumns.entrySet()) {
                if (e.getValue().length != candidates.size()) {
                    throw new IllegalArgumentException("path column " + e.getKey() + " has " + e.getValue().length
                            + " values for " + candidates.size() + " candidates");
                }
                cols.put(e.getKey(), e.getValue().clone());
            }
        }
        pathColumns = Collections.unmodifiableMap(cols);
    }

    /** A copy of one exported column (the map's arrays are not exposed). */
    @Override
    public Map<String, double[]> pathColumns() {
        Map<String, double[]> out = new LinkedHashMap<>();
        pathColumns.forEach((k, v) -> out.put(k, v.clone()));
        return Collections.unmodifiableMap(out);
    }

    public boolean refitOnAll() {
        return fold < 0;
    }

    public CandidateResult chosenCandidate() {
        return candidates.get(chosen);
    }

    /**
     * The features candidate {@code i} uses: those it declares, else every feature of the cell; null when neither is
     * known.
     */
    public List<String> featuresUsed(int i) {
        List<String> declared = candidates.get(i).featuresUsed();
        return declared != null ? declared : features;
    }

    /** File-name key: {@code <arm>-r<repeat>-f<fold>}, or {@code <arm>-refit}. */
    public static String key(String arm, int repeat, int fold) {
        return fold < 0 ? arm + "-refit" : arm + "-r" + repeat + "-f" + fold;
    }

    public String key() {
        return key(arm, repeat, fold);
    }
}
