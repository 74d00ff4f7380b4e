package org.prunekit.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Algebraic properties of {@link Metrics} on random label/probability sets (jqwik, fixed seeds). */
class MetricsPropertiesTest {

    private static final List<Metric> ALL = List.of(Metric.values());

    /** Random case: every class occurs in y; scores rounded to {@code grid} steps when grid > 0 (ties). */
    record Case(int[] y, double[][] probs) {
        static Case random(long seed, int k, int n, int grid) {
            Random rng = new Random(seed);
            int[] y = new int[n];
            double[][] p = new double[n][k];
            for (int i = 0; i < n; i++) {
                y[i] = i < k ? i : rng.nextInt(k);
                if (k == 2) {
                    // p0 = 1 - p1 exactly, so reversing the scores keeps ties and order exactly
                    double p1 = rng.nextDouble();
                    p1 = grid > 0 ? Math.round(p1 * grid) / (double) grid : p1;
                    p[i][0] = 1 - p1;
                    p[i][1] = p1;
                    continue;
                }
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    double v = rng.nextDouble() + (c == y[i] ? rng.nextDouble() : 0);
                    if (grid > 0) {
                        v = Math.round(v * grid) / (double) grid;
                    }
                    p[i][c] = v;
                    sum += v;
                }
                for (int c = 0; c < k; c++) {
                    p[i][c] = sum == 0 ? 1.0 / k : p[i][c] / sum;
                }
            }
            return new Case(y, p);
        }
    }

    @Property(tries = 300, seed = "1")
    void everyMetricInItsRange(
            @ForAll long seed,
            @ForAll @IntRange(min = 2, max = 4) int k,
            @ForAll @IntRange(min = 4, max = 60) int n,
            @ForAll @IntRange(min = 0, max = 10) int grid) {
        Case c = Case.random(seed, k, n, grid);
        Map<Metric, Double> v = Metrics.computeAll(ALL, c.y(), c.probs(), 1, Double.NaN);
        for (Metric m : List.of(
                Metric.ACCURACY,
                Metric.BALANCED_ACCURACY,
                Metric.MACRO_F1,
                Metric.WEIGHTED_F1,
                Metric.G_MEAN,
                Metric.ROC_AUC,
                Metric.AVERAGE_PRECISION)) {
            assertIn(v.get(m), 0, 1, m);
        }
        assertIn(v.get(Metric.MCC), -1, 1, Metric.MCC);
        assertIn(v.get(Metric.COHEN_KAPPA), -1, 1, Metric.COHEN_KAPPA);
        assertIn(v.get(Metric.LOG_LOSS), 0, -Math.log(Metrics.LOG_LOSS_EPS), Metric.LOG_LOSS);
        assertIn(v.get(Metric.BRIER), 0, 2, Metric.BRIER);
    }

    @Property(tries = 200, seed = "2")
    void invariantToRowOrder(
            @ForAll long seed,
            @ForAll @IntRange(min = 2, max = 4) int k,
            @ForAll @IntRange(min = 4, max = 60) int n,
            @ForAll @IntRange(min = 0, max = 10) int grid) {
        Case c = Case.random(seed, k, n, grid);
        int[] perm = permutation(n, new Random(seed ^ 0x5DEECE66DL));
        int[] y2 = new int[n];
        double[][] p2 = new double[n][];
        for (int i = 0; i < n; i++) {
            y2[i] = c.y()[perm[i]];
            p2[i] = c.probs()[perm[i]];
        }
        Map<Metric, Double> a = Metrics.computeAll(ALL, c.y(), c.probs(), 1, Double.NaN);
        Map<Metric, Double> b = Metrics.computeAll(ALL, y2, p2, 1, Double.NaN);
        for (Metric m : ALL) {
            assertEquals(a.get(m), b.get(m), 1e-12, m.configName());
        }
    }

    @Property(tries = 200, seed = "3")
    void mccSymmetricInSwappingTheTwoClasses(
            @ForAll long seed,
            @ForAll @IntRange(min = 4, max = 60) int n,
            @ForAll @IntRange(min = 0, max = 10) int grid) {
        Case c = Case.random(seed, 2, n, grid);
        int[] y2 = new int[n];
        double[][] p2 = new double[n][];
        for (int i = 0; i < n; i++) {
            y2[i] = 1 - c.y()[i];
            p2[i] = new double[] {c.probs()[i][1], c.probs()[i][0]};
        }
        // argmax sends a 0.5/0.5 row to class 0 in both cases; a threshold keeps the swap exact
        double t = 0.5;
        double a = Metrics.compute(Metric.MCC, c.y(), c.probs(), 1, t);
        double b = Metrics.compute(Metric.MCC, y2, p2, 0, t);
        assertEquals(a, b, 1e-12);
    }

    @Property(tries = 200, seed = "4")
    void mccAndKappaSymmetricInTransposingTheConfusionMatrix(
            @ForAll long seed, @ForAll @IntRange(min = 2, max = 5) int k, @ForAll @IntRange(min = 1, max = 80) int n) {
        Random rng = new Random(seed);
        int[] y = new int[n];
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(k);
            p[i] = rng.nextBoolean() ? y[i] : rng.nextInt(k);
        }
        ConfusionMatrix a = ConfusionMatrix.of(y, p, k);
        ConfusionMatrix b = ConfusionMatrix.of(p, y, k);
        assertEquals(Metrics.fromConfusion(Metric.MCC, a), Metrics.fromConfusion(Metric.MCC, b), 1e-12);
        assertEquals(Metrics.fromConfusion(Metric.COHEN_KAPPA, a), Metrics.fromConfusion(Metric.COHEN_KAPPA, b), 1e-12);
    }

    @Property(tries = 300, seed = "5")
    void aucOfReversedScoresIsOneMinusAuc(
            @ForAll long seed,
            @ForAll @IntRange(min = 2, max = 80) int n,
            @ForAll @IntRange(min = 0, max = 10) int grid) {
        Case c = Case.random(seed, 2, n, grid);
        double[][] reversed = new double[n][];
        for (int i = 0; i < n; i++) {
            reversed[i] = new double[] {c.probs()[i][1], c.probs()[i][0]};
        }
        double a = Metrics.compute(Metric.ROC_AUC, c.y(), c.probs());
        double b = Metrics.compute(Metric.ROC_AUC, c.y(), reversed);
        assertEquals(1 - a, b, 1e-12);
    }

    @Property(tries = 200, seed = "6")
    void perfectPredictionsGiveTheBestValue(
            @ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int k, @ForAll @IntRange(min = 4, max = 60) int n) {
        Case c = Case.random(seed, k, n, 0);
        double[][] perfect = new double[n][k];
        for (int i = 0; i < n; i++) {
            perfect[i][c.y()[i]] = 1.0;
        }
        Map<Metric, Double> v = Metrics.computeAll(ALL, c.y(), perfect, 1, Double.NaN);
        for (Metric m : ALL) {
            // deviance clamps probabilities to [1e-5, 1 - 1e-5] as glmnet does, so even a perfect row costs a little
            double best =
                    m == Metric.DEVIANCE ? -2 * Math.log(1 - Metrics.DEVIANCE_CLAMP) : m.higherIsBetter() ? 1.0 : 0.0;
            assertEquals(best, v.get(m), 1e-12, m.configName());
        }
    }

    @Property(tries = 200, seed = "7")
    void constantPredictorHasZeroKappaAndMcc(
            @ForAll long seed,
            @ForAll @IntRange(min = 2, max = 4) int k,
            @ForAll @IntRange(min = 4, max = 60) int n,
            @ForAll @IntRange(min = 0, max = 3) int constant) {
        Case c = Case.random(seed, k, n, 0);
        double[][] flat = new double[n][k];
        for (int i = 0; i < n; i++) {
            flat[i][constant % k] = 1.0;
        }
        assertEquals(0.0, Metrics.compute(Metric.COHEN_KAPPA, c.y(), flat), 1e-12);
        assertEquals(0.0, Metrics.compute(Metric.MCC, c.y(), flat), 1e-12);
    }

    private static void assertIn(double v, double lo, double hi, Metric m) {
        assertTrue(
                v >= lo - 1e-12 && v <= hi + 1e-12, m.configName() + " = " + v + " outside [" + lo + ", " + hi + "]");
    }

    private static int[] permutation(int n, Random rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
