package org.prunekit.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prunekit.config.ConfigBinder;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.config.SelectSpec;
import org.prunekit.prune.ensemble.TreeDropParams;
import org.prunekit.prune.linear.LogisticFamily;
import org.prunekit.prune.linear.LogisticPathOptions;
import org.prunekit.prune.nn.MlpParams;
import org.prunekit.prune.tree.CostComplexityPruning;
import org.prunekit.spi.PruningPath;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;

/**
 * Every options record's {@code defaults()} is what the CLI does when the config leaves the block empty: read by the
 * CLI's own readers, the API's default block gives the CLI's default settings.
 */
class OptionsDefaultsTest {

    @Test
    void treeDrop() {
        assertEquals(
                TreeDropParams.defaults(),
                ConfigBlock.read(TreeDrop.Options.defaults().block(), TreeDropParams::from));
    }

    @Test
    void l1Path() {
        assertEquals(
                LogisticPathOptions.defaults(),
                ConfigBlock.read(L1Path.Options.defaults().modelBlock(), LogisticFamily::options));
        assertEquals(0, L1Path.Options.defaults().candidates(), "every lambda is a candidate, as l1-path's default");
    }

    @Test
    void mlp() {
        assertEquals(
                MlpParams.defaults(), ConfigBlock.read(Mlp.Options.defaults().block(), MlpParams::from));
    }

    @Test
    void costComplexity() {
        assertFalse(
                CostComplexity.Options.defaults().block().containsKey("risk"),
                "no risk key: the tree's own criterion, as the CLI");
        assertEquals(
                CostComplexityPruning.Options.defaults().candidates(),
                CostComplexity.Options.defaults().candidates(),
                "every subtree, as cost-complexity's default");
        assertEquals(
                CostComplexityPruning.Options.defaults().mergeLeaves(),
                CostComplexity.Options.defaults().mergeLeaves());
    }

    @Test
    void costComplexityDefaultsPruneLikeAnEmptyBlock() {
        MutableDataset<Label> data = Datasets.csv(Path.of("data/breast_cancer_wisconsin.csv"), "class");
        Model<Label> tree = new CARTClassificationTrainer(50, 2f, 0f, 1f, false, new GiniIndex(), 3L).train(data);
        PruningPath api = CostComplexity.Options.defaults().method(tree).path(tree, data, null);
        PruningPath cli = ConfigBlock.method(CostComplexity.METHOD, Map.of(), CostComplexity.FAMILY, Map.of(), 3L)
                .path(tree, data, null);
        assertTrue(cli.candidates().size() > 3, "a path worth capping");
        assertArrayEquals(cli.strengths(), api.strengths());
        assertArrayEquals(nonZero(cli), nonZero(api));
    }

    @Test
    void magnitudeDefaultsPruneLikeAnEmptyBlock() {
        MutableDataset<Label> data = Datasets.csv(Path.of("data/breast_cancer_wisconsin.csv"), "class");
        Mlp.Options training = Mlp.Options.defaults().withHidden(4).withEpochs(5);
        Model<Label> net = Mlp.trainer(training, 3L).train(data);
        PruningPath api = MagnitudePruning.Options.defaults()
                .withTraining(training)
                .method(3L)
                .path(net, data, null);
        PruningPath cli = ConfigBlock.method(MagnitudePruning.METHOD, Map.of(), Mlp.FAMILY, training.block(), 3L)
                .path(net, data, null);
        assertArrayEquals(cli.strengths(), api.strengths());
        assertArrayEquals(nonZero(cli), nonZero(api));
    }

    @Test
    void scoringAndCrossValidation() {
        SelectSpec select = ConfigBlock.read(Map.of(), ConfigBinder::select);
        assertEquals(select.metric().configName(), Scoring.defaults().metric());
        assertEquals(select.rule(), Scoring.defaults().rule());
        Map<String, Object> arm =
                Map.of("name", "a", "model", Map.of("family", "cart"), "prune", Map.of("method", "none"));
        Map<String, Object> raw = Map.of("data", Map.of("path", "data/pima_diabetes.csv"), "arms", List.of(arm));
        ExperimentConfig cfg = ConfigBinder.bind("c.yaml", raw, Path.of(""), null);
        assertEquals(cfg.split().inner().folds(), CrossValidation.defaults().folds());
        assertEquals(cfg.split().seed(), CrossValidation.defaults().seed());
    }

    private static long[] nonZero(PruningPath p) {
        return p.candidates().stream()
                .mapToLong(c -> c.size().nonZeroParameters())
                .toArray();
    }
}
