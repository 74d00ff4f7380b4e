package org.prunekit.data;

import java.util.List;

/**
 * One train/test partition of a table's rows.
 *
 * @param repeat 0-based repeat of a repeated k-fold (0 for a holdout)
 * @param index  0-based fold within the repeat
 * @param train  0-based rows used for fitting, sorted
 * @param test   0-based rows held out, sorted
 */
public record Fold(int repeat, int index, int[] train, int[] test) {
    public Fold {
        train = train.clone();
        test = test.clone();
    }

    /**
     * Stratified inner k-fold within this fold's training rows; the inner folds hold table row numbers.
     *
     * @param y class index of every table row
     */
    public List<Fold> innerKFold(int[] y, int folds, long seed) {
        return StratifiedSplits.kFold(y, train, folds, 1, seed);
    }

    /** Stratified inner holdout within this fold's training rows; holds table row numbers. */
    public Fold innerHoldout(int[] y, double testFraction, long seed) {
        return StratifiedSplits.holdout(y, train, testFraction, seed);
    }

    /**
     * The fold whose test rows are the rows {@code r} with {@code foldOf[r] == testFold} and whose training rows are
     * all others, both in row order.
     */
    static Fold partition(int[] foldOf, int testFold, int repeat, int index) {
        int nTest = 0;
        for (int f : foldOf) {
            if (f == testFold) {
                nTest++;
            }
        }
        int[] train = new int[foldOf.length - nTest];
        int[] test = new int[nTest];
        int a = 0;
        int b = 0;
        for (int i = 0; i < foldOf.length; i++) {
            if (foldOf[i] == testFold) {
                test[b++] = i;
            } else {
                train[a++] = i;
            }
        }
        return new Fold(repeat, index, train, test);
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }
}
