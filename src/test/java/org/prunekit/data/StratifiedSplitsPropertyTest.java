package org.prunekit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Stratified k-fold on random labels: covering, disjoint, stratified within one, balanced, deterministic. */
class StratifiedSplitsPropertyTest {

    @Property(tries = 200, seed = "42")
    void foldsAreStratifiedCoveringAndDeterministic(
            @ForAll @Size(min = 10, max = 300) List<@IntRange(min = 0, max = 4) Integer> labels,
            @ForAll @IntRange(min = 2, max = 10) int k,
            @ForAll long seed) {
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        int classes = Arrays.stream(y).max().orElse(0) + 1;
        int[] total = new int[classes];
        for (int c : y) {
            total[c]++;
        }
        List<Fold> folds = StratifiedSplits.kFold(y, k, 2, seed);
        assertEquals(2 * k, folds.size());
        for (int r = 0; r < 2; r++) {
            int[] seen = new int[y.length];
            int minSize = Integer.MAX_VALUE;
            int maxSize = 0;
            for (Fold f : folds.subList(r * k, (r + 1) * k)) {
                int[] perClass = new int[classes];
                for (int t : f.test()) {
                    seen[t]++;
                    perClass[y[t]]++;
                }
                assertEquals(y.length, f.train().length + f.test().length);
                for (int t : f.train()) {
                    assertTrue(Arrays.binarySearch(f.test(), t) < 0);
                }
                for (int c = 0; c < classes; c++) {
                    assertTrue(perClass[c] == total[c] / k || perClass[c] == total[c] / k + 1);
                }
                minSize = Math.min(minSize, f.test().length);
                maxSize = Math.max(maxSize, f.test().length);
            }
            assertTrue(maxSize - minSize <= 1, "fold sizes differ by at most one");
            assertTrue(Arrays.stream(seen).allMatch(s -> s == 1));
        }
        List<Fold> again = StratifiedSplits.kFold(y, k, 2, seed);
        for (int i = 0; i < folds.size(); i++) {
            assertArrayEquals(folds.get(i).test(), again.get(i).test());
        }
    }
}
