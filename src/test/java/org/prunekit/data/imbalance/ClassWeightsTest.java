package org.prunekit.data.imbalance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prunekit.testing.Datasets;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

class ClassWeightsTest {

    @Test
    void balancedWeightsAreNOverKTimesClassCount() {
        MutableDataset<Label> in = Datasets.blobs(new int[] {60, 30, 10}, 2, 1);
        ClassWeights w = ClassWeights.balanced(in);
        // n = 100, k = 3
        assertEquals(100.0 / 180, w.weight("c0"), 1e-6);
        assertEquals(100.0 / 90, w.weight("c1"), 1e-6);
        assertEquals(100.0 / 30, w.weight("c2"), 1e-6);
    }

    @Test
    void balancedExampleWeightsSumToNAndEachClassToNOverK() {
        MutableDataset<Label> in = Datasets.blobs(new int[] {60, 30, 10}, 2, 1);
        MutableDataset<Label> out = ClassWeights.balanced(in).apply(in);
        double total = 0;
        double c2 = 0;
        for (var ex : out) {
            total += ex.getWeight();
            c2 += ex.getOutput().getLabel().equals("c2") ? ex.getWeight() : 0;
        }
        assertEquals(100.0, total, 1e-4);
        assertEquals(100.0 / 3, c2, 1e-4);
    }

    @Test
    void applyCopiesAndLeavesTheInputAlone() {
        MutableDataset<Label> in = Datasets.blobs(new int[] {8, 2}, 2, 1);
        List<String> before = Datasets.snapshot(in);
        MutableDataset<Label> out = ClassWeights.explicit(Map.of("c1", 4.0), in).apply(in);
        assertEquals(before, Datasets.snapshot(in));
        for (var ex : in) {
            assertEquals(1.0f, ex.getWeight());
        }
        for (var ex : out) {
            assertEquals(ex.getOutput().getLabel().equals("c1") ? 4.0f : 1.0f, ex.getWeight());
        }
    }

    @Test
    void explicitWeightsDefaultToOneAndRejectUnknownLabels() {
        MutableDataset<Label> in = Datasets.blobs(new int[] {8, 2}, 2, 1);
        ClassWeights w = ClassWeights.explicit(Map.of("c1", 3), in);
        assertEquals(Map.of("c0", 1.0f, "c1", 3.0f), w.weights());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ClassWeights.explicit(Map.of("C1", 3), in));
        assertTrue(e.getMessage().contains("'C1'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ClassWeights(Map.of("a", -1f)));
        assertThrows(IllegalArgumentException.class, () -> new ClassWeights(Map.of("a", Float.NaN)));
    }
}
