package org.prunekit.prune.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.eval.Probabilities;
import org.prunekit.spi.Candidate;
import org.prunekit.testing.TestData;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * L1Path scores its candidates from their coefficients (LinearScorer) instead of a Tribuo prediction per row: the
 * probabilities must be those of the candidate models' own predict, bit for bit, for the path's candidates and for
 * interpolated points, in any class order (a class the model does not know scores 0).
 */
class L1PathScoringTest {

    @Test
    void binomialScoresEqualTheModelsPredictions() {
        // german_credit: numeric and one-hot categorical columns; scored rows are encoded by the training encoder
        check("german_credit.csv", 2);
    }

    @Test
    void multinomialScoresEqualTheModelsPredictions() {
        check("shuttle.csv", 3);
    }

    private static void check(String file, int everyOther) {
        Table t = TestData.table(file);
        int[] train = IntStream.range(0, t.rows())
                .filter(i -> i % everyOther != 0)
                .limit(1500)
                .toArray();
        int[] test = IntStream.range(0, t.rows())
                .filter(i -> i % everyOther == 0)
                .limit(300)
                .toArray();
        TableEncoder enc = TableEncoder.fit(t, train, false);
        MutableDataset<Label> data = enc.encode(train);
        MutableDataset<Label> held = enc.encode(test);
        L1Path path = new L1PathMethod(LogisticPathOptions.defaults(), 0).path(null, data, null);
        assertTrue(
                path.candidates().size() > 5, "a path of " + path.candidates().size());

        List<String> classes = new ArrayList<>(t.classes());
        Collections.reverse(classes);
        classes.add("not-a-class");
        List<double[][]> all = new ArrayList<>();
        path.scoreAll(held, classes, (i, probs) -> all.add(i, probs));
        assertEquals(path.candidates().size(), all.size());
        for (int i = 0; i < all.size(); i++) {
            assertSame(Probabilities.of(path.candidates().get(i).model(), held, classes), all.get(i), "candidate " + i);
        }

        double[] strengths = path.strengths();
        double[] points = new double[strengths.length + 2];
        for (int i = 0; i + 1 < strengths.length; i++) {
            points[i] = Math.sqrt(strengths[i] * strengths[i + 1]); // between two λs: interpolated coefficients
        }
        points[strengths.length - 1] = strengths[0] * 0.5; // below the path's smallest λ
        points[strengths.length] = strengths[strengths.length - 1] * 2; // above its largest
        points[strengths.length + 1] = strengths[3];
        double[][][] at = new double[points.length][][];
        path.scoreAt(points, held, classes, (i, probs) -> at[i] = probs);
        for (int i = 0; i < points.length; i++) {
            assertSame(Probabilities.of(path.at(points[i]).model(), held, classes), at[i], "point " + i);
        }
    }

    private static void assertSame(double[][] expected, double[][] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int r = 0; r < expected.length; r++) {
            int row = r;
            // exact: every bit of every probability
            assertArrayEquals(
                    Arrays.stream(expected[r])
                            .mapToLong(Double::doubleToRawLongBits)
                            .toArray(),
                    Arrays.stream(actual[r])
                            .mapToLong(Double::doubleToRawLongBits)
                            .toArray(),
                    () -> what + ", row " + row + ": " + Arrays.toString(expected[row]) + " vs "
                            + Arrays.toString(actual[row]));
        }
    }

    /**
     * An L1 path builds a candidate's model only when asked ({@code candidates().get(i)}, once), and gives the strengths
     * and non-zero counts the harness selects on from the coefficients: the same as the built candidates', on the whole
     * path and on a sub-grid of it ({@code candidates: N}).
     */
    @Test
    void strengthsAndSizesComeFromTheCoefficientsAndEqualTheBuiltCandidates() {
        Table t = TestData.table("german_credit.csv");
        int[] rows = IntStream.range(0, t.rows()).toArray();
        MutableDataset<Label> data = TableEncoder.fit(t, rows, false).encode(rows);
        for (int count : new int[] {0, 7}) {
            L1Path path = new L1PathMethod(LogisticPathOptions.defaults(), count).path(null, data, null);
            double[] strengths = path.strengths();
            long[] nonZero = path.nonZeroParameters();
            int n = path.candidates().size();
            assertEquals(count == 0 ? path.path().size() : count, n);
            assertEquals(n, strengths.length);
            assertEquals(n, nonZero.length);
            for (int i = 0; i < n; i++) {
                Candidate c = path.candidates().get(i);
                assertTrue(c == path.candidates().get(i), "built once");
                assertEquals(c.strength(), strengths[i], "strength " + i);
                assertEquals(c.size().nonZeroParameters(), nonZero[i], "non-zero parameters " + i);
                assertEquals(((SparseLinearModel) c.model()).lambda(), strengths[i]);
            }
            assertTrue(nonZero[0] > nonZero[n - 1], "least pruned first: " + Arrays.toString(nonZero));
        }
    }
}
