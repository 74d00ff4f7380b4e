package org.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link VariableInfoAccess#observed} leaves what Tribuo's {@link MutableFeatureMap#add}, value by value, leaves:
 * same class, same statistics, same map iteration order and serialized bytes.
 */
class VariableInfoAccessTest {

    private static VariableInfo tribuo(String name, double[] values) {
        MutableFeatureMap m = new MutableFeatureMap();
        for (double v : values) {
            m.add(name, v);
        }
        return m.get(name);
    }

    private static void assertSameInfo(double[] values, String what) {
        VariableInfo expected = tribuo("f", values);
        VariableInfo actual = VariableInfoAccess.observed("f", values, values.length);
        if (expected == null) { // no values: Tribuo has no entry yet, ours is the empty one a zero would make
            assertEquals(0, actual.getCount(), what);
            return;
        }
        assertEquals(expected.getClass(), actual.getClass(), what);
        assertEquals(expected, actual, what);
        assertEquals(expected.serialize(), actual.serialize(), what + ": serialized");
        if (expected instanceof CategoricalInfo e && e.valueCounts != null) {
            CategoricalInfo a = (CategoricalInfo) actual;
            assertEquals(new ArrayList<>(e.valueCounts.keySet()), new ArrayList<>(a.valueCounts.keySet()), what);
        }
        if (expected instanceof RealInfo e) { // bit for bit: the same additions in the same order
            RealInfo a = (RealInfo) actual;
            assertEquals(Double.doubleToRawLongBits(e.getMean()), Double.doubleToRawLongBits(a.getMean()), what);
            assertEquals(Double.doubleToRawLongBits(e.sumSquares), Double.doubleToRawLongBits(a.sumSquares), what);
        }
    }

    @Test
    void sameAsTribuoOnRandomSequences() {
        Random rnd = new Random(7);
        int[] pools = {1, 2, 3, 4, 5, 6, 7, 11, 12, 13, 24, 25, 48, 49, 50, 51, 52, 80, 500};
        int real = 0;
        int categorical = 0;
        for (int trial = 0; trial < 4000; trial++) {
            int pool = pools[rnd.nextInt(pools.length)];
            double[] levels = new double[pool];
            for (int i = 0; i < pool; i++) {
                levels[i] =
                        switch (rnd.nextInt(4)) { // small whole numbers, large ones, fractions
                            case 0 -> i + 1;
                            case 1 -> -(i + 1);
                            case 2 -> 1000.0 * (i + 1);
                            default -> rnd.nextGaussian() * 10 + 0.5;
                        };
            }
            int n = 1 + rnd.nextInt(rnd.nextBoolean() ? 12 : 400);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = levels[rnd.nextInt(pool)];
                if (rnd.nextInt(40) == 0) { // within Tribuo's 1e-10 of the first value, not equal to it
                    values[i] = values[0] + (rnd.nextBoolean() ? 1e-12 : -1e-12);
                }
                if (values[i] == 0.0) {
                    values[i] = 1.0;
                }
            }
            assertSameInfo(values, "trial " + trial + " " + Arrays.toString(values));
            if (tribuo("f", values) instanceof RealInfo) {
                real++;
            } else {
                categorical++;
            }
        }
        assertTrue(real > 200 && categorical > 2000, real + " real, " + categorical + " categorical");
    }

    /** Every length around each of the map's resizes and the conversion, values all new or repeating at the end. */
    @Test
    void sameAsTribuoAroundResizesAndTheConversion() {
        for (int distinct = 1; distinct <= 60; distinct++) {
            for (int tail = 0; tail <= 3; tail++) {
                double[] values = new double[distinct + tail];
                for (int i = 0; i < distinct; i++) {
                    values[i] = (i * 7919 % 101) + 0.25;
                }
                for (int i = 0; i < tail; i++) {
                    values[distinct + i] = values[i % distinct];
                }
                assertSameInfo(values, distinct + " distinct, then " + tail + " repeated");
            }
        }
    }

    /** Outside the fast path (NaN, infinities, zeros): Tribuo's own value-by-value observation. */
    @Test
    void sameAsTribuoOnSpecialValues() {
        double inf = Double.POSITIVE_INFINITY;
        for (double[] values : List.of(
                new double[] {inf, inf, 2},
                new double[] {inf, 1, inf},
                new double[] {Double.NaN, 1, Double.NaN},
                new double[] {1, 0.0, -0.0, 1},
                new double[] {-inf, inf})) {
            assertSameInfo(values, Arrays.toString(values));
        }
        assertSameInfo(new double[0], "no values");
    }

    /** The check can fail: a map filled in another order iterates differently for these values. */
    @Test
    void iterationOrderIsChecked() {
        double[] values = new double[40];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i * 7919 % 101) + 0.25;
        }
        double[] reversed = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            reversed[i] = values[values.length - 1 - i];
        }
        CategoricalInfo a = (CategoricalInfo) tribuo("f", values);
        CategoricalInfo b = assertInstanceOf(CategoricalInfo.class, VariableInfoAccess.observed("f", reversed, 40));
        assertEquals(a, b); // same counts
        assertNotEquals(new ArrayList<>(a.valueCounts.keySet()), new ArrayList<>(b.valueCounts.keySet()));
        assertNotEquals(a.serialize(), b.serialize());
    }
}
