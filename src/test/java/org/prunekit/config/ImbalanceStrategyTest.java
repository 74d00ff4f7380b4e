package org.prunekit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prunekit.data.imbalance.Oversampler;
import org.prunekit.data.imbalance.Smote;
import org.prunekit.data.imbalance.Undersampler;
import org.prunekit.eval.Metric;
import org.prunekit.eval.Threshold;
import org.prunekit.spi.ConfigException;
import org.prunekit.spi.Params;
import org.prunekit.testing.Datasets;
import org.tribuo.Dataset;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

class ImbalanceStrategyTest {

    private static ImbalanceStrategy parse(Map<String, ?> block) {
        Params p = new Params("study.yaml", "imbalance", block);
        ImbalanceStrategy s = ImbalanceStrategy.fromConfig(p);
        p.requireNoUnknownKeys();
        return s;
    }

    private static ConfigException parseError(Map<String, ?> block) {
        return assertThrows(ConfigException.class, () -> parse(block));
    }

    @Test
    void parsesEveryStrategyWithItsOptions() {
        assertEquals(ImbalanceStrategy.Kind.NONE, parse(Map.of()).kind());
        assertEquals(
                new Smote(7, 0.8),
                parse(Map.of("strategy", "smote", "k", 7, "ratio", 0.8)).resampler());
        assertEquals(Smote.defaults(), parse(Map.of("strategy", "smote")).resampler());
        assertEquals(
                new Undersampler(0.5),
                parse(Map.of("strategy", "undersample", "ratio", 0.5)).resampler());
        assertEquals(
                Oversampler.defaults(), parse(Map.of("strategy", "oversample")).resampler());
        assertEquals(Map.of(), parse(Map.of("strategy", "class-weights")).weights());
        assertEquals(
                Map.of(),
                parse(Map.of("strategy", "class-weights", "weights", "balanced"))
                        .weights());
        assertEquals(
                Map.of("bad", 5.0, "1", 2.0),
                parse(Map.of("strategy", "class-weights", "weights", Map.of("bad", 5, 1, 2.0)))
                        .weights());
        assertEquals(
                ImbalanceStrategy.DEFAULT_THRESHOLD_METRIC,
                parse(Map.of("strategy", "threshold")).thresholdMetric());
        assertEquals(
                Metric.MCC,
                parse(Map.of("strategy", "threshold", "metric", "mcc")).thresholdMetric());
    }

    @Test
    void badValuesNameTheirKey() {
        assertEquals(
                "imbalance.strategy", parseError(Map.of("strategy", "smotenc")).keyPath());
        assertEquals(
                "imbalance.k", parseError(Map.of("strategy", "smote", "k", 0)).keyPath());
        assertEquals(
                "imbalance.ratio",
                parseError(Map.of("strategy", "undersample", "ratio", 0)).keyPath());
        assertEquals(
                "imbalance.ratio",
                parseError(Map.of("strategy", "oversample", "ratio", 2)).keyPath());
        assertEquals(
                "imbalance.metric",
                parseError(Map.of("strategy", "threshold", "metric", "roc-auc")).keyPath());
        assertEquals(
                "imbalance.weights.bad",
                parseError(Map.of("strategy", "class-weights", "weights", Map.of("bad", -1)))
                        .keyPath());
        assertEquals(
                "imbalance.weights",
                parseError(Map.of("strategy", "class-weights", "weights", 3)).keyPath());
        // an option of another strategy is an unknown key
        assertEquals(
                "imbalance.k",
                parseError(Map.of("strategy", "undersample", "k", 3)).keyPath());
    }

    @Test
    void validatesAgainstTheClasses() {
        ImbalanceStrategy w = parse(Map.of("strategy", "class-weights", "weights", Map.of("Bad", 5)));
        ConfigException e = assertThrows(ConfigException.class, () -> w.validate(List.of("bad", "good")));
        assertEquals("imbalance.weights.Bad", e.keyPath());
        ImbalanceStrategy t = parse(Map.of("strategy", "threshold"));
        t.validate(List.of("a", "b"));
        assertEquals(
                "imbalance.strategy",
                assertThrows(ConfigException.class, () -> t.validate(List.of("a", "b", "c")))
                        .keyPath());
    }

    @Test
    void trainingDataPerStrategy() {
        MutableDataset<Label> in = Datasets.blobs(new int[] {30, 10}, 2, 3);
        List<String> before = Datasets.snapshot(in);
        assertSame(in, parse(Map.of()).training(in, 1));
        assertSame(in, parse(Map.of("strategy", "threshold")).training(in, 1));
        assertEquals(Map.of(), parse(Map.of("strategy", "smote")).classWeights(in));

        ImbalanceStrategy cw = parse(Map.of("strategy", "class-weights"));
        assertEquals(Map.of("c0", 40f / 60, "c1", 40f / 20), cw.classWeights(in));
        Dataset<Label> weighted = cw.training(in, 1);
        assertEquals(2.0f, weighted.getExample(39).getWeight(), 1e-6);

        assertEquals(
                Map.of("c0", 10, "c1", 10),
                Datasets.counts(parse(Map.of("strategy", "undersample")).training(in, 1)));
        assertEquals(
                Map.of("c0", 30, "c1", 30),
                Datasets.counts(parse(Map.of("strategy", "oversample")).training(in, 1)));
        assertEquals(
                Map.of("c0", 30, "c1", 30),
                Datasets.counts(parse(Map.of("strategy", "smote")).training(in, 1)));
        assertEquals(before, Datasets.snapshot(in));
    }

    @Test
    void thresholdStrategyTunesOnValidationRows() {
        ImbalanceStrategy t = parse(Map.of("strategy", "threshold", "metric", "accuracy"));
        assertTrue(t.tunesThreshold());
        assertFalse(parse(Map.of()).tunesThreshold());
        Threshold th = t.threshold(new int[] {0, 1, 1}, new double[][] {{0.9, 0.1}, {0.8, 0.2}, {0.7, 0.3}}, 1);
        assertEquals(0.2, th.value());
        assertInstanceOf(IllegalStateException.class, assertThrows(RuntimeException.class, () -> parse(Map.of())
                .threshold(new int[] {0}, new double[][] {{1, 0}}, 1)));
    }
}
