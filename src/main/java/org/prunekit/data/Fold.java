package org.prunekit.data;

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

    @Override public int[] train() {
        return train.clone();
    }

    @Override public int[] test() {
        return test.clone();
    }
}
