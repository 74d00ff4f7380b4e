package org.prunekit.data;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fitted encoding of raw columns into a dense feature vector (see {@link TableEncoder} for how it is fitted):
 * one {@link ColumnEncoding} per feature column, in file order, and the encoded feature names by index. Immutable;
 * the same object encodes training rows and, saved in a model bundle, the rows given to {@code predict}.
 *
 * @param columns  the feature columns, in training-file order
 * @param features encoded feature names, by feature index
 */
public record Encoding(List<ColumnEncoding> columns, List<String> features) {

    public Encoding {
        columns = List.copyOf(columns);
        features = List.copyOf(features);
        boolean[] written = new boolean[features.size()];
        for (ColumnEncoding c : columns) {
            int n = c.type() == ColumnType.NUMERIC ? 1 : c.levels().size();
            for (int j = c.feature(); j < c.feature() + n; j++) {
                claim(written, j, c.name());
            }
            if (c.indicator() >= 0) {
                claim(written, c.indicator(), c.name());
            }
        }
        for (int j = 0; j < written.length; j++) {
            if (!written[j]) {
                throw new IllegalArgumentException("no column writes feature " + j + " ('" + features.get(j) + "')");
            }
        }
        Set<String> seen = new HashSet<>();
        for (String f : features) {
            if (!seen.add(f)) {
                throw new IllegalArgumentException("two encoded features are both named '" + f + "'");
            }
        }
    }

    private static void claim(boolean[] written, int j, String column) {
        if (j < 0 || j >= written.length) {
            throw new IllegalArgumentException("column '" + column + "' writes feature " + j + " of " + written.length);
        }
        if (written[j]) {
            throw new IllegalArgumentException("feature " + j + " is written twice (column '" + column + "')");
        }
        written[j] = true;
    }

    /** Number of encoded features. */
    public int width() {
        return features.size();
    }

    /** An encoder of rows of {@code cols}, which must hold this encoding's columns in its order. */
    public RowEncoder over(List<Column> cols) {
        return new RowEncoder(this, cols);
    }

    /** Encodes rows of columns laid out as {@link Encoding#columns()}. */
    public static final class RowEncoder {
        private final Encoding encoding;
        private final List<Column> cols;
        /** Per categorical column, per level code of the column ({@link Column.Categorical#codes}): the level's
         * one-hot offset in this encoding, -1 when the encoding has no such level; null for a numeric column. */
        private final int[][] offsetOfCode;
        /** Per categorical column, the one-hot offset of its imputed level (the mode), -1 for none. */
        private final int[] modeOffset;

        RowEncoder(Encoding encoding, List<Column> cols) {
            if (cols.size() != encoding.columns.size()) {
                throw new IllegalArgumentException(
                        cols.size() + " columns for an encoding of " + encoding.columns.size());
            }
            offsetOfCode = new int[cols.size()][];
            modeOffset = new int[cols.size()];
            for (int c = 0; c < cols.size(); c++) {
                ColumnEncoding e = encoding.columns.get(c);
                boolean numeric = cols.get(c) instanceof Column.Numeric;
                if (!cols.get(c).name().equals(e.name()) || numeric != (e.type() == ColumnType.NUMERIC)) {
                    throw new IllegalArgumentException("column " + c + " is '"
                            + cols.get(c).name() + "' but the encoding expects " + e.type() + " '" + e.name() + "'");
                }
                if (cols.get(c) instanceof Column.Categorical k) {
                    Map<String, Integer> index = e.levelIndex();
                    String[] levels = k.codes().levels();
                    offsetOfCode[c] = new int[levels.length];
                    for (int v = 0; v < levels.length; v++) {
                        offsetOfCode[c][v] = index.getOrDefault(levels[v], -1);
                    }
                    modeOffset[c] = e.mode() == null ? -1 : index.getOrDefault(e.mode(), -1);
                }
            }
            this.encoding = encoding;
            this.cols = List.copyOf(cols);
        }

        /**
         * The feature vector of row {@code r}: a numeric value, or its imputation value when missing; a 1 at the
         * level's one-hot feature (the mode's when missing; none for an unseen level); 1 at the indicator when
         * missing.
         */
        public double[] row(int r) {
            return rows(new int[] {r}, null)[0];
        }

        /**
         * {@link #row(int) Rows} {@code rowIndices}, feature {@code j} of each at index {@code position[j]}: column by
         * column, so each column's type is looked at once, not once per row.
         */
        public double[][] rows(int[] rowIndices, int[] position) {
            return rows(rowIndices, position, null);
        }

        /** As {@link #rows(int[], int[])}, each feature's non-zero values also appended to {@code nonZero} (if given). */
        double[][] rows(int[] rowIndices, int[] position, NonZeroColumns nonZero) {
            double[][] out = new double[rowIndices.length][encoding.width()];
            for (int c = 0; c < cols.size(); c++) {
                ColumnEncoding e = encoding.columns.get(c);
                Column col = cols.get(c);
                if (col instanceof Column.Numeric n) {
                    int at = at(position, e.feature());
                    double impute = e.impute();
                    for (int k = 0; k < rowIndices.length; k++) {
                        double v = n.get(rowIndices[k]);
                        double x = Double.isNaN(v) ? impute : v;
                        out[k][at] = x;
                        if (nonZero != null && x != 0.0) {
                            nonZero.add(at, x);
                        }
                    }
                } else if (col instanceof Column.Categorical cat) {
                    int[] code = cat.codes().code();
                    int[] offset = offsetOfCode[c];
                    for (int k = 0; k < rowIndices.length; k++) {
                        int v = code[rowIndices[k]];
                        int level = v < 0 ? modeOffset[c] : offset[v];
                        if (level >= 0) {
                            int p = at(position, e.feature() + level);
                            out[k][p] = 1.0;
                            if (nonZero != null) {
                                nonZero.add(p, 1.0);
                            }
                        }
                    }
                }
                if (e.indicator() >= 0) {
                    int at = at(position, e.indicator());
                    for (int k = 0; k < rowIndices.length; k++) {
                        boolean missing = col.isMissing(rowIndices[k]);
                        out[k][at] = missing ? 1.0 : 0.0;
                        if (nonZero != null && missing) {
                            nonZero.add(at, 1.0);
                        }
                    }
                }
            }
            return out;
        }

        private static int at(int[] position, int feature) {
            return position == null ? feature : position[feature];
        }
    }
}
