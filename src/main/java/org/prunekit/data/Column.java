package org.prunekit.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** One column of a {@link Table}: numeric (missing = NaN) or categorical (missing = null). */
public sealed interface Column permits Column.Numeric, Column.Categorical {

    String name();

    int size();

    boolean isMissing(int row);

    /**
     * A numeric column; a missing value is {@code NaN}. Immutable; {@link #medianOf} sorts the column once (on first
     * use) instead of every row subset it is asked about.
     */
    final class Numeric implements Column {
        private final String name;
        private final double[] values;
        private volatile Ranks ranks; // made on first use

        /** The non-missing values in {@code Arrays.sort} order, and each row's position among them (-1: missing). */
        private record Ranks(double[] sorted, int[] rank) {}

        public Numeric(String name, double[] values) {
            this.name = name;
            this.values = values.clone();
        }

        @Override
        public String name() {
            return name;
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
        public double[] values() {
            return values.clone();
        }

        /**
         * The median of the non-missing values at {@code rows} (a row listed twice counts twice): the middle value in
         * {@code Arrays.sort} order, or the mean of the two middle ones; 0 when none is present. Exactly what sorting
         * those values gives, in O(column length) after the column's one sort.
         */
        public double medianOf(int[] rows) {
            Ranks rk = ranks();
            int[] times = new int[rk.sorted().length];
            int k = 0;
            for (int r : rows) {
                int at = rk.rank()[r];
                if (at >= 0) {
                    times[at]++;
                    k++;
                }
            }
            if (k == 0) {
                return 0.0;
            }
            // positions k/2 - 1 and k/2 of the sorted multiset (one position when k is odd); rows with equal values
            // may hold different positions among them, which changes no value read here
            int lo = k % 2 == 1 ? k / 2 : k / 2 - 1;
            int hi = k / 2;
            double low = Double.NaN;
            int seen = 0;
            for (int at = 0; ; at++) {
                seen += times[at];
                if (seen > lo && Double.isNaN(low)) {
                    low = rk.sorted()[at];
                }
                if (seen > hi) {
                    return lo == hi ? rk.sorted()[at] : (low + rk.sorted()[at]) / 2;
                }
            }
        }

        private Ranks ranks() {
            Ranks rk = ranks;
            if (rk == null) {
                double[] sorted = Arrays.stream(values)
                        .filter(v -> !Double.isNaN(v))
                        .sorted()
                        .toArray();
                int[] rank = new int[values.length];
                for (int r = 0; r < rank.length; r++) {
                    rank[r] = Double.isNaN(values[r]) ? -1 : Arrays.binarySearch(sorted, values[r]);
                }
                rk = new Ranks(sorted, rank);
                ranks = rk; // two threads may both build it: equal results, either is kept
            }
            return rk;
        }

        @Override
        public String toString() {
            return "Numeric[name=" + name + ", rows=" + values.length + "]";
        }
    }

    /**
     * A categorical column; a missing value is {@code null}. Immutable; {@link #codes} numbers its levels once (on
     * first use) for the encoders that read every row of it many times.
     */
    final class Categorical implements Column {
        private final String name;
        private final String[] values;
        private volatile Codes codes; // made on first use

        /**
         * The column's distinct levels and each row's index among them.
         *
         * @param levels the distinct non-missing values, in order of first appearance
         * @param code   per row, the index of its value in {@code levels}; -1 when missing
         */
        public record Codes(String[] levels, int[] code) {}

        public Categorical(String name, String[] values) {
            this.name = name;
            this.values = values.clone();
        }

        @Override
        public String name() {
            return name;
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
        public String[] values() {
            return values.clone();
        }

        /** The levels and per-row level indices (shared: do not modify the arrays). */
        public Codes codes() {
            Codes c = codes;
            if (c == null) {
                Map<String, Integer> index = new HashMap<>();
                int[] code = new int[values.length];
                for (int r = 0; r < values.length; r++) {
                    code[r] = values[r] == null ? -1 : index.computeIfAbsent(values[r], v -> index.size());
                }
                String[] levels = new String[index.size()];
                index.forEach((v, i) -> levels[i] = v);
                c = new Codes(levels, code);
                codes = c; // two threads may both build it: equal results, either is kept
            }
            return c;
        }

        @Override
        public String toString() {
            return "Categorical[name=" + name + ", rows=" + values.length + "]";
        }
    }
}
