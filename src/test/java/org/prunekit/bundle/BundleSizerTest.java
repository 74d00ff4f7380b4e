package org.prunekit.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.prunekit.data.Schema;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.prune.tree.CartFamily;
import org.prunekit.prune.tree.CostComplexityPruning;
import org.prunekit.spi.Candidate;
import org.prunekit.spi.Params;
import org.prunekit.testing.TestData;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * {@link BundleSizer} against the bundle actually built: for every subtree of a cost-complexity path (with and without
 * a threshold, long and short arm names, in path order and reversed), the size it computes is the length of
 * {@link Bundle#toBytes()}, and {@link BundleSizer#withRecord} gives it for another arm's record from that size; and it
 * serializes one tree per path to do so, not one per candidate.
 */
class BundleSizerTest {

    private static final String NO_DIGEST = "0".repeat(64);

    @Test
    void everySubtreeOfACostComplexityPathIsSizedWithoutSerializingIt() {
        Table table = TestData.table("breast_cancer_wisconsin.csv");
        int[] rows = IntStream.range(0, table.rows()).toArray();
        TableEncoder enc = TableEncoder.fit(table, rows);
        MutableDataset<Label> data = enc.encode(rows);
        Model<Label> tree =
                new CartFamily().trainer(Params.empty(), 7L, Map.of()).train(data);
        List<Candidate> path = new CostComplexityPruning(CostComplexityPruning.Options.defaults())
                .path(tree, data, null)
                .candidates();
        assertTrue(path.size() > 5, "a path worth checking: " + path.size());
        Schema schema = Schema.of("class");
        List<String> classes = table.classes();
        int positive = classes.indexOf("M");
        for (boolean reversed : new boolean[] {false, true}) {
            BundleSizer sizer = new BundleSizer(schema, enc.encoding(), classes, positive);
            for (int j = 0; j < path.size(); j++) {
                int i = reversed ? path.size() - 1 - j : j;
                Candidate c = path.get(i);
                double threshold = i % 2 == 0 ? Double.NaN : 0.25 + i * 1e-3;
                long dense = path.get(0).size().parameters();
                PruningRecord record = record(
                        i % 3 == 0 ? "cart" : "a-much-longer-arm-name-" + "x".repeat(i * 7),
                        c,
                        i,
                        dense,
                        "average-precision",
                        "one-se");
                long written = new Bundle(schema, enc.encoding(), classes, positive, threshold, c.model(), record)
                        .toBytes()
                        .length;
                assertEquals(
                        written,
                        sizer.bytes(c.model(), record, threshold).orElseThrow(),
                        "candidate " + i + (reversed ? " (reversed)" : ""));
                // another arm sharing the candidate: its own name, metric and rule, sized from this one's bytes
                PruningRecord other = record(
                        "cart-" + "y".repeat(i * 11),
                        c,
                        i,
                        dense,
                        i % 2 == 0 ? "balanced-accuracy" : "mcc",
                        i % 2 == 0 ? "best" : "one-se");
                assertEquals(
                        new Bundle(schema, enc.encoding(), classes, positive, threshold, c.model(), other)
                                .toBytes()
                                .length,
                        BundleSizer.withRecord(written, record, other),
                        "candidate " + i + " with another arm's record");
            }
            assertEquals(1, sizer.treesEncoded(), "one tree serialized per path");
        }
    }

    /** The pruning record of CART candidate {@code i}, {@code c}, of arm {@code arm} (digests as placeholders). */
    private static PruningRecord record(String arm, Candidate c, int i, long dense, String metric, String rule) {
        return new PruningRecord(
                arm,
                "cart",
                "cost-complexity",
                "alpha",
                c.strength(),
                i,
                c.size().parameters(),
                c.size().nonZeroParameters(),
                dense,
                metric,
                rule,
                NO_DIGEST,
                NO_DIGEST,
                PruningRecord.currentVersion());
    }
}
