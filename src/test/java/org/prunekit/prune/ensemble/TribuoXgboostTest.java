package org.prunekit.prune.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.prunekit.eval.Probabilities;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

/** Our reading of a Tribuo-trained booster agrees with the booster itself, and rebuilt models are genuine. */
class TribuoXgboostTest {

    private static double[][] softmax(double[] m, int k) {
        double[][] p = new double[m.length / k][k];
        for (int i = 0; i < p.length; i++) {
            LogLoss.softmax(m, i * k, k, p[i]);
        }
        return p;
    }

    private static List<String> classes(XGBoostModel<Label> model) {
        List<String> c = new ArrayList<>();
        for (int k = 0; k < model.getOutputIDInfo().size(); k++) {
            c.add(model.getOutputIDInfo().getOutput(k).getLabel());
        }
        return c;
    }

    @Test
    void marginsFromOurTreesMatchTheBoostersProbabilities() {
        BoostedTrees trees = BoostedTrees.parse(XgboostModels.modelJson(Fixture.MODEL));
        assertEquals("multi:softprob", trees.objective());
        assertEquals(2, trees.outputs());
        assertEquals(Fixture.ROUNDS, trees.rounds());
        float[][] x = XgboostModels.features(Fixture.TEST_DATA, Fixture.MODEL.getFeatureIDMap());
        double[][] ours = softmax(RoundContributions.of(trees, x).fullMargins(), 2);
        double[][] booster = Probabilities.of(Fixture.MODEL, Fixture.TEST_DATA, classes(Fixture.MODEL));
        for (int i = 0; i < ours.length; i++) {
            assertEquals(booster[i][1], ours[i][1], 1e-5, "row " + i);
        }
    }

    @Test
    void rebuiltModelKeepsOnlyTheChosenRoundsAndReweightsThem() throws Exception {
        byte[] json = XgboostModels.modelJson(Fixture.MODEL);
        int[] keep = {0, 3, 4, 17, 29};
        double[] weights = {1.0, 0.5, 2.0, 1.25, 0.75};
        XGBoostModel<Label> pruned = XgboostModels.withModelJson(Fixture.MODEL, XgboostJson.keep(json, keep, weights));
        BoostedTrees full = BoostedTrees.parse(json);
        float[][] x = XgboostModels.features(Fixture.TEST_DATA, Fixture.MODEL.getFeatureIDMap());
        double[][] expected = softmax(RoundContributions.of(full, x).margins(keep, weights), 2);
        double[][] got = Probabilities.of(pruned, Fixture.TEST_DATA, classes(pruned));
        for (int i = 0; i < got.length; i++) {
            assertEquals(expected[i][1], got[i][1], 1e-5, "row " + i);
        }
        assertEquals(
                keep.length, BoostedTrees.parse(XgboostModels.modelJson(pruned)).rounds());
        // the input model is untouched
        assertEquals(
                Fixture.ROUNDS,
                BoostedTrees.parse(XgboostModels.modelJson(Fixture.MODEL)).rounds());
        // Tribuo serialization round trip
        Model<?> back = Model.deserialize(pruned.serialize());
        assertTrue(back instanceof XGBoostModel<?>);
        @SuppressWarnings("unchecked")
        XGBoostModel<Label> reloaded = (XGBoostModel<Label>) back;
        double[][] again = Probabilities.of(reloaded, Fixture.TEST_DATA, classes(reloaded));
        for (int i = 0; i < got.length; i++) {
            assertEquals(got[i][1], again[i][1], 0.0, "row " + i + " after reload");
        }
    }

    @Test
    void sizeCountsSplitsTwiceAndLeavesOnce() {
        BoostedTrees.Tree stump = new BoostedTrees.Tree(
                new int[] {1, -1, -1},
                new int[] {2, -1, -1},
                new int[] {0, 0, 0},
                new float[] {0.5f, 0.1f, 0f},
                new boolean[] {true, false, false});
        BoostedTrees model = new BoostedTrees("multi:softprob", 2, 0.5, 2, List.of(stump, stump), new int[] {0, 1});
        var size = EnsembleSize.of(model);
        assertEquals(2 * (2 + 2), size.parameters());
        assertEquals(2 * (2 + 1), size.nonZeroParameters());
        assertEquals(1.0, size.details().get("rounds"));
        assertEquals(4.0, size.details().get("leaves"));
    }
}
