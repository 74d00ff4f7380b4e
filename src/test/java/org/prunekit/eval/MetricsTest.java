package org.prunekit.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prunekit.testing.ProbabilityRows.binary;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed cases and edge cases of {@link Metrics}. */
class MetricsTest {

    @Test
    void scikitLearnDocumentationExample() {
        // sklearn docs: roc_auc_score and average_precision_score of [0,0,1,1] / [0.1,0.4,0.35,0.8] = 0.75, 0.8333
        int[] y = {0, 0, 1, 1};
        double[][] p = binary(0.1, 0.4, 0.35, 0.8);
        assertEquals(0.75, Metrics.compute(Metric.ROC_AUC, y, p), 1e-15);
        assertEquals(5.0 / 6.0, Metrics.compute(Metric.AVERAGE_PRECISION, y, p), 1e-15);
    }

    @Test
    void tiedPositiveAndNegativeCountHalf() {
        int[] y = {0, 1, 0, 1};
        double[][] p = binary(0.5, 0.5, 0.2, 0.9);
        // pairs (pos, neg): (0.5,0.5) ½, (0.5,0.2) 1, (0.9,0.5) 1, (0.9,0.2) 1 → 3.5 / 4
        assertEquals(0.875, Metrics.compute(Metric.ROC_AUC, y, p), 1e-15);
        // thresholds 0.9: P=1 R=½; 0.5: P=2/3 R=1 → ½·1 + ½·2/3
        assertEquals(0.5 + 1.0 / 3.0, Metrics.compute(Metric.AVERAGE_PRECISION, y, p), 1e-15);
    }

    @Test
    void thresholdDecidesBinaryPredictions() {
        double[][] p = binary(0.2, 0.5, 0.7);
        assertArrayEquals(new int[] {0, 0, 1}, Metrics.predict(p, 1, Double.NaN), "argmax, 0.5 tie to class 0");
        assertArrayEquals(new int[] {1, 1, 1}, Metrics.predict(p, 1, 0.2));
        assertArrayEquals(new int[] {0, 0, 0}, Metrics.predict(p, 1, 0.71));
        assertArrayEquals(new int[] {0, 0, 1}, Metrics.predict(p, 0, 0.5), "positive 0 iff p0 >= 0.5");
        int[] y = {0, 1, 1};
        assertEquals(1.0, Metrics.compute(Metric.ACCURACY, y, p, 1, 0.5));
        assertEquals(2.0 / 3.0, Metrics.compute(Metric.ACCURACY, y, p, 1, Double.NaN), 1e-15);
    }

    @Test
    void rankingMetricsIgnoreTheThreshold() {
        int[] y = {0, 1, 1};
        double[][] p = binary(0.2, 0.5, 0.7);
        assertEquals(Metrics.compute(Metric.ROC_AUC, y, p, 1, 0.9), Metrics.compute(Metric.ROC_AUC, y, p));
        assertEquals(Metrics.compute(Metric.LOG_LOSS, y, p, 1, 0.9), Metrics.compute(Metric.LOG_LOSS, y, p));
    }

    @Test
    void binaryMccAndKappaByHand() {
        // TP=3 FN=1 FP=2 TN=4: MCC = (12-2)/sqrt(5*4*6*5) ; p_o = 0.7, p_e = (4*5 + 6*5)/100 = 0.5 → κ = 0.4
        int[] y = {1, 1, 1, 1, 0, 0, 0, 0, 0, 0};
        int[] pred = {1, 1, 1, 0, 1, 1, 0, 0, 0, 0};
        ConfusionMatrix cm = ConfusionMatrix.of(y, pred, 2);
        assertEquals(10 / Math.sqrt(600), Metrics.fromConfusion(Metric.MCC, cm), 1e-15);
        assertEquals(0.4, Metrics.fromConfusion(Metric.COHEN_KAPPA, cm), 1e-15);
        assertEquals(Math.sqrt(0.75 * 4.0 / 6.0), Metrics.fromConfusion(Metric.G_MEAN, cm), 1e-15);
        assertEquals(4, cm.trueNegatives(1));
        assertEquals(2, cm.falsePositives(1));
        assertEquals(4.0 / 6.0, cm.specificity(1), 1e-15);
    }

    @Test
    void degenerateCasesAreZeroOrNaNNotErrors() {
        int[] y = {1, 1, 1};
        double[][] p = binary(0.9, 0.8, 0.7);
        assertEquals(0.0, Metrics.compute(Metric.MCC, y, p), "MCC with a zero denominator");
        assertEquals(0.0, Metrics.compute(Metric.COHEN_KAPPA, y, p), "kappa with p_e = 1");
        assertTrue(Double.isNaN(Metrics.compute(Metric.ROC_AUC, y, p)), "AUC without negatives");
        assertEquals(1.0, Metrics.compute(Metric.G_MEAN, y, p), "only class 1 present, recall 1");
    }

    @Test
    void multiclassRankingSkipsClassesWithoutPositives() {
        int[] y = {0, 0, 1, 1};
        double[][] p = {{0.8, 0.1, 0.1}, {0.6, 0.2, 0.2}, {0.1, 0.7, 0.2}, {0.3, 0.3, 0.4}};
        // class 0: perfect, class 1: perfect, class 2 has no positives → mean of two ones
        assertEquals(1.0, Metrics.compute(Metric.ROC_AUC, y, p), 1e-15);
    }

    @Test
    void logLossClipsAndRenormalises() {
        int[] y = {0};
        double[][] p = {{0.0, 1.0}};
        double eps = Math.ulp(1.0);
        assertEquals(-Math.log(eps / (eps + 1 - eps)), Metrics.compute(Metric.LOG_LOSS, y, p), 1e-12);
    }

    @Test
    void reportHoldsEveryMetric() {
        int[] y = {0, 1, 2, 2};
        double[][] p = {{0.8, 0.1, 0.1}, {0.2, 0.5, 0.3}, {0.1, 0.2, 0.7}, {0.5, 0.1, 0.4}};
        MetricReport r = Metrics.report(List.of("a", "b", "c"), y, p, 1, Double.NaN);
        assertEquals(Metric.values().length, r.values().size());
        assertEquals(0.75, r.get(Metric.ACCURACY));
        assertEquals(2, r.perClass().get("c").support());
        assertEquals(1, r.confusion().count(2, 0));
        assertTrue(Double.isNaN(r.brierBinary()));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Metrics.compute(Metric.ACCURACY, new int[] {0, 2}, binary(0.1, 0.2)));
        assertThrows(
                IllegalArgumentException.class,
                () -> Metrics.compute(Metric.ACCURACY, new int[] {0}, new double[][] {{0.1, 0.2, 0.7}}, 1, 0.5));
        assertThrows(
                IllegalArgumentException.class, () -> Metrics.compute(Metric.ACCURACY, new int[0], new double[0][]));
        assertThrows(
                IllegalArgumentException.class,
                () -> Metrics.compute(Metric.ROC_AUC, new int[] {0, 1}, binary(Double.NaN, 0.2)));
    }
}
