package org.prunekit.data.imbalance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prunekit.testing.Datasets;
import org.tribuo.Dataset;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/** Stratified counts, copying, determinism and input immutability of the three resamplers. */
class ResamplersTest {

    private static final int[] COUNTS = {50, 20, 5};

    private static MutableDataset<Label> data() {
        return Datasets.blobs(COUNTS, 3, 11);
    }

    @Test
    void undersamplerBringsEveryClassDownToTheMinority() {
        assertEquals(
                Map.of("c0", 5, "c1", 5, "c2", 5),
                Datasets.counts(Undersampler.defaults().resample(data(), 1)));
        // ratio 0.25: at most floor(5 / 0.25) = 20 per class
        assertEquals(Map.of("c0", 20, "c1", 20, "c2", 5), Datasets.counts(new Undersampler(0.25).resample(data(), 1)));
    }

    @Test
    void oversamplerBringsEveryClassUpToTheMajority() {
        assertEquals(
                Map.of("c0", 50, "c1", 50, "c2", 50),
                Datasets.counts(Oversampler.defaults().resample(data(), 1)));
        // ratio 0.5: at least floor(0.5 * 50) = 25 per class
        assertEquals(Map.of("c0", 50, "c1", 25, "c2", 25), Datasets.counts(new Oversampler(0.5).resample(data(), 1)));
    }

    @Test
    void smoteBringsEveryClassUpToTheMajority() {
        assertEquals(
                Map.of("c0", 50, "c1", 50, "c2", 50),
                Datasets.counts(Smote.defaults().resample(data(), 1)));
        assertEquals(Map.of("c0", 50, "c1", 30, "c2", 30), Datasets.counts(new Smote(3, 0.6).resample(data(), 1)));
    }

    @Test
    void undersampledExamplesAreInputExamplesInInputOrder() {
        MutableDataset<Label> in = data();
        List<String> all = Datasets.snapshot(in);
        List<String> kept = Datasets.snapshot(Undersampler.defaults().resample(in, 3));
        int at = -1;
        for (String s : kept) {
            int next = all.subList(at + 1, all.size()).indexOf(s);
            assertTrue(next >= 0, "kept example not found after position " + at + ": " + s);
            at += next + 1;
        }
    }

    @Test
    void oversamplingKeepsTheOriginalsFirstAndAddsOnlyCopiesOfSameClassExamples() {
        MutableDataset<Label> in = data();
        List<String> orig = Datasets.snapshot(in);
        List<String> out = Datasets.snapshot(Oversampler.defaults().resample(in, 3));
        assertEquals(orig, out.subList(0, orig.size()));
        for (String s : out.subList(orig.size(), out.size())) {
            assertTrue(orig.contains(s), "added example is not a copy of an input example: " + s);
        }
    }

    @Test
    void resamplersNeverModifyTheirInputAndShareNoExamples() {
        for (Resampler r : List.<Resampler>of(Undersampler.defaults(), Oversampler.defaults(), Smote.defaults())) {
            MutableDataset<Label> in = data();
            List<String> before = Datasets.snapshot(in);
            MutableDataset<Label> out = r.resample(in, 5);
            out.getData().forEach(ex -> ex.setWeight(7f));
            assertEquals(before, Datasets.snapshot(in), r + " changed its input");
            assertEquals(List.of(COUNTS[0] + COUNTS[1] + COUNTS[2]), List.of(in.size()));
            for (var ex : out.getData()) {
                for (var orig : in.getData()) {
                    assertNotSame(orig, ex);
                }
            }
        }
    }

    @Test
    void sameSeedSameResultOtherSeedOtherResult() {
        for (Resampler r : List.<Resampler>of(new Undersampler(0.5), Oversampler.defaults(), Smote.defaults())) {
            Dataset<Label> a = r.resample(data(), 42);
            Dataset<Label> b = r.resample(data(), 42);
            Dataset<Label> c = r.resample(data(), 43);
            assertEquals(Datasets.snapshot(a), Datasets.snapshot(b), r + " not deterministic");
            assertNotEquals(Datasets.snapshot(a), Datasets.snapshot(c), r + " ignores the seed");
        }
    }

    @Test
    void rejectsBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> new Undersampler(0));
        assertThrows(IllegalArgumentException.class, () -> new Oversampler(1.5));
        assertThrows(IllegalArgumentException.class, () -> new Smote(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Smote(5, Double.NaN));
    }
}
