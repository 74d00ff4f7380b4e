package org.prunekit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

class TableEncoderTest {

    static final double NA = Double.NaN;

    /** Rows 0-4 are "training", 5-6 "test". */
    static Table table(double testValue) {
        Column x = new Column.Numeric("x", new double[] {1, 2, NA, 10, 4, testValue, NA});
        Column c = new Column.Categorical("c", new String[] {"b", "a", "b", null, "b", "zzz-unseen", null});
        return new Table("t", List.of(x, c), "class", new String[] {"p", "n", "p", "n", "p", "n", "p"});
    }

    static final int[] TRAIN = {0, 1, 2, 3, 4};

    @Test
    void oneHotSortedLevelsAndUnseenLevelIsAllZeros() {
        TableEncoder e = TableEncoder.fit(table(5), TRAIN);
        assertEquals(List.of("x", "c_a", "c_b"), e.featureNames());
        assertArrayEquals(new double[] {1, 0, 1}, e.row(0));
        assertArrayEquals(new double[] {2, 1, 0}, e.row(1));
        assertArrayEquals(new double[] {5, 0, 0}, e.row(5), "unseen level encodes as all zeros");
    }

    @Test
    void imputesWithTrainingMedianAndModeNeverZero() {
        TableEncoder e = TableEncoder.fit(table(5), TRAIN);
        // training x values 1, 2, 10, 4 -> median 3; training c levels b, a, b, b -> mode b
        assertArrayEquals(new double[] {3, 0, 1}, e.row(2));
        assertArrayEquals(new double[] {10, 0, 1}, e.row(3));
        assertArrayEquals(new double[] {3, 0, 1}, e.row(6));
    }

    @Test
    void testRowsNeverInfluenceTheFit() {
        TableEncoder small = TableEncoder.fit(table(-1e9), TRAIN);
        TableEncoder large = TableEncoder.fit(table(1e9), TRAIN);
        for (int r : TRAIN) {
            assertArrayEquals(small.row(r), large.row(r));
        }
        assertArrayEquals(small.row(6), large.row(6));
    }

    @Test
    void missingIndicatorsForColumnsWithMissingTrainingValues() {
        TableEncoder e = TableEncoder.fit(table(5), TRAIN, true);
        assertEquals(List.of("x", "c_a", "c_b", "missing:x", "missing:c"), e.featureNames());
        assertArrayEquals(new double[] {3, 0, 1, 1, 0}, e.row(2));
        assertArrayEquals(new double[] {10, 0, 1, 0, 1}, e.row(3));
        assertArrayEquals(new double[] {3, 0, 1, 1, 1}, e.row(6));
        // fitted on rows 0 and 1 only, nothing is missing: no indicator columns
        assertEquals(
                List.of("x", "c_a", "c_b"),
                TableEncoder.fit(table(5), new int[] {0, 1}, true).featureNames());
    }

    @Test
    void encodesTribuoExamplesWithLabelsInRowOrder() {
        MutableDataset<Label> d = TableEncoder.fit(table(5), TRAIN).encode(new int[] {5, 0});
        assertEquals(2, d.size());
        assertEquals("n", d.getExample(0).getOutput().getLabel());
        assertEquals("p", d.getExample(1).getOutput().getLabel());
    }
}
