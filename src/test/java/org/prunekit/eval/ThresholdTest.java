package org.prunekit.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.prunekit.testing.ProbabilityRows.binary;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ThresholdTest {

    @Test
    void separableScoresGiveAPerfectThreshold() {
        int[] y = {0, 0, 0, 1, 1};
        double[][] p = binary(0.05, 0.1, 0.2, 0.3, 0.4);
        Threshold t = Threshold.best(y, p, 1, Metric.MCC);
        assertEquals(0.3, t.value());
        assertEquals(1.0, t.score(), 1e-15);
    }

    @Test
    void tiesGoToTheThresholdNearestOneHalf() {
        int[] y = {1, 0, 1, 0};
        double[][] p = binary(0.2, 0.4, 0.6, 0.8);
        // accuracy per threshold: 0.8 → 1/4, 0.6 → 2/4, 0.4 → 1/4, 0.2 (all positive) → 2/4; 0.6 is nearer 0.5
        Threshold t = Threshold.best(y, p, 1, Metric.ACCURACY);
        assertEquals(0.6, t.value());
        assertEquals(0.5, t.score());
    }

    @Test
    void bestScoreMatchesAFullScanWithMetrics() {
        Random rng = new Random(4);
        int n = 200;
        int[] y = new int[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextDouble() < 0.15 ? 1 : 0;
            s[i] = Math.round((0.3 * y[i] + 0.7 * rng.nextDouble()) * 50) / 50.0;
        }
        double[][] p = binary(s);
        for (Metric m : new Metric[] {Metric.MCC, Metric.BALANCED_ACCURACY, Metric.MACRO_F1, Metric.G_MEAN}) {
            Threshold t = Threshold.best(y, p, 1, m);
            double max = Double.NEGATIVE_INFINITY;
            for (double c : s) {
                max = Math.max(max, Metrics.compute(m, y, p, 1, c));
            }
            assertEquals(max, t.score(), 1e-12, m.configName());
            assertEquals(t.score(), Metrics.compute(m, y, p, 1, t.value()), 1e-12, m.configName());
        }
    }

    @Test
    void positiveClassZeroUsesColumnZero() {
        int[] y = {0, 0, 1, 1};
        double[][] p = binary(0.1, 0.3, 0.8, 0.9); // p0 = 0.9, 0.7, 0.2, 0.1
        Threshold t = Threshold.best(y, p, 0, Metric.ACCURACY);
        assertEquals(0.7, t.value(), 1e-15);
        assertEquals(1.0, t.score());
    }

    @Test
    void rejectsThresholdFreeMetricsAndMulticlass() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Threshold.best(new int[] {0, 1}, binary(0.2, 0.8), 1, Metric.ROC_AUC));
        assertThrows(
                IllegalArgumentException.class,
                () -> Threshold.best(
                        new int[] {0, 1}, new double[][] {{0.2, 0.3, 0.5}, {0.1, 0.1, 0.8}}, 1, Metric.MCC));
    }
}
