package org.prunekit.prune.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prunekit.config.Registry;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.eval.Probabilities;
import org.prunekit.prune.FeatureSubsetModel;
import org.prunekit.prune.FeatureUsage;
import org.prunekit.spi.Candidate;
import org.prunekit.spi.ConfigException;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.Params;
import org.prunekit.testing.TestData;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

class FeatureSelectMethodTest {

    private static final Table CANCER = TestData.table("breast_cancer_wisconsin.csv");
    private static final int[] ROWS = IntStream.range(0, CANCER.rows()).toArray();
    private static final MutableDataset<Label> DATA =
            TableEncoder.fit(CANCER, ROWS).encode(ROWS);
    private static final Params MODEL = new Params("t.yaml", "arms[0].model", Map.of("nlambda", 20));

    @ParameterizedTest
    @ValueSource(strings = {"l1", "mim", "cmim", "jmi", "mrmr", "tree-importance", "permutation"})
    void everySelectorGivesNestedTopKCandidatesUsingExactlyKFeatures(String selector) {
        ModelFamily family = Registry.families().get("logistic");
        Model<Label> dense = family.trainer(MODEL, 1L, Map.of()).train(DATA);
        List<Candidate> cs = Registry.methods()
                .get("feature-select")
                .create(
                        new Params("t.yaml", "arms[0].prune", Map.of("selector", selector, "k", List.of(2, 5, 10, 99))),
                        MODEL,
                        family,
                        1L)
                .path(dense, DATA, null)
                .candidates();
        assertEquals(4, cs.size());
        int[] expectedK = {30, 10, 5, 2};
        Set<String> previous = null;
        for (int i = 0; i < cs.size(); i++) {
            Set<String> declared = new TreeSet<>(((FeatureSubsetModel) cs.get(i).model()).featuresUsed());
            assertEquals(expectedK[i], declared.size());
            assertEquals(30 - expectedK[i], cs.get(i).strength());
            assertTrue(FeatureUsage.of(cs.get(i).model()).equals(declared));
            if (previous != null) {
                assertTrue(previous.containsAll(declared), "top-k sets are nested");
            }
            previous = declared;
        }
        // the permuted / ranked top-2 of breast cancer are informative: the 2-feature model still separates well
        Model<Label> top2 = cs.get(3).model();
        double[][] p = Probabilities.of(top2, DATA, CANCER.classes());
        int correct = 0;
        for (int i = 0; i < p.length; i++) {
            correct += (p[i][1] > 0.5 ? "M" : "B").equals(CANCER.label(i)) ? 1 : 0;
        }
        assertTrue(correct / (double) p.length > 0.85, selector + ": accuracy with 2 features " + correct);
    }

    @Test
    void selectorIsRequiredAndChecked() {
        ModelFamily family = Registry.families().get("logistic");
        ConfigException e = assertThrows(ConfigException.class, () -> Registry.methods()
                .get("feature-select")
                .create(new Params("t.yaml", "arms[1].prune", Map.of("selector", "lasso")), MODEL, family, 1L));
        assertEquals("arms[1].prune.selector", e.keyPath());
        e = assertThrows(ConfigException.class, () -> Registry.methods()
                .get("feature-select")
                .create(new Params("t.yaml", "arms[1].prune", Map.of()), MODEL, family, 1L));
        assertEquals("arms[1].prune.selector", e.keyPath());
    }
}
