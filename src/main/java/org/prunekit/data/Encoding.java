package org.prunekit.data;

import java.util.ArrayList;
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
        private final List<Map<String, Integer>> levelIndex = new ArrayList<>();

        RowEncoder(Encoding encoding, List<Column> cols) {
            if (cols.size() != encoding.columns.size()) {
                throw new IllegalArgumentException(
                        cols.size() + " columns for an encoding of " + encoding.columns.size());
            }
            for (int c = 0; c < cols.size(); c++) {
                ColumnEncoding e = encoding.columns.get(c);
                boolean numeric = cols.get(c) instanceof Column.Numeric;
                if (!cols.get(c).name().equals(e.name()) || numeric != (e.type() == ColumnType.NUMERIC)) {
                    throw new IllegalArgumentException("column " + c + " is '"
                            + cols.get(c).name() + "' but the encoding expects " + e.type() + " '" + e.name() + "'");
                }
                levelIndex.add(e.levelIndex());
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
            double[] x = new double[encoding.width()];
            for (int c = 0; c < cols.size(); c++) {
                ColumnEncoding e = encoding.columns.get(c);
                Column col = cols.get(c);
                boolean missing = col.isMissing(r);
                if (col instanceof Column.Numeric n) {
                    x[e.feature()] = missing ? e.impute() : n.get(r);
                } else if (col instanceof Column.Categorical k) {
                    String v = missing ? e.mode() : k.get(r);
                    Integer at = v == null ? null : levelIndex.get(c).get(v);
                    if (at != null) {
                        x[e.feature() + at] = 1.0;
                    }
                }
                if (e.indicator() >= 0) {
                    x[e.indicator()] = missing ? 1.0 : 0.0;
                }
            }
            return x;
        }
    }
}
