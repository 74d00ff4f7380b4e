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
        Grown g = Grown.on(table, table.rows(), 7L);
        TableEncoder enc = g.enc();
        List<Candidate> path = g.path();
        assertTrue(path.size() > 5, "a path worth checking: " + path.size());
        Schema schema = Schema.of("class");
        List<String> classes = table.classes();
        int positive = classes.indexOf("M");
        int treesEncoded = 0;
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
            treesEncoded += sizer.treesEncoded();
        }
        assertTrue(treesEncoded <= 1, "one tree serialized in the JVM, not one per candidate: " + treesEncoded);
    }

    /**
     * One template serves every plain tree of the JVM: paths grown on tables with other features, other classes (two
     * and seven) and a tree renamed, each sized by a sizer of its own, all equal the bundles built; no sizer but the
     * JVM's first serializes a tree.
     */
    @Test
    void treesOfOtherTablesAreSizedFromOneTemplate() {
        int treesEncoded = 0;
        int sizers = 0;
        for (String file :
                List.of("pima_diabetes.csv", "german_credit.csv", "shuttle.csv", "breast_cancer_wisconsin.csv")) {
            Table table = TestData.table(file);
            Grown g = Grown.on(table, Math.min(table.rows(), 2000), 11L);
            TableEncoder enc = g.enc();
            Model<Label> tree = g.tree();
            List<Candidate> path = g.path();
            Schema schema = Schema.of("class");
            List<String> classes = table.classes();
            int positive = classes.size() == 2 ? 1 : -1;
            double threshold = positive >= 0 ? 0.5 : Double.NaN; // a threshold needs a positive class
            List<Model<Label>> models = new java.util.ArrayList<>();
            for (int i : new int[] {0, path.size() / 2, path.size() - 1}) {
                models.add(path.get(i).model());
            }
            models.add(org.tribuo.common.tree.TreeModelAccess.create(
                    "renamed-" + file,
                    tree.getProvenance(),
                    tree.getFeatureIDMap(),
                    tree.getOutputIDInfo(),
                    !tree.generatesProbabilities(),
                    ((org.tribuo.common.tree.TreeModel<Label>) tree).getRoot()));
            BundleSizer sizer = new BundleSizer(schema, enc.encoding(), classes, positive);
            for (int k = 0; k < models.size(); k++) {
                Candidate c = path.get(Math.min(k, path.size() - 1));
                PruningRecord record = record("cart", c, k, path.get(0).size().parameters(), "mcc", "best");
                assertEquals(
                        new Bundle(schema, enc.encoding(), classes, positive, threshold, models.get(k), record)
                                .toBytes()
                                .length,
                        sizer.bytes(models.get(k), record, threshold).orElseThrow(),
                        file + ", model " + k + " (" + models.get(k).getName() + ")");
            }
            treesEncoded += sizer.treesEncoded();
            sizers++;
        }
        assertEquals(4, sizers);
        assertTrue(treesEncoded <= 1, "one tree serialized in the JVM, not one per table: " + treesEncoded);
    }

    /** A CART tree grown on the first {@code rows} rows of a table, and its cost-complexity path. */
    private record Grown(TableEncoder enc, Model<Label> tree, List<Candidate> path) {

        static Grown on(Table table, int rows, long seed) {
            int[] r = IntStream.range(0, rows).toArray();
            TableEncoder enc = TableEncoder.fit(table, r);
            MutableDataset<Label> data = enc.encode(r);
            Model<Label> tree =
                    new CartFamily().trainer(Params.empty(), seed, Map.of()).train(data);
            return new Grown(
                    enc,
                    tree,
                    new CostComplexityPruning(CostComplexityPruning.Options.defaults())
                            .path(tree, data, null)
                            .candidates());
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
