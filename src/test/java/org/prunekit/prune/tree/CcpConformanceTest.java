package org.prunekit.prune.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.prunekit.testing.ReferenceCases;

/**
 * Every {@code ccp/*.json} reference case: scikit-learn 1.2.1's {@code cost_complexity_pruning_path} on the given tree
 * (alphas and impurities to 1e-9 relative + 1e-15), and at every {@code pruned_at} alpha the subtree's leaves, nodes
 * and depth exactly and its total leaf impurity to the same tolerance.
 */
class CcpConformanceTest {

    private static final double REL = 1e-9;
    private static final double ABS = 1e-15;

    @TestFactory
    Stream<DynamicTest> everyReferenceCase() {
        return ReferenceCases.tests("ccp", (file, json) -> check(json));
    }

    private static void check(JsonNode json) {
        FlatTree tree = ReferenceTrees.read(json);
        double[] risk = tree.risk();
        CostComplexityPath path = WeakestLink.path(tree, risk);
        double[] refAlphas = ReferenceCases.doubles(json.get("path").get("ccp_alphas"));
        double[] refImp = ReferenceCases.doubles(json.get("path").get("impurities"));
        assertEquals(refAlphas.length, path.alphas().length, "path length");
        double[] alphas = path.alphas();
        double[] imp = path.impurities();
        for (int i = 0; i < refAlphas.length; i++) {
            assertClose(refAlphas[i], alphas[i], "ccp_alphas[" + i + "]");
            assertClose(refImp[i], imp[i], "impurities[" + i + "]");
        }
        assertEquals(distinct(refAlphas), path.distinctAlphas().length, "distinct alphas");
        int checked = 0;
        for (JsonNode p : json.get("pruned_at")) {
            double a = p.get("alpha").asDouble();
            SubtreeStats s = path.statsAt(tree, risk, a);
            String at = " at alpha " + a;
            assertEquals(p.get("n_leaves").asInt(), s.leaves(), "n_leaves" + at);
            assertEquals(p.get("node_count").asInt(), s.nodes(), "node_count" + at);
            assertEquals(p.get("depth").asInt(), s.depth(), "depth" + at);
            assertClose(p.get("total_leaf_impurity").asDouble(), s.totalLeafRisk(), "total_leaf_impurity" + at);
            checked++;
        }
        assertTrue(checked > 0, "no pruned_at entries");
    }

    private static int distinct(double[] a) {
        return (int) Arrays.stream(a).distinct().count();
    }

    private static void assertClose(double want, double got, String what) {
        assertTrue(Math.abs(got - want) <= REL * Math.abs(want) + ABS, what + ": want " + want + " got " + got);
    }
}
