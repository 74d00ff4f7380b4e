package org.prunekit.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SelectionTest {

    // candidates least pruned first; sizes shrink along the path
    static final double[] MEAN = {0.90, 0.92, 0.91, 0.89, 0.70};
    static final double[] SD = {0.02, 0.05, 0.02, 0.02, 0.02};
    static final long[] SIZE = {100, 60, 30, 10, 1};

    @Test
    void bestTakesTheHighestMean() {
        assertEquals(1, Selection.choose("best", MEAN, SD, 5, SIZE, true, 0).index());
    }

    @Test
    void bestOfALossTakesTheLowest() {
        assertEquals(4, Selection.choose("best", MEAN, SD, 5, SIZE, false, 0).index());
    }

    @Test
    void oneSeTakesTheSmallestWithinOneStandardErrorOfTheBest() {
        // best 0.92, se = 0.05 / sqrt(5) = 0.02236 -> bar 0.89764: candidates 0, 1, 2 qualify (0.89 does not)
        assertEquals(2, Selection.choose("one-se", MEAN, SD, 5, SIZE, true, 0).index());
        // with 4 folds se = 0.025 -> bar 0.895: still candidate 2; with 1 fold no se -> best
        assertEquals(1, Selection.choose("one-se", MEAN, SD, 1, SIZE, true, 0).index());
        // a wide sd lets candidate 3 in: se = 0.1 / sqrt(4) = 0.05 -> bar 0.87
        double[] wide = {0.02, 0.10, 0.02, 0.02, 0.02};
        assertEquals(3, Selection.choose("one-se", MEAN, wide, 4, SIZE, true, 0).index());
    }

    @Test
    void oneSeForALoss() {
        double[] loss = {0.30, 0.25, 0.26, 0.40};
        double[] sd = {0.01, 0.04, 0.01, 0.01};
        long[] size = {9, 7, 5, 3};
        // best 0.25, se 0.02 -> bar 0.27: candidate 2 (0.26) is the smallest within
        assertEquals(2, Selection.choose("one-se", loss, sd, 4, size, false, 0).index());
    }

    @Test
    void budgetTakesTheBestWithinTheLimit() {
        assertEquals(2, Selection.choose("budget", MEAN, SD, 5, SIZE, true, 30).index());
        assertEquals(3, Selection.choose("budget", MEAN, SD, 5, SIZE, true, 15).index());
        Selection.Choice none = Selection.choose("budget", MEAN, SD, 5, new long[] {100, 60, 30, 10, 5}, true, 2);
        assertEquals(4, none.index());
        assertTrue(none.note().contains("no candidate has at most 2 non-zero parameters"), none.note());
        assertNull(Selection.choose("budget", MEAN, SD, 5, SIZE, true, 1000).note());
    }

    @Test
    void tiesGoToTheSmallerCandidateAndNaNIsNeverChosen() {
        double[] tie = {0.8, 0.8, Double.NaN};
        long[] size = {5, 3, 1};
        assertEquals(
                1,
                Selection.choose("best", tie, new double[3], 5, size, true, 0).index());
        double[] allNaN = {Double.NaN, Double.NaN};
        assertEquals(
                0,
                Selection.choose("one-se", allNaN, new double[2], 5, new long[] {2, 1}, true, 0)
                        .index());
    }
}
