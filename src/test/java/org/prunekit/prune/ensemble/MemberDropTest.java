package org.prunekit.prune.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prunekit.config.Registry;
import org.prunekit.eval.Probabilities;
import org.prunekit.spi.Candidate;
import org.prunekit.spi.ConfigException;
import org.prunekit.spi.Params;
import org.prunekit.spi.PruningPath;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.ensemble.WeightedEnsembleModel;

/** {@code tree-drop} on Tribuo random forests and AdaBoost ensembles. */
class MemberDropTest {

    private static final int[] SIZES = {1, 2, 4, 8};
    private static final int[] KEPT = {2, 4, 8};

    @SuppressWarnings("unchecked")
    private static WeightedEnsembleModel<Label> train(String family) {
        ForestFamily f = new ForestFamily(family);
        return (WeightedEnsembleModel<Label>)
                f.trainer(new ForestFamily.ForestParams(12, 4, 0.5, 3L)).train(Fixture.TRAIN_DATA);
    }

    private static List<String> classes(Model<Label> m) {
        List<String> c = new ArrayList<>();
        for (int k = 0; k < m.getOutputIDInfo().size(); k++) {
            c.add(m.getOutputIDInfo().getOutput(k).getLabel());
        }
        return c;
    }

    @Test
    void forwardOnAForestKeepsNestedMembersStartingWithTheBestSingleTree() {
        WeightedEnsembleModel<Label> forest = train(ForestFamily.RANDOM_FOREST);
        PruningPath path = new TreeDrop(new TreeDropParams("forward", SIZES, "log-loss"), 1L)
                .path(forest, Fixture.TRAIN_DATA, Fixture.VALIDATION_DATA);
        List<Candidate> cs = path.candidates();
        assertSame(forest, cs.get(0).model());
        assertEquals(4, cs.size(), "size 1 is skipped: Tribuo ensembles need two members");
        List<Model<Label>> previous = null;
        for (int i = cs.size() - 1; i >= 1; i--) {
            WeightedEnsembleModel<Label> m =
                    (WeightedEnsembleModel<Label>) cs.get(i).model();
            assertEquals(KEPT[cs.size() - 1 - i], m.getNumModels());
            assertEquals(12 - m.getNumModels(), cs.get(i).strength());
            if (previous != null) {
                assertTrue(m.getModels().containsAll(previous), "members must nest");
            }
            previous = m.getModels();
        }
        // forward starts from the tree with the lowest validation log-loss of all twelve
        List<String> classes = classes(forest);
        MeanLogLoss loss = new MeanLogLoss();
        Targets t = XgboostModels.targets(Fixture.VALIDATION_DATA, forest.getOutputIDInfo());
        double best = Double.POSITIVE_INFINITY;
        Model<Label> bestTree = null;
        for (Model<Label> tree : forest.getModels()) {
            double l = loss.loss(flat(Probabilities.of(tree, Fixture.VALIDATION_DATA, classes)), null, 0, t);
            if (l < best) {
                best = l;
                bestTree = tree;
            }
        }
        assertTrue(((WeightedEnsembleModel<Label>) cs.get(cs.size() - 1).model())
                .getModels()
                .contains(bestTree));
    }

    @Test
    void adaboostMembersKeepTheirWeights() {
        WeightedEnsembleModel<Label> ada = train(ForestFamily.ADABOOST);
        PruningPath path = new TreeDrop(new TreeDropParams("reduce-error", SIZES, "log-loss"), 1L)
                .path(ada, Fixture.TRAIN_DATA, Fixture.VALIDATION_DATA);
        assertEquals(4, path.candidates().size());
        for (Candidate c : path.candidates()) {
            assertTrue(c.size().parameters() > 0);
            Probabilities.of(c.model(), Fixture.TEST_DATA, classes(ada));
        }
        assertTrue(path.candidates().get(3).size().parameters()
                < path.candidates().get(0).size().parameters());
    }

    @Test
    void lassoIsRejectedForMemberEnsembles() {
        Params prune = new Params("c.yaml", "arms[0].prune", Map.of("method", "tree-drop", "strategy", "lasso"));
        ConfigException e = assertThrows(ConfigException.class, () -> Registry.methods()
                .get("tree-drop")
                .create(prune, Params.empty(), Registry.families().get("random-forest"), 1L));
        assertEquals("arms[0].prune.strategy", e.keyPath());
    }

    private static double[] flat(double[][] p) {
        double[] out = new double[p.length * p[0].length];
        for (int i = 0; i < p.length; i++) {
            System.arraycopy(p[i], 0, out, i * p[i].length, p[i].length);
        }
        return out;
    }
}
