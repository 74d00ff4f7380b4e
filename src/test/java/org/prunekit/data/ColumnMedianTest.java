package org.prunekit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Column.Numeric#medianOf} is the median of the sorted values of the rows asked about, bit for bit. */
class ColumnMedianTest {

    /** The definition: sort the present values (Arrays.sort order), take the middle one or the mean of the two. */
    private static double sortedMedian(double[] column, int[] rows) {
        double[] v = Arrays.stream(rows)
                .mapToDouble(r -> column[r])
                .filter(d -> !Double.isNaN(d))
                .sorted()
                .toArray();
        if (v.length == 0) {
            return 0.0;
        }
        int k = v.length;
        return k % 2 == 1 ? v[k / 2] : (v[k / 2 - 1] + v[k / 2]) / 2;
    }

    @Test
    void equalsSortingTheSubsetsValues() {
        Random rnd = new Random(5);
        double[] pool = {-0.0, 0.0, 1.5, -2.25, Double.NaN, 3.0, Double.POSITIVE_INFINITY, -1e300, 7.0, 0.1};
        for (int trial = 0; trial < 2000; trial++) {
            int n = 1 + rnd.nextInt(30);
            // few distinct values (ties, signed zeros, missing) or arbitrary ones
            double[] column = rnd.nextBoolean()
                    ? rnd.ints(n, 0, pool.length).mapToDouble(i -> pool[i]).toArray()
                    : rnd.doubles(n).map(d -> d < 0.1 ? Double.NaN : d - 0.5).toArray();
            Column.Numeric c = new Column.Numeric("x", column);
            // a subset, a row listed twice (oversampled), or none
            int[] rows = rnd.ints(rnd.nextInt(2 * n + 1), 0, n).toArray();
            double expected = sortedMedian(column, rows);
            double actual = c.medianOf(rows);
            assertEquals(
                    Double.doubleToRawLongBits(expected),
                    Double.doubleToRawLongBits(actual),
                    Arrays.toString(column) + " rows " + Arrays.toString(rows) + ": " + expected + " vs " + actual);
        }
    }
}
