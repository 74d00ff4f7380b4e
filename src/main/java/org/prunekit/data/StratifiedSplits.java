package org.prunekit.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Stratified (repeated) k-fold and holdout splits with a seed.
 *
 * <p>Each class's rows are shuffled with {@code new Random(seed + repeat)} and then dealt, one class after another, to
 * folds in turn (row {@code i} of the concatenation goes to fold {@code i mod k}). Every fold therefore holds each
 * class's count to within one example, and fold sizes differ by at most one. The result depends only on the labels,
 * the seed and k: the same on every machine.
 */
public final class StratifiedSplits {

    private StratifiedSplits() {
    }

    /**
     * Repeated stratified k-fold.
     *
     * @param y       class index per row
     * @param folds   k, at least 2
     * @param repeats number of repeats, at least 1
     */
    public static List<Fold> kFold(int[] y, int folds, int repeats, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be >= 2 but was " + folds);
        }
        if (folds > y.length) {
            throw new IllegalArgumentException("folds (" + folds + ") exceed the number of rows (" + y.length + ")");
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1 but was " + repeats);
        }
        List<Fold> out = new ArrayList<>(folds * repeats);
        for (int r = 0; r < repeats; r++) {
            int[] foldOf = assign(y, folds, new Random(seed + 7919L * r));
            for (int f = 0; f < folds; f++) {
                out.add(partition(foldOf, f, r, f));
            }
        }
        return out;
    }

    /** Stratified holdout: about {@code testFraction} of each class goes to the test part. */
    public static Fold holdout(int[] y, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in (0, 1) but was " + testFraction);
        }
        Random rng = new Random(seed);
        boolean[] test = new boolean[y.length];
        for (int[] rows : rowsByClass(y)) {
            shuffle(rows, rng);
            long nTest = Math.round(rows.length * testFraction);
            if (rows.length >= 2) {
                nTest = Math.max(1, Math.min(rows.length - 1, nTest));
            }
            for (int i = 0; i < nTest; i++) {
                test[rows[i]] = true;
            }
        }
        int[] foldOf = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            foldOf[i] = test[i] ? 0 : 1;
        }
        return partition(foldOf, 0, 0, 0);
    }

    /** Fold number (0..k-1) per row. */
    static int[] assign(int[] y, int folds, Random rng) {
        int[] foldOf = new int[y.length];
        int i = 0;
        for (int[] rows : rowsByClass(y)) {
            shuffle(rows, rng);
            for (int row : rows) {
                foldOf[row] = i++ % folds;
            }
        }
        return foldOf;
    }

    static List<int[]> rowsByClass(int[] y) {
        int k = Arrays.stream(y).max().orElse(-1) + 1;
        int[] counts = new int[k];
        for (int c : y) {
            counts[c]++;
        }
        List<int[]> out = new ArrayList<>(k);
        int[] fill = new int[k];
        for (int c = 0; c < k; c++) {
            out.add(new int[counts[c]]);
        }
        for (int i = 0; i < y.length; i++) {
            out.get(y[i])[fill[y[i]]++] = i;
        }
        return out;
    }

    private static void shuffle(int[] a, Random rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static Fold partition(int[] foldOf, int testFold, int repeat, int index) {
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
}
