package org.prunekit.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.prunekit.testing.ReferenceCases;

/**
 * Every file of {@code <reference root>/metrics/} (scikit-learn 1.2.1 / imbalanced-learn 0.10.0 outputs) is one test:
 * all expected values, per-class figures included, with the README's tolerances (1e-12 counting metrics, 1e-10
 * ranking and probabilistic ones, support exact), and {@code y_pred} reproduced by our argmax rule. The one-class
 * metrics (recall, precision, specificity) are checked against the file's per-class figures of the positive class
 * (binary) or their macro mean; {@code pr-auc} and {@code deviance} have no oracle value in these files and are checked
 * by hand in {@link MetricsTest}.
 */
class MetricsConformanceTest {

    private static final double COUNTING = 1e-12;
    private static final double PROBABILISTIC = 1e-10;
    /** Metrics without a value in the oracle files. */
    private static final List<Metric> NOT_IN_FILES = List.of(Metric.PR_AUC, Metric.DEVIANCE);
    /** Metrics checked against the per-class figures. */
    private static final Map<Metric, String> PER_CLASS =
            Map.of(Metric.RECALL, "recall", Metric.PRECISION, "precision", Metric.SPECIFICITY, "specificity");

    @TestFactory
    Stream<DynamicTest> metrics() {
        return ReferenceCases.tests("metrics", MetricsConformanceTest::check);
    }

    private static void check(Path file, JsonNode json) {
        List<String> classes = new ArrayList<>();
        json.get("classes").forEach(c -> classes.add(c.asText()));
        int[] y = indices(json.get("y_true"), classes);
        int[] yPred = indices(json.get("y_pred"), classes);
        JsonNode scores = json.get("scores");
        double[][] probs = new double[scores.size()][];
        for (int i = 0; i < probs.length; i++) {
            probs[i] = ReferenceCases.doubles(scores.get(i));
        }
        int positive = 1;

        assertArrayEquals(yPred, Metrics.predict(probs, positive, Double.NaN), "argmax rule vs y_pred");

        MetricReport report = Metrics.report(classes, y, probs, positive, Double.NaN);
        Map<Metric, Double> all = Metrics.computeAll(List.of(Metric.values()), y, probs, positive, Double.NaN);
        JsonNode expected = json.get("expected");
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (key.equals("per_class")) {
                checkPerClass(e.getValue(), report, classes);
                for (Map.Entry<Metric, String> pc : PER_CLASS.entrySet()) {
                    double want = 0;
                    for (String c : classes) {
                        want += e.getValue().get(c).get(pc.getValue()).asDouble();
                    }
                    want = classes.size() == 2
                            ? e.getValue()
                                    .get(classes.get(positive))
                                    .get(pc.getValue())
                                    .asDouble()
                            : want / classes.size();
                    assertEquals(want, all.get(pc.getKey()), COUNTING, pc.getValue() + " (per_class)");
                    assertEquals(want, report.get(pc.getKey()), COUNTING, pc.getValue() + " (report)");
                    checked++;
                }
            } else if (key.equals("brier_binary")) {
                assertEquals(2, classes.size(), "brier_binary only in binary files");
                assertEquals(e.getValue().asDouble(), Metrics.brierBinary(y, probs, positive), PROBABILISTIC, key);
                assertEquals(e.getValue().asDouble(), report.brierBinary(), PROBABILISTIC, key);
            } else {
                Metric m = Metric.byName(key.replace('_', '-'));
                if (m == null) {
                    fail("expected value '" + key + "' has no metric");
                }
                double tol = m.needsProbabilities() ? PROBABILISTIC : COUNTING;
                double want = e.getValue().asDouble();
                assertEquals(want, Metrics.compute(m, y, probs, positive, Double.NaN), tol, key);
                assertEquals(want, all.get(m), tol, key + " (computeAll)");
                assertEquals(want, report.get(m), tol, key + " (report)");
            }
            checked++;
        }
        assertTrue(
                expected.has("per_class") && checked >= Metric.values().length - NOT_IN_FILES.size() + 1,
                "file checks every metric and per_class: " + file);
    }

    private static void checkPerClass(JsonNode perClass, MetricReport report, List<String> classes) {
        assertEquals(classes.size(), perClass.size(), "per_class entries");
        Map<String, ConfusionMatrix.ClassStats> got = report.perClass();
        for (String c : classes) {
            JsonNode want = perClass.get(c);
            ConfusionMatrix.ClassStats s = got.get(c);
            assertEquals(want.get("precision").asDouble(), s.precision(), COUNTING, c + " precision");
            assertEquals(want.get("recall").asDouble(), s.recall(), COUNTING, c + " recall");
            assertEquals(want.get("f1").asDouble(), s.f1(), COUNTING, c + " f1");
            assertEquals(want.get("specificity").asDouble(), s.specificity(), COUNTING, c + " specificity");
            assertTrue(want.get("support").isIntegralNumber(), c + " support is a whole number");
            assertEquals(want.get("support").asLong(), s.support(), c + " support");
        }
    }

    private static int[] indices(JsonNode labels, List<String> classes) {
        int[] out = new int[labels.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = classes.indexOf(labels.get(i).asText());
            assertTrue(out[i] >= 0, "label " + labels.get(i) + " not in classes");
        }
        return out;
    }
}
