package org.prunekit.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.cli.Main;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.Entropy;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.tree.TreeModel;

/** What the API does beyond the CLI comparison: defaults taken from the model, checks, and bad input. */
class ApiBehaviourTest {

    static MutableDataset<Label> data;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        data = Datasets.csv(Path.of("data/breast_cancer_wisconsin.csv"), "class");
    }

    @Test
    void costComplexityRiskDefaultsToTheTreesOwnCriterion() {
        TreeModel<Label> tree = new CARTClassificationTrainer(50, 2f, 0f, 1f, false, new Entropy(), 1L).train(data);
        double[] byDefault = CostComplexity.path(tree, data).alphas();
        double[] entropy = CostComplexity.path(
                        tree, data, CostComplexity.Options.defaults().withRisk("entropy"))
                .alphas();
        double[] gini = CostComplexity.path(
                        tree, data, CostComplexity.Options.defaults().withRisk("gini"))
                .alphas();
        assertArrayEquals(entropy, byDefault);
        assertFalse(Arrays.equals(gini, byDefault), "gini risk gives other alphas");
    }

    @Test
    void costComplexityMergeLeavesAddsTheCleanUpCandidate() {
        TreeModel<Label> tree = new CARTClassificationTrainer(4, 2f, 0f, 1f, false, new Entropy(), 1L).train(data);
        CostComplexity.Path plain = CostComplexity.path(tree, data);
        CostComplexity.Path merged = CostComplexity.path(
                tree, data, CostComplexity.Options.defaults().withMergeLeaves(true));
        int[] leaves = merged.leaves();
        assertEquals(0.0, merged.alphas()[1], "the clean-up costs nothing");
        assertTrue(leaves[1] < leaves[0], "a depth-4 tree has sibling leaves predicting the same class");
        assertEquals(plain.leaves()[0], leaves[0]);
    }

    @Test
    void magnitudePruningChecksTheTrainingOptionsAgainstTheModel() {
        Mlp.Options small = Mlp.Options.defaults().withHidden(4).withEpochs(2);
        Model<Label> net = Mlp.trainer(small, 5L).train(data);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> MagnitudePruning.path(net, data, MagnitudePruning.Options.defaults()));
        assertTrue(e.getMessage().startsWith("the network was trained with mlp(hidden=[4]"), e.getMessage());
        Model<Label> xgb = new XGBoostClassificationTrainer(2).train(data);
        assertThrows(
                IllegalArgumentException.class,
                () -> MagnitudePruning.path(xgb, data, MagnitudePruning.Options.defaults()));
    }

    @Test
    void treeDropAtNamesTheStrengthsItHas() {
        Model<Label> xgb = new XGBoostClassificationTrainer(6).train(data);
        TreeDrop.Path path =
                TreeDrop.path(xgb, data, TreeDrop.Options.defaults().withSizes(1, 3));
        assertArrayEquals(new double[] {0, 3, 5}, path.roundsDropped());
        assertEquals(path.model(2), path.at(5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> path.at(4));
        assertEquals("no candidate drops 4.0 rounds; the path drops [0.0, 3.0, 5.0]", e.getMessage());
    }

    @Test
    void crossValidationFoldsAreChecked() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> CrossValidation.defaults().withFolds(1));
        assertEquals("folds: 1 is out of range [2, 100]", e.getMessage());
    }

    @Test
    void badCsvGivesTheCliMessage() throws IOException {
        Path csv = tmp.resolve("bad.csv");
        Files.writeString(csv, "a,b,class\n1,2,x\n3,y\n");
        String api = assertThrows(IllegalArgumentException.class, () -> Datasets.csv(csv, "class"))
                .getMessage();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "describe", csv.toString());
        assertEquals(2, code);
        assertEquals("prunekit: " + api, err.toString().strip());
    }

    @Test
    void badConfigGivesTheCliMessage() throws IOException {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, "name: c\ndata: {path: data/breast_cancer_wisconsin.csv}\narms: []\n");
        String api = assertThrows(IllegalArgumentException.class, () -> Study.load(cfg))
                .getMessage();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "validate", cfg.toString());
        assertEquals(2, code);
        assertEquals("prunekit: " + api, err.toString().strip());
    }
}
