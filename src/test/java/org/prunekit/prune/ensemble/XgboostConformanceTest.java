package org.prunekit.prune.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.prunekit.data.Column;
import org.prunekit.data.Table;
import org.prunekit.testing.ReferenceCases;
import org.prunekit.testing.TestData;

/**
 * Reference models trained and pruned by Python xgboost 1.7.4 ({@code reference/xgboost/}): our reading of the model
 * JSON and our round contributions reproduce the full margins, every prefix and every drop set within 1e-5; the
 * same drop sets applied by {@link XgboostJson} reproduce the reference margins when re-read.
 */
class XgboostConformanceTest {

    private static final double TOL = 1e-5;

    @TestFactory
    Stream<DynamicTest> margins() {
        return ReferenceCases.tests("xgboost", XgboostConformanceTest::check);
    }

    private static void check(Path file, JsonNode c) throws Exception {
        String name = file.getFileName().toString();
        byte[] json = Files.readAllBytes(file.resolveSibling(c.get("model_file").asText()));
        BoostedTrees trees = BoostedTrees.parse(json);
        assertEquals(c.get("n_rounds").asInt(), trees.rounds(), name + " rounds");
        assertEquals(c.get("num_class").asInt(), trees.outputs(), name + " outputs");
        assertEquals(c.get("base_margin").asDouble(), trees.baseMargin(), 1e-12, name + " base margin");

        float[][] x = rows(
                TestData.table(c.get("dataset").asText()), c.get("features"), ReferenceCases.ints(c.get("test_rows")));
        RoundContributions rc = RoundContributions.of(trees, x);
        int rounds = trees.rounds();

        assertMargins(c.get("margins_full"), rc.fullMargins(), trees.outputs(), name + " full");
        for (Iterator<Map.Entry<String, JsonNode>> it = c.get("prefix").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            int k = Integer.parseInt(e.getKey());
            int[] keep = IntStream.range(0, k).toArray();
            assertMargins(e.getValue(), rc.margins(keep, null), trees.outputs(), name + " prefix " + k);
        }
        for (JsonNode d : c.get("drop")) {
            int[] dropped = ReferenceCases.ints(d.get("rounds"));
            int[] keep = IntStream.range(0, rounds)
                    .filter(r -> Arrays.stream(dropped).noneMatch(q -> q == r))
                    .toArray();
            String what = name + " drop " + Arrays.toString(dropped);
            assertMargins(d.get("margins"), rc.margins(keep, null), trees.outputs(), what);
            // the edited JSON predicts the same
            BoostedTrees edited = BoostedTrees.parse(XgboostJson.keep(json, keep, null));
            assertEquals(keep.length, edited.rounds(), what + " rounds after edit");
            assertMargins(
                    d.get("margins"),
                    RoundContributions.of(edited, x).fullMargins(),
                    trees.outputs(),
                    what + " (edited JSON)");
        }
    }

    /** Rows of the encoded matrix: the listed numeric columns in model order, as float32. */
    static float[][] rows(Table table, JsonNode features, int[] rows) {
        float[][] x = new float[rows.length][features.size()];
        for (int j = 0; j < features.size(); j++) {
            Column.Numeric col = (Column.Numeric) table.column(features.get(j).asText());
            for (int i = 0; i < rows.length; i++) {
                x[i][j] = (float) col.get(rows[i]);
            }
        }
        return x;
    }

    private static void assertMargins(JsonNode expected, double[] got, int outputs, String what) {
        assertEquals(expected.size() * outputs, got.length, what + ": margin count");
        double worst = 0;
        for (int i = 0; i < expected.size(); i++) {
            for (int k = 0; k < outputs; k++) {
                double e = outputs == 1
                        ? expected.get(i).asDouble()
                        : expected.get(i).get(k).asDouble();
                worst = Math.max(worst, Math.abs(e - got[i * outputs + k]));
            }
        }
        assertEquals(0.0, worst, TOL, what + ": max |margin difference|");
    }
}
