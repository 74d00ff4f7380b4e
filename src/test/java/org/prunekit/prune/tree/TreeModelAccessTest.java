package org.prunekit.prune.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.common.tree.TreeModelAccess;

/**
 * Guards the one package-private Tribuo API we use. If a Tribuo upgrade removes or changes {@code TreeModel}'s
 * root-node constructor this class stops compiling; if it changes what such a model does, these assertions fail.
 */
class TreeModelAccessTest {

    @Test
    void treeModelBuiltFromARootBehavesLikeTheTrainedOne() throws Exception {
        int[] rows = TreeFixtures.allRows(TreeFixtures.BREAST);
        MutableDataset<Label> data = TreeFixtures.encode(TreeFixtures.BREAST, rows, rows);
        TreeModel<Label> trained = TreeFixtures.cart(data, 7L);
        TreeModel<Label> copy = TreeModelAccess.create(
                "copy",
                trained.getProvenance(),
                trained.getFeatureIDMap(),
                trained.getOutputIDInfo(),
                true,
                trained.getRoot());
        assertEquals("copy", copy.getName());
        assertTrue(copy.generatesProbabilities());
        assertEquals(trained.getDepth(), copy.getDepth());
        List<Prediction<Label>> a = trained.predict(data);
        List<Prediction<Label>> b = copy.predict(data);
        @SuppressWarnings("unchecked")
        Model<Label> loaded = (Model<Label>) Model.deserialize(copy.serialize());
        assertTrue(loaded instanceof TreeModel, "protobuf round trip gives a TreeModel");
        assertTrue(loaded.generatesProbabilities());
        List<Prediction<Label>> c = loaded.predict(data);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).getOutput().getLabel(), b.get(i).getOutput().getLabel());
            assertEquals(a.get(i).getOutputScores(), b.get(i).getOutputScores());
            assertEquals(a.get(i).getOutputScores(), c.get(i).getOutputScores());
        }
    }
}
