package org.prunekit.prune.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prunekit.eval.Metric;
import org.prunekit.eval.Metrics;
import org.prunekit.spi.ConfigException;
import org.prunekit.spi.Params;
import org.prunekit.spi.PruningPath;

/** Metric objectives of {@code tree-drop}: any {@link Metric} scored on the candidate margins. */
class MetricObjectiveTest {

    private static Targets targets(int[] y, double... w) {
        return new Targets(y, w, 2);
    }

    @Test
    void binaryLogOddsMarginsAreScoredThroughTheSigmoidAndHigherIsBetterIsNegated() {
        // σ(2) > ½ → 1, σ(−1) → 0, σ(0.5) → 1, σ(−3) → 0
        double[] m = {2, -1, 0.5, -3};
        Targets t = targets(new int[] {1, 0, 0, 0}, 1, 1, 1, 1);
        assertEquals(-0.75, Objective.byName("accuracy").loss(m, null, 0, t), 1e-15);
        // recall of class 1: 1/1, of class 0: 2/3
        assertEquals(-5.0 / 6, Objective.byName("balanced-accuracy").loss(m, null, 0, t), 1e-15);
        // moving row 0 by −2·2 = −4 makes it predict 0: two of four right
        float[] c = {2, 0, 0, 0};
        assertEquals(-0.5, Objective.byName("accuracy").loss(m, c, -2, t), 1e-15);
    }

    @Test
    void rowsOfWeightZeroAreLeftOutAndOtherWeightsIgnored() {
        double[] m = {2, -1, 0.5, -3};
        Targets t = targets(new int[] {1, 0, 0, 0}, 5, 1, 0, 1);
        assertEquals(-1.0, Objective.byName("accuracy").loss(m, null, 0, t), 1e-15);
    }

    @Test
    void lowerIsBetterMetricsAreNotNegatedAndUndefinedValuesLoseToEveryone() {
        // one row, margin 0: p = (½, ½), Brier (½)² + (½)² = ½
        assertEquals(0.5, Objective.byName("brier").loss(new double[] {0}, null, 0, targets(new int[] {1}, 1)), 1e-15);
        // ROC-AUC without a positive row is undefined
        assertEquals(
                Double.POSITIVE_INFINITY,
                Objective.byName("roc-auc").loss(new double[] {1, -1}, null, 0, targets(new int[] {0, 0}, 1, 1)));
    }

    @Test
    void voteSumsAreNormalisedAndARowWithoutVotesIsUniform() {
        // rows: (3, 1) → class 0; (0, 0) → uniform, ties to class 0; (1, 3) → class 1
        double[] sums = {3, 1, 0, 0, 1, 3};
        MetricObjective acc = MetricObjective.byName("accuracy", MetricObjective.Link.NORMALISE);
        assertEquals(-2.0 / 3, acc.loss(sums, null, 0, targets(new int[] {0, 1, 1}, 1, 1, 1)), 1e-15);
        // Brier: (¼)²·2 + (½)²·2 + (¼)²·2 = 0.75, over 3 rows
        MetricObjective brier = MetricObjective.byName("brier", MetricObjective.Link.NORMALISE);
        assertEquals(0.25, brier.loss(sums, null, 0, targets(new int[] {0, 1, 1}, 1, 1, 1)), 1e-15);
    }

    @Test
    void metricObjectivesHaveNoBoundSoGreedySearchIsExact() {
        Objective o = Objective.byName("mcc");
        assertEquals("mcc", o.name());
        assertNull(o.lowerBound(new double[] {0}, targets(new int[] {1}, 1)));
        assertNull(o.gradient(new double[] {0}, targets(new int[] {1}, 1)));
    }

    @Test
    void forwardSelectionStartsWithTheRoundOfBestBalancedAccuracy() {
        BoostedTrees trees = BoostedTrees.parse(XgboostModels.modelJson(Fixture.MODEL));
        RoundContributions rc = RoundContributions.of(
                trees, XgboostModels.features(Fixture.VALIDATION_DATA, Fixture.MODEL.getFeatureIDMap()));
        Targets t = XgboostModels.targets(Fixture.VALIDATION_DATA, Fixture.MODEL.getOutputIDInfo());
        int[] y = t.y();
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        double worstValue = Double.POSITIVE_INFINITY;
        for (int r = 0; r < rc.rounds(); r++) {
            double v = Metrics.compute(Metric.BALANCED_ACCURACY, y, softmax(rc.margins(new int[] {r}, null), y.length));
            if (v > bestValue) {
                bestValue = v;
                best = r;
            }
            worstValue = Math.min(worstValue, v);
        }
        assertTrue(bestValue > worstValue, "the rounds must differ for this test to mean anything");
        int[] order = new ForwardSelection(Objective.byName("balanced-accuracy"), null).order(rc, t, 1, 3);
        assertEquals(best, order[0]);
    }

    @Test
    void configAcceptsAnyMetricNameAndRejectsOthersWithTheKey() {
        Params ok = new Params("c.yaml", "arms[0].prune", Map.of("method", "tree-drop", "objective", "g-mean"));
        assertEquals("g-mean", TreeDropParams.from(ok).objective());
        Params bad = new Params("c.yaml", "arms[0].prune", Map.of("method", "tree-drop", "objective", "f2"));
        ConfigException e = assertThrows(ConfigException.class, () -> TreeDropParams.from(bad));
        assertEquals("arms[0].prune.objective", e.keyPath());
        assertThrows(IllegalArgumentException.class, () -> Objective.byName("f2"));
    }

    @Test
    void aMetricObjectivePrunesAForest() {
        var forest = new ForestFamily(ForestFamily.RANDOM_FOREST)
                .trainer(new ForestFamily.ForestParams(6, 4, 0.5, 3L))
                .train(Fixture.TRAIN_DATA);
        PruningPath path = new TreeDrop(new TreeDropParams("forward", new int[] {2, 4}, "mcc"), 1L)
                .path(forest, Fixture.TRAIN_DATA, Fixture.VALIDATION_DATA);
        List<Integer> strengths =
                path.candidates().stream().map(c -> (int) c.strength()).toList();
        assertEquals(List.of(0, 2, 4), strengths);
        assertTrue(path.candidates().get(2).size().parameters()
                < path.candidates().get(0).size().parameters());
    }

    private static double[][] softmax(double[] m, int n) {
        int k = m.length / n;
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            if (k == 1) {
                double q = 1 / (1 + Math.exp(-m[i]));
                p[i] = new double[] {1 - q, q};
            } else {
                p[i] = new double[k];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    max = Math.max(max, m[i * k + j]);
                }
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    p[i][j] = Math.exp(m[i * k + j] - max);
                    sum += p[i][j];
                }
                for (int j = 0; j < k; j++) {
                    p[i][j] /= sum;
                }
            }
        }
        return p;
    }
}
