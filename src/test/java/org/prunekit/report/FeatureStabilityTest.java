package org.prunekit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prunekit.protocol.CandidateResult;
import org.prunekit.protocol.CellResult;

class FeatureStabilityTest {

    private static final List<String> ALL = List.of("a", "b", "c", "d");

    /** A cell with two candidates: every feature, then {@code chosen}; the second one is chosen. */
    static CellResult cell(int fold, List<String> chosen, List<String> denseDeclared) {
        List<CandidateResult> c = new ArrayList<>();
        c.add(candidate(0, 0.0, denseDeclared));
        c.add(candidate(1, 2.0, chosen));
        return new CellResult("fs", 0, fold, "k", 3, 1, null, 10, 5, c, null, null, ALL);
    }

    static CandidateResult candidate(int index, double strength, List<String> used) {
        return new CandidateResult(
                index, strength, 5, 5, Map.of(), 100, "protobuf", 1.0, Double.NaN, Map.of(), Map.of(), Map.of(), used);
    }

    @Test
    void chosenSubsetsAcrossFolds() {
        // chosen {a,b}, {a,b}, {a,c} of n = 4, k = 2: Kuncheva (4r - 4) / 4 = r - 1 per pair -> (1 + 0 + 0) / 3;
        // Jaccard (1 + 1/3 + 1/3) / 3
        List<CellResult> cells = List.of(
                cell(0, List.of("a", "b"), ALL), cell(1, List.of("a", "b"), ALL), cell(2, List.of("a", "c"), ALL));
        List<FeatureStability.Row> rows = FeatureStability.rows("fs", cells);
        assertEquals(3, rows.size(), "chosen + two candidate positions");
        FeatureStability.Row chosen = rows.get(0);
        assertEquals(FeatureStability.CHOSEN, chosen.candidate());
        assertEquals(3, chosen.subsets());
        assertEquals(4, chosen.totalFeatures());
        assertEquals(2.0, chosen.featuresMean(), 0.0);
        assertEquals(0.0, chosen.featuresSd(), 0.0);
        assertEquals(1.0 / 3, chosen.kuncheva(), 1e-15);
        assertEquals(5.0 / 9, chosen.jaccard(), 1e-15);
        // candidate 0 keeps all 4 features everywhere: Kuncheva undefined, Jaccard 1
        assertEquals(0, rows.get(1).candidate());
        assertTrue(Double.isNaN(rows.get(1).kuncheva()));
        assertEquals(1.0, rows.get(1).jaccard(), 0.0);
        assertEquals(2.0, rows.get(2).strength(), 0.0);
        assertEquals(Map.of("a", 1.0, "b", 2.0 / 3, "c", 1.0 / 3), FeatureStability.chosenFrequency(cells));
        assertEquals(
                List.of("a", "b", "c"),
                List.copyOf(FeatureStability.chosenFrequency(cells).keySet()),
                "most frequent first");
    }

    @Test
    void refitsAreIgnoredAndUndeclaredFeaturesGiveNoRows() {
        CellResult refit = new CellResult(
                "fs",
                -1,
                -1,
                "k",
                3,
                1,
                null,
                15,
                0,
                List.of(candidate(0, 0.0, ALL), candidate(1, 2.0, List.of("d"))),
                null,
                null,
                ALL);
        List<CellResult> cells = List.of(cell(0, List.of("a", "b"), ALL), cell(1, List.of("a", "b"), ALL), refit);
        assertEquals(1.0, FeatureStability.rows("fs", cells).get(0).jaccard(), 0.0);
        // undeclared: the model uses every feature of its cell
        List<CellResult> dense = List.of(cell(0, null, null), cell(1, null, null));
        assertTrue(FeatureStability.rows("dense", dense).isEmpty());
        assertTrue(FeatureStability.chosenFrequency(dense).isEmpty());
        assertEquals(ALL, dense.get(0).featuresUsed(1));
        // declared chosen sets, but a path position without declarations: chosen row only
        List<CellResult> mixed = List.of(cell(0, List.of("a"), null), cell(1, List.of("b"), null));
        assertEquals(1, FeatureStability.rows("mixed", mixed).size());
    }
}
