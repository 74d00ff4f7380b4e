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
 * the seed and k: the same on every machine ({@link Random} is a specified linear congruential generator). A class
 * with fewer rows than folds is spread one row per fold; see {@link #warnings(int[], List, int)}.
 */
public final class StratifiedSplits {

    private StratifiedSplits() {}

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
                out.add(Fold.partition(foldOf, f, r, f));
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
        return Fold.partition(foldOf, 0, 0, 0);
    }

    /**
     * Stratified (repeated) k-fold within a subset of a table's rows, e.g. inner folds within an outer training part.
     * The folds hold table row numbers.
     *
     * @param y    class index of every table row
     * @param rows the table rows to split
     */
    public static List<Fold> kFold(int[] y, int[] rows, int folds, int repeats, long seed) {
        List<Fold> local = kFold(subset(y, rows), folds, repeats, seed);
        List<Fold> out = new ArrayList<>(local.size());
        for (Fold f : local) {
            out.add(mapBack(f, rows));
        }
        return out;
    }

    /** Stratified holdout within a subset of a table's rows; the fold holds table row numbers. */
    public static Fold holdout(int[] y, int[] rows, double testFraction, long seed) {
        return mapBack(holdout(subset(y, rows), testFraction, seed), rows);
    }

    /**
     * Warnings for a stratified k-fold: one per class with fewer rows than folds. Such a class is dealt one row per
     * fold, so some test folds hold none of it, and a class with a single row is absent from the training part of
     * the fold that tests it. Library code returns these; the caller decides where to print them.
     *
     * @param y       class index per row
     * @param classes class names by index (for the messages)
     */
    public static List<String> warnings(int[] y, List<String> classes, int folds) {
        int[] counts = new int[classes.size()];
        for (int c : y) {
            counts[c]++;
        }
        List<String> out = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0 && counts[c] < folds) {
                out.add(String.format(
                        "class '%s' has %d row%s, fewer than the %d folds: %d test fold%s hold%s none " + "of it%s",
                        classes.get(c),
                        counts[c],
                        counts[c] == 1 ? "" : "s",
                        folds,
                        folds - counts[c],
                        folds - counts[c] == 1 ? "" : "s",
                        folds - counts[c] == 1 ? "s" : "",
                        counts[c] == 1 ? ", and the fold that tests its only row has none of it to train on" : ""));
            }
        }
        return out;
    }

    /** Warnings for a stratified k-fold within a subset of rows, see {@link #warnings(int[], List, int)}. */
    public static List<String> warnings(int[] y, int[] rows, List<String> classes, int folds) {
        return warnings(subset(y, rows), classes, folds);
    }

    private static int[] subset(int[] y, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = y[rows[i]];
        }
        return out;
    }

    private static Fold mapBack(Fold f, int[] rows) {
        int[] train = f.train();
        int[] test = f.test();
        for (int i = 0; i < train.length; i++) {
            train[i] = rows[train[i]];
        }
        for (int i = 0; i < test.length; i++) {
            test[i] = rows[test[i]];
        }
        Arrays.sort(train);
        Arrays.sort(test);
        return new Fold(f.repeat(), f.index(), train, test);
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
}
