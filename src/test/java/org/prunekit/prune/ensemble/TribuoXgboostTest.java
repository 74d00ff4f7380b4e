package org.prunekit.prune.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import ml.dmlc.xgboost4j.java.Booster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.prunekit.eval.Probabilities;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Our reading of a Tribuo-trained booster agrees with the booster itself, and rebuilt models are genuine: for the
 * family's default two-class model ({@code binary:logistic}, one margin column) and for {@code objective: softprob}
 * (Tribuo's {@code multi:softprob}, one column per class).
 */
class TribuoXgboostTest {

    /** Class probabilities from margins: σ of a single log-odds column (class 1), else the softmax of the row. */
    private static double[][] probabilities(double[] m, int k) {
        double[][] p = new double[m.length / k][];
        for (int i = 0; i < p.length; i++) {
            if (k == 1) {
                double p1 = 1 / (1 + Math.exp(-m[i]));
                p[i] = new double[] {1 - p1, p1};
            } else {
                p[i] = new double[k];
                LogLoss.softmax(m, i * k, k, p[i]);
            }
        }
        return p;
    }

    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of("binary:logistic", 1, Fixture.MODEL), Arguments.of("multi:softprob", 2, Fixture.SOFTPROB));
    }

    private static List<String> classes(XGBoostModel<Label> model) {
        List<String> c = new ArrayList<>();
        for (int k = 0; k < model.getOutputIDInfo().size(); k++) {
            c.add(model.getOutputIDInfo().getOutput(k).getLabel());
        }
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void marginsFromOurTreesMatchTheBoostersProbabilities(String objective, int columns, XGBoostModel<Label> model) {
        BoostedTrees trees = BoostedTrees.parse(XgboostModels.modelJson(model));
        assertEquals(objective, trees.objective());
        assertEquals(columns, trees.outputs());
        assertEquals(Fixture.ROUNDS, trees.rounds());
        assertEquals(Fixture.ROUNDS * columns, trees.trees().size());
        float[][] x = XgboostModels.features(Fixture.TEST_DATA, model.getFeatureIDMap());
        double[][] ours = probabilities(RoundContributions.of(trees, x).fullMargins(), columns);
        double[][] booster = Probabilities.of(model, Fixture.TEST_DATA, classes(model));
        for (int i = 0; i < ours.length; i++) {
            assertEquals(booster[i][1], ours[i][1], 1e-5, "row " + i);
            assertEquals(booster[i][0], ours[i][0], 1e-5, "row " + i);
        }
    }

    /**
     * The binary model's Tribuo probabilities are XGBoost's own prediction for the same booster: P(class id 1) is
     * exactly the booster's output (σ of the margin, computed by XGBoost), P(class id 0) is 1 minus it, and the
     * predicted label is the likelier class.
     */
    @Test
    void binaryProbabilitiesAreTheBoostersOwnPrediction() throws Exception {
        XGBoostModel<Label> model = Fixture.MODEL;
        List<String> ids = classes(model);
        XgboostModels.Rows rows = XgboostModels.rows(Fixture.TEST_DATA, model.getFeatureIDMap());
        Booster booster = model.getInnerModels().get(0);
        float[][] p;
        try {
            p = booster.predict(rows.data());
        } finally {
            booster.dispose();
            rows.data().dispose();
        }
        List<Prediction<Label>> predictions = model.predict(Fixture.TEST_DATA);
        assertEquals(Fixture.TEST_DATA.size(), p.length);
        int positives = 0;
        for (int i = 0; i < p.length; i++) {
            assertEquals(1, p[i].length);
            Map<String, Label> scores = predictions.get(i).getOutputScores();
            assertEquals(p[i][0], scores.get(ids.get(1)).getScore(), 0.0, "row " + i);
            assertEquals(1.0 - p[i][0], scores.get(ids.get(0)).getScore(), 0.0, "row " + i);
            String expected = p[i][0] > 0.5f ? ids.get(1) : ids.get(0);
            assertEquals(expected, predictions.get(i).getOutput().getLabel(), "row " + i);
            positives += p[i][0] > 0.5f ? 1 : 0;
        }
        assertTrue(positives > 0 && positives < p.length, "both classes predicted");
    }

    /**
     * {@code objective: auto} on a three-class label trains the {@code multi:softprob} model Tribuo's own trainer
     * trains: same booster (bit-identical probabilities).
     */
    @Test
    void autoOnThreeClassesIsTribuosSoftprobModel() {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> three = new MutableDataset<>(new SimpleDataSourceProvenance("three", factory), factory);
        Random rng = new Random(3);
        for (int i = 0; i < 150; i++) {
            String label = "c" + (i % 3);
            double shift = i % 3;
            three.add(new ArrayExample<>(new Label(label), new String[] {"a", "b"}, new double[] {
                shift + rng.nextGaussian(), rng.nextGaussian() - shift
            }));
        }
        XgboostParams p = new XgboostParams(10, 3, 0.3, 1.0, 1.0, 0.0, 1.0, 5L, 1, XgboostParams.AUTO);
        XGBoostModel<Label> auto =
                XgboostModels.require(XgboostFamily.trainer(p).train(three));
        XGBoostModel<Label> softprob = XgboostModels.require(
                XgboostFamily.trainer(p.withObjective(XgboostParams.SOFTPROB)).train(three));
        BoostedTrees trees = BoostedTrees.parse(XgboostModels.modelJson(auto));
        assertEquals("multi:softprob", trees.objective());
        assertEquals(3, trees.outputs());
        List<String> c = classes(auto);
        double[][] a = Probabilities.of(auto, three, c);
        double[][] s = Probabilities.of(softprob, three, c);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(s[i], a[i], 0.0, "row " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void rebuiltModelKeepsOnlyTheChosenRoundsAndReweightsThem(String objective, int columns, XGBoostModel<Label> model)
            throws Exception {
        byte[] json = XgboostModels.modelJson(model);
        int[] keep = {0, 3, 4, 17, 29};
        double[] weights = {1.0, 0.5, 2.0, 1.25, 0.75};
        XGBoostModel<Label> pruned = XgboostModels.withModelJson(model, XgboostJson.keep(json, keep, weights));
        BoostedTrees full = BoostedTrees.parse(json);
        float[][] x = XgboostModels.features(Fixture.TEST_DATA, model.getFeatureIDMap());
        double[][] expected = probabilities(RoundContributions.of(full, x).margins(keep, weights), columns);
        double[][] got = Probabilities.of(pruned, Fixture.TEST_DATA, classes(pruned));
        for (int i = 0; i < got.length; i++) {
            assertEquals(expected[i][1], got[i][1], 1e-5, "row " + i);
        }
        BoostedTrees kept = BoostedTrees.parse(XgboostModels.modelJson(pruned));
        assertEquals(objective, kept.objective());
        assertEquals(keep.length, kept.rounds());
        assertEquals(keep.length * columns, kept.trees().size());
        // the input model is untouched
        assertEquals(
                Fixture.ROUNDS,
                BoostedTrees.parse(XgboostModels.modelJson(model)).rounds());
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
