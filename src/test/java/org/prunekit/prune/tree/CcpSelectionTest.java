package org.prunekit.prune.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.prunekit.bench.CcpNestedCv;
import org.prunekit.data.Fold;
import org.prunekit.data.StratifiedSplits;
import org.prunekit.data.Table;

/** Cross-validated choice of alpha (a local loop like the harness's): it reads training rows only. */
class CcpSelectionTest {

    @Test
    void innerCrossValidationUsesTrainingRowsOnly() {
        Table t = TreeFixtures.BREAST;
        Fold outer = StratifiedSplits.holdout(t.classIndex(), 0.3, 11L);
        CcpNestedCv.Selection s = new CcpNestedCv(t, "M", false, 4, 5L).select(outer.train());

        Set<Integer> test = new HashSet<>();
        Arrays.stream(outer.test()).forEach(test::add);
        assertTrue(s.rowsTouched().stream().noneMatch(test::contains), "an outer test row was read");

        // flipping every outer-test label changes nothing: same path, same cp table, same choice
        String[] labels = t.labels();
        for (int r : outer.test()) {
            labels[r] = labels[r].equals("M") ? "B" : "M";
        }
        Table flipped = new Table(t.source(), t.columns(), t.target(), labels);
        CcpNestedCv.Selection again = new CcpNestedCv(flipped, "M", false, 4, 5L).select(outer.train());
        assertEquals(s.chosen(), again.chosen());
        assertArrayEquals(s.table().alpha(), again.table().alpha());
        assertArrayEquals(s.table().cvMean(), again.table().cvMean());

        CpTable cp = s.table();
        assertEquals(s.path().candidates().size(), cp.cvMean().length);
        assertTrue(Arrays.stream(cp.cvMean()).allMatch(m -> m >= 0 && m <= 1), "AP in [0, 1]");
        assertTrue(s.chosen() >= s.best(), "1-SE never picks a larger tree than the best");
        assertTrue(cp.leaves()[s.chosen()] < cp.leaves()[0], "1-SE prunes the fully grown tree");
    }
}
