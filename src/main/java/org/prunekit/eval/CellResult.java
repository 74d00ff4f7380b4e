package org.prunekit.eval;

import java.util.List;

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
 * @param features     the encoded feature names of the cell's training data, sorted (null in cells saved before
 *                     prunekit recorded them)
 */
public record CellResult(String arm, int repeat, int fold, String strengthName, int innerFolds, int chosen, String note,
                         int trainRows, int testRows, List<CandidateResult> candidates,
                         List<String> features) {

    public CellResult {
        candidates = List.copyOf(candidates);
        features = features == null ? null : List.copyOf(features);
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
