package org.prunekit.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StabilityTest {

    @Test
    void kunchevaMatchesHandComputedValues() {
        // n = 10, k = 3: identical -> 1; r = 1 -> (10 - 9) / (3 * 7) = 1/21; disjoint -> -9/21
        assertEquals(1.0, Stability.kuncheva(List.of(Set.of("a", "b", "c"), Set.of("a", "b", "c")), 10), 1e-15);
        assertEquals(1.0 / 21, Stability.kuncheva(List.of(Set.of("a", "b", "c"), Set.of("a", "x", "y")), 10), 1e-15);
        assertEquals(-9.0 / 21, Stability.kuncheva(List.of(Set.of("a", "b", "c"), Set.of("x", "y", "z")), 10), 1e-15);
        // mean over the three pairs of {abc, abc, axy}: (1 + 1/21 + 1/21) / 3
        assertEquals(
                (1 + 2.0 / 21) / 3,
                Stability.kuncheva(List.of(Set.of("a", "b", "c"), Set.of("a", "b", "c"), Set.of("a", "x", "y")), 10),
                1e-15);
        assertEquals(Double.NaN, Stability.kuncheva(List.of(Set.of(), Set.of("a")), 10));
    }

    @Test
    void jaccardAndFrequency() {
        List<Set<String>> s = List.of(Set.of("a", "b"), Set.of("b", "c"), Set.of("b"));
        // pairs: {a,b}/{b,c} = 1/3, {a,b}/{b} = 1/2, {b,c}/{b} = 1/2
        assertEquals((1.0 / 3 + 0.5 + 0.5) / 3, Stability.jaccard(s), 1e-15);
        assertEquals(Map.of("a", 1.0 / 3, "b", 1.0, "c", 1.0 / 3), Stability.selectionFrequency(s));
        assertEquals(1.0, Stability.jaccard(List.of(Set.of(), Set.of())), 0.0);
    }
}
