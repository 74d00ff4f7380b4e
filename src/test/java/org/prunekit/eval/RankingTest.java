package org.prunekit.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Counting distinct scores by hashing gives, bit for bit, the areas that sorting and merging the scores gives. */
class RankingTest {

    @Test
    void hashedCountsGiveTheSortedAreas() {
        Random rnd = new Random(3);
        double[] levels = {0.0, -0.0, 0.125, 0.5, 0.5 + 1e-16, 0.75, 1.0, 1.0 / 3, 0.9999999999999999};
        for (int trial = 0; trial < 3000; trial++) {
            int n = 1 + rnd.nextInt(200);
            int kind = rnd.nextInt(3);
            int[] y = new int[n];
            double[][] probs = new double[n][2];
            for (int i = 0; i < n; i++) {
                y[i] = rnd.nextInt(4) == 0 ? 1 : 0;
                // few distinct scores (a tree's), continuous ones, or a mixture
                double s = kind == 0 || (kind == 2 && rnd.nextBoolean())
                        ? levels[rnd.nextInt(levels.length)]
                        : rnd.nextDouble();
                probs[i][1] = s;
                probs[i][0] = 1 - s;
            }
            Ranking hashed = Ranking.hashed(y, probs, 1, 1, n);
            assertNotNull(hashed, "n distinct scores at most");
            Ranking sorted = Ranking.sorted(y, probs, 1, 1);
            for (Ranking.Area a : Ranking.Area.values()) {
                assertEquals(
                        Double.doubleToRawLongBits(sorted.area(a)),
                        Double.doubleToRawLongBits(hashed.area(a)),
                        a + " trial " + trial);
                assertEquals(
                        Double.doubleToRawLongBits(sorted.area(a)),
                        Double.doubleToRawLongBits(Ranking.of(y, probs, 1, 1).area(a)),
                        a + " trial " + trial);
            }
        }
    }

    @Test
    void tooManyDistinctScoresAreSortedInstead() {
        int[] y = {0, 1, 0, 1, 0};
        double[][] probs = {{0, .1}, {0, .2}, {0, .3}, {0, .4}, {0, .5}};
        assertNull(Ranking.hashed(y, probs, 1, 1, 4));
        assertNotNull(Ranking.hashed(y, probs, 1, 1, 5));
    }
}
