package org.prunekit.config;

import java.nio.file.Path;

/**
 * {@code split:} block: the outer evaluation split, the inner selection split and the seed everything derives from.
 */
public record SplitSpec(Part outer, Part inner, long seed) {

    /** Split kinds. */
    public static final String KFOLD = "stratified-kfold";

    public static final String HOLDOUT = "holdout";
    public static final String FOLD_FILE = "fold-file";

    /**
     * One level of the protocol.
     *
     * @param kind         {@code stratified-kfold}, {@code holdout} or (outer only) {@code fold-file}
     * @param folds        k for k-fold (1 for a holdout; from the file for fold-file)
     * @param repeats      repeats of the k-fold or holdout (outer only; 1 for inner)
     * @param testFraction held-out fraction of a holdout (NaN otherwise)
     * @param file         the fold file ({@code row,repeat,fold}), or null
     */
    public record Part(String kind, int folds, int repeats, double testFraction, Path file) {}
}
