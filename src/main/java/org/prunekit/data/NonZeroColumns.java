package org.prunekit.data;

import java.util.Arrays;

/**
 * Each feature's non-zero values, in row order: what Tribuo's feature statistics observe ({@link EncodedDataset}).
 * Filled while rows are encoded ({@link Encoding.RowEncoder#rows(int[], int[], NonZeroColumns)}, which writes each
 * feature's values row after row), or from finished rows ({@link #of}).
 */
final class NonZeroColumns {

    private final double[][] values;
    private final int[] count;
    private final int rows;

    NonZeroColumns(int features, int rows) {
        this.values = new double[features][];
        this.count = new int[features];
        this.rows = rows;
    }

    /** The non-zero values of {@code rows} ({@code features} values each), feature by feature. */
    static NonZeroColumns of(double[][] rows, int features) {
        NonZeroColumns c = new NonZeroColumns(features, rows.length);
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                if (row[j] != 0.0) {
                    c.add(j, row[j]);
                }
            }
        }
        return c;
    }

    /** Appends non-zero {@code v} to feature {@code j}'s values (the next row's). */
    void add(int j, double v) {
        double[] col = values[j];
        int n = count[j];
        if (col == null) {
            col = values[j] = new double[Math.max(16, rows >>> 4)];
        } else if (n == col.length) {
            col = values[j] = Arrays.copyOf(col, Math.min(rows, n * 2));
        }
        col[n] = v;
        count[j] = n + 1;
    }

    /** Feature {@code j}'s values ({@link #count} of them; null when none). */
    double[] values(int j) {
        return values[j];
    }

    int count(int j) {
        return count[j];
    }
}
