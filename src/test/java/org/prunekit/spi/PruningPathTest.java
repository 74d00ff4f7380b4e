package org.prunekit.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.eval.Probabilities;
import org.prunekit.testing.TestData;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.classification.dtree.CARTClassificationTrainer;

class PruningPathTest {

    @Test
    void scoreAtScoresEachPointWithItsCandidateAndPredictsARepeatOnce() {
        Table t = TestData.table("breast_cancer_wisconsin.csv");
        int[] rows = IntStream.range(0, 120).toArray();
        MutableDataset<Label> data = TableEncoder.fit(t, rows).encode(rows);
        List<String> classes = List.of("B", "M");
        // three distinguishable, deterministic models: a constant "B", a constant "M", a decision stump
        Candidate b = new Candidate(
                0.0,
                ModelSize.of(1, 1),
                DummyClassifierTrainer.createConstantTrainer("B").train(data));
        Candidate m = new Candidate(
                1.0,
                ModelSize.of(1, 1),
                DummyClassifierTrainer.createConstantTrainer("M").train(data));
        Candidate f = new Candidate(2.0, ModelSize.of(1, 1), new CARTClassificationTrainer(1).train(data));
        PruningPath path = new SimplePath("s", List.of(b, m, f));
        double[] points = {0.1, 0.2, 1.1, 1.9, 0.0, 5.0};
        Candidate[] want = {b, b, m, f, b, f};
        List<Integer> order = new ArrayList<>();
        double[][][] got = new double[points.length][][];
        path.scoreAt(points, data, classes, (i, probs) -> {
            order.add(i);
            got[i] = probs;
        });
        assertEquals(List.of(0, 1, 2, 3, 4, 5), order);
        for (int i = 0; i < points.length; i++) {
            double[][] expected = Probabilities.of(want[i].model(), data, classes);
            for (int r = 0; r < expected.length; r++) {
                assertArrayEquals(expected[r], got[i][r], 0.0, "point " + i + " row " + r);
            }
        }
        assertSame(got[0], got[1], "consecutive points on one candidate share one prediction pass");
        assertNotSame(got[0], got[4], "a candidate met again later is predicted again (only one matrix is kept)");
        assertEquals(1.0, got[2][0][1], 0.0, "constant M");
    }
}
