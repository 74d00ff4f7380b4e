package org.prunekit.prune.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import org.prunekit.prune.ExampleWeights;
import org.prunekit.prune.FeatureSubsetModel;
import org.prunekit.prune.FeatureUsage;
import org.prunekit.spi.Candidate;
import org.prunekit.spi.ConfigException;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.Params;
import org.prunekit.spi.PruningMethod;
import org.prunekit.testing.TestData;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

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

    /**
     * k = p removes nothing: with the arm's model at hand (permutation ranking) the k = p candidate is that model, not
     * a refit, and it scores and sizes exactly as the refit on all features that the method used to train (class
     * weights on, as the harness's {@code class-weights} strategy gives them: example weights plus the same map).
     */
    @ParameterizedTest
    @ValueSource(strings = {"logistic", "cart", "mlp"})
    void allFeaturesReuseTheArmsModelWithTheRefitsNumbers(String familyName) {
        ModelFamily family = Registry.families().get(familyName);
        Params model =
                new Params("t.yaml", "arms[0].model", familyName.equals("logistic") ? Map.of("nlambda", 20) : Map.of());
        MutableDataset<Label> weighted = weighted(Map.of("M", 1.342f, "B", 0.797f));
        Map<String, Float> classWeights = ExampleWeights.perClass(weighted);
        assertEquals(Map.of("M", 1.342f, "B", 0.797f), classWeights);
        Model<Label> dense = family.trainer(model, 5L, classWeights).train(weighted);
        PruningMethod method = Registry.methods()
                .get("feature-select")
                .create(
                        new Params("t.yaml", "arms[0].prune", Map.of("selector", "permutation", "k", List.of(5, 30))),
                        model,
                        family,
                        5L);
        assertTrue(method.usesModel());
        List<Candidate> cs = method.path(dense, weighted, null).candidates();
        FeatureSubsetModel all = (FeatureSubsetModel) cs.get(0).model();
        FeatureSubsetModel five = (FeatureSubsetModel) cs.get(1).model();
        assertEquals(0, cs.get(0).strength());
        assertEquals(30, all.featuresUsed().size());
        assertSame(dense, all.inner(), "k = p: the arm's model itself, no refit");
        assertNotSame(dense, five.inner(), "k < p is still a refit on the top k");

        Model<Label> refit = family.trainer(model, 5L, classWeights)
                .train(FeatureSelectMethod.restrict(weighted, all.featuresUsed()));
        List<String> classes = CANCER.classes();
        double[][] got = Probabilities.of(all, DATA, classes);
        double[][] want = Probabilities.of(refit, DATA, classes);
        for (int i = 0; i < got.length; i++) {
            assertArrayEquals(want[i], got[i], 0.0, familyName + ": row " + i);
        }
        assertEquals(family.size(refit).nonZeroParameters(), cs.get(0).size().nonZeroParameters());
        assertEquals(family.size(refit).parameters(), cs.get(0).size().parameters());
    }

    /** A copy of the data with every example weighted by its class. */
    private static MutableDataset<Label> weighted(Map<String, Float> byClass) {
        MutableDataset<Label> out = new MutableDataset<>(DATA.getProvenance(), DATA.getOutputFactory());
        for (var e : DATA) {
            ArrayExample<Label> x =
                    new ArrayExample<>(e.getOutput(), byClass.get(e.getOutput().getLabel()));
            e.forEach(f -> x.add(f.getName(), f.getValue()));
            out.add(x);
        }
        return out;
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
