package org.prunekit.data;

/** One column of a {@link Table}: numeric (missing = NaN) or categorical (missing = null). */
public sealed interface Column permits Column.Numeric, Column.Categorical {

    String name();

    int size();

    boolean isMissing(int row);

    /** A numeric column; a missing value is {@code NaN}. */
    record Numeric(String name, double[] values) implements Column {
        public Numeric {
            values = values.clone();
        }

        public double get(int row) {
            return values[row];
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public boolean isMissing(int row) {
            return Double.isNaN(values[row]);
        }

        /** A copy of the values. */
        @Override
        public double[] values() {
            return values.clone();
        }
    }

    /** A categorical column; a missing value is {@code null}. */
    record Categorical(String name, String[] values) implements Column {
        public Categorical {
            values = values.clone();
        }

        public String get(int row) {
            return values[row];
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public boolean isMissing(int row) {
            return values[row] == null;
        }

        /** A copy of the values. */
        @Override
        public String[] values() {
            return values.clone();
        }
    }
}
