package org.prunekit.prune.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class L1StudyTest {

    @Test
    void oneSeKeepsASubsetOfMinAndOutputsArePlottable(@TempDir Path dir) throws Exception {
        L1Study s = L1Study.run(
                Fixtures.dataset("breast_cancer_wisconsin.csv"),
                LogisticPathOptions.defaults().withLambdas(40, Double.NaN),
                5,
                42);
        assertTrue(s.cv().index1se() <= s.cv().indexMin(), "lambda_1se >= lambda_min");
        assertTrue(s.keptAt1se().size() <= s.keptAtMin().size());
        assertTrue(s.keptAt1se().size() >= 1 && s.keptAtMin().size() < 30);
        assertTrue(s.entryOrder().containsAll(s.keptAtMin()));
        s.writeCsv(dir);
        var lines = Files.readAllLines(dir.resolve("coefficient_paths.csv"));
        assertEquals(41, lines.size());
        assertEquals(6 + 30, lines.get(0).split(",").length);
        assertEquals(31, Files.readAllLines(dir.resolve("selection.csv")).size());
    }
}
