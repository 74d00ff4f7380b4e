package org.prunekit.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.testing.TestData;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;

class ProbabilitiesTest {

    @Test
    void cartLeavesGiveClassDistributionsSoRankingMetricsWork() {
        Table t = TestData.table("breast_cancer_wisconsin.csv");
        int[] rows = IntStream.range(0, t.rows()).toArray();
        MutableDataset<Label> data = TableEncoder.fit(t, rows).encode(rows);
        Model<Label> cart = new CARTClassificationTrainer(3).train(data);
        List<String> classes = Probabilities.classes(data);
        assertEquals(List.of("B", "M"), classes);

        Probabilities.Scored s = Probabilities.score(cart, data, classes);
        assertArrayEquals(t.classIndex(), s.y());
        long fractional = 0;
        for (double[] row : s.probs()) {
            assertEquals(1.0, row[0] + row[1], 1e-12);
            fractional += row[1] > 0 && row[1] < 1 ? 1 : 0;
        }
        assertTrue(fractional > 0, "a depth-3 tree on this data has impure leaves");
        double auc = Metrics.compute(Metric.ROC_AUC, s.y(), s.probs());
        assertTrue(auc > Metrics.compute(Metric.BALANCED_ACCURACY, s.y(), s.probs()), "AUC " + auc);
        assertEquals(
                s.y().length, Probabilities.score(cart.predict(data), classes).y().length);
        MetricReport r = s.report(1, Double.NaN);
        assertEquals(357, r.perClass().get("B").support());
    }

    @Test
    void unknownLabelIsAnError() {
        Table t = TestData.table("pima_diabetes.csv");
        int[] rows = {0, 1, 2};
        MutableDataset<Label> data = TableEncoder.fit(t, rows).encode(rows);
        assertThrows(IllegalArgumentException.class, () -> Probabilities.indices(data, List.of("x", "y")));
    }
}
