package org.prunekit.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Recall, precision, specificity, PR-AUC and deviance on cases worked out by hand (the oracle files hold no PR-AUC or
 * deviance), and the binary threshold rule that sends P(pos) = 0.5 to the positive class whatever its index.
 */
class OneClassAndCurveMetricsTest {

    /** y = 1 0 1 0 1, P(pos) = 0.9 0.8 0.6 0.6 0.2: a tie between a positive and a negative at 0.6. */
    static final int[] Y = {1, 0, 1, 0, 1};

    static final double[][] P = {{0.1, 0.9}, {0.2, 0.8}, {0.4, 0.6}, {0.4, 0.6}, {0.8, 0.2}};

    @Test
    void prAucIsTheTrapezoidalAreaUnderScikitLearnsCurve() {
        // thresholds 0.9, 0.8, 0.6, 0.2 give (recall, precision) = (1/3, 1), (1/3, 1/2), (2/3, 1/2), (1, 3/5);
        // from (0, 1): 1/3 * 1 + 0 + 1/3 * 1/2 + 1/3 * 11/20 = 0.683333...
        // (sklearn: auc(*precision_recall_curve(y, p)[1::-1]) gives the same)
        assertEquals(1.0 / 3 + 1.0 / 6 + 11.0 / 60, Metrics.compute(Metric.PR_AUC, Y, P), 1e-15);
        // average precision is the step-wise sum 1/3 (1 + 1/2 + 3/5) = 0.7
        assertEquals(0.7, Metrics.compute(Metric.AVERAGE_PRECISION, Y, P), 1e-15);
    }

    @Test
    void prAucOfAPerfectRankingIsOne() {
        double[][] p = {{0.0, 1.0}, {1.0, 0.0}, {0.1, 0.9}, {0.9, 0.1}, {0.2, 0.8}};
        assertEquals(1.0, Metrics.compute(Metric.PR_AUC, Y, p), 1e-15);
    }

    @Test
    void devianceIsGlmnetsClampedBinomialDeviance() {
        double ll = Math.log(0.9) + Math.log(0.2) + Math.log(0.6) + Math.log(0.4) + Math.log(0.2);
        assertEquals(-2 * ll / 5, Metrics.compute(Metric.DEVIANCE, Y, P), 1e-12);
        // a certain wrong answer costs -2 ln(1e-5) per row, not infinity
        double[][] wrong = {{0.0, 1.0}};
        assertEquals(-2 * Math.log(1e-5), Metrics.compute(Metric.DEVIANCE, new int[] {0}, wrong), 1e-9);
        assertEquals(-2 * Math.log(1e-5), Metrics.deviance(new int[] {0}, wrong, 1), 1e-9);
    }

    @Test
    void multinomialDevianceUsesTheTrueClassColumn() {
        int[] y = {0, 2};
        double[][] p = {{0.5, 0.3, 0.2}, {0.1, 0.1, 0.8}};
        assertEquals(-(Math.log(0.5) + Math.log(0.8)), Metrics.compute(Metric.DEVIANCE, y, p), 1e-12);
    }

    @Test
    void oneClassMetricsOfThePositiveClassAtThreshold() {
        // P(pos) >= 0.5 predicts 1 1 1 1 0: TP 2, FP 2, FN 1, TN 0
        Map<Metric, Double> m = Metrics.computeAll(
                List.of(Metric.RECALL, Metric.PRECISION, Metric.SPECIFICITY), Y, P, 1, Metrics.DEFAULT_THRESHOLD);
        assertEquals(2.0 / 3, m.get(Metric.RECALL), 1e-15);
        assertEquals(0.5, m.get(Metric.PRECISION), 1e-15);
        assertEquals(0.0, m.get(Metric.SPECIFICITY), 1e-15);
        // with class 0 positive: predicted 0 only for row 4: TP 0 of the 2 zeros, FP 1 (row 4), TN 3
        Map<Metric, Double> n = Metrics.computeAll(
                List.of(Metric.RECALL, Metric.PRECISION, Metric.SPECIFICITY), Y, P, 0, Metrics.DEFAULT_THRESHOLD);
        assertEquals(0.0, n.get(Metric.RECALL), 1e-15);
        assertEquals(0.0, n.get(Metric.PRECISION), 1e-15);
        assertEquals(2.0 / 3, n.get(Metric.SPECIFICITY), 1e-15);
    }

    @Test
    void multiClassOneClassMetricsAreMacroMeans() {
        int[] y = {0, 1, 2, 2};
        double[][] p = {{0.8, 0.1, 0.1}, {0.1, 0.8, 0.1}, {0.1, 0.8, 0.1}, {0.1, 0.1, 0.8}};
        // recall per class 1, 1, 1/2; precision 1, 1/2, 1
        assertEquals(2.5 / 3, Metrics.compute(Metric.RECALL, y, p), 1e-15);
        assertEquals(2.5 / 3, Metrics.compute(Metric.PRECISION, y, p), 1e-15);
    }

    @Test
    void aTieAtOneHalfGoesToThePositiveClassWhateverItsIndex() {
        double[][] tie = {{0.5, 0.5}};
        assertArrayEquals(new int[] {1}, Metrics.predict(tie, 1, Metrics.DEFAULT_THRESHOLD));
        assertArrayEquals(new int[] {0}, Metrics.predict(tie, 0, Metrics.DEFAULT_THRESHOLD));
        // argmax (no threshold) would send it to index 0 in both cases
        assertArrayEquals(new int[] {0}, Metrics.predict(tie, 1, Double.NaN));
    }
}
