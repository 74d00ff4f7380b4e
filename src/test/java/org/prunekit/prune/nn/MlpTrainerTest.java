package org.prunekit.prune.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.spi.ConfigException;
import org.prunekit.spi.Params;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

class MlpTrainerTest {

    @Test
    void learnsBreastCancerWellAboveChance() {
        List<MutableDataset<Label>> bc = Fixtures.breastCancer();
        MlpModel m = new MlpTrainer(Fixtures.fast(60), 1).train(bc.get(0));
        assertTrue(Fixtures.accuracy(m, bc.get(1)) > 0.93, "accuracy " + Fixtures.accuracy(m, bc.get(1)));
    }

    @Test
    void sameSeedSameWeightsOtherSeedOtherWeights() {
        MutableDataset<Label> d = Fixtures.blobs(200, 1, 1f);
        MlpParams p = Fixtures.fast(20).withSeed(null);
        MlpParams mini = new MlpParams(
                new int[] {8}, Activation.TANH, MlpParams.Optimizer.SGD, 0.05, 0.9, 5, 16, 1e-3, 0.2, 3, 0.2, null);
        for (MlpParams params : List.of(p, mini)) {
            MlpNet a = new MlpTrainer(params, 3).train(d).net();
            MlpNet b = new MlpTrainer(params, 3).train(d).net();
            MlpNet c = new MlpTrainer(params, 4).train(d).net();
            for (int l = 0; l < a.layers(); l++) {
                assertArrayEquals(a.weights(l), b.weights(l), 0.0);
                assertArrayEquals(a.biases(l), b.biases(l), 0.0);
            }
            assertFalse(Arrays.equals(a.weights(0), c.weights(0)));
        }
    }

    @Test
    void standardisesWithTrainingStatistics() {
        MutableDataset<Label> d = Fixtures.blobs(90, 2, 1f);
        MlpModel m = new MlpTrainer(Fixtures.fast(1), 1).train(d);
        double[] means = m.standardizer().means();
        double sum = 0;
        int id = m.getFeatureIDMap().getID("f3");
        for (var e : d) {
            sum += e.lookup("f3").getValue();
        }
        assertEquals(sum / d.size(), means[id], 1e-9);
        assertEquals(300.0, means[id], 3.0);
    }

    @Test
    void classWeightsShiftPredictionsTowardsTheHeavyClass() {
        MutableDataset<Label> plain = Fixtures.blobs(300, 5, 1f);
        MutableDataset<Label> heavyB = Fixtures.blobs(300, 5, 0.05f);
        MlpParams p = Fixtures.fast(40);
        long bPlain = countB(new MlpTrainer(p, 1).train(plain), plain);
        long bHeavy = countB(new MlpTrainer(p, 1).train(heavyB), plain);
        assertTrue(
                bHeavy > bPlain + 10, "b predicted " + bPlain + " unweighted vs " + bHeavy + " with a down-weighted");
    }

    private static long countB(Model<Label> m, MutableDataset<Label> d) {
        return m.predict(d).stream()
                .filter(p -> p.getOutput().getLabel().equals("b"))
                .count();
    }

    @Test
    void earlyStoppingStopsBeforeTheEpochBudget() {
        MutableDataset<Label> d = Fixtures.blobs(300, 6, 1f);
        MlpParams p = new MlpParams(
                new int[] {32}, Activation.RELU, MlpParams.Optimizer.ADAM, 0.05, 0.9, 400, 16, 0, 0, 5, 0.2, 1L);
        MlpTrainer.Run run = new MlpTrainer(p, 0).run(d, null);
        assertTrue(run.epochs() < 400, "ran " + run.epochs() + " epochs");
        assertEquals(60, run.validation().n());
    }

    @Test
    void protobufRoundTripKeepsWeightsMasksAndPredictions(@TempDir Path dir) throws Exception {
        MutableDataset<Label> d = Fixtures.blobs(120, 3, 1f);
        MlpModel m = new MlpTrainer(Fixtures.fast(10), 1).train(d);
        MlpModel pruned = m.withNet(m.net()
                .masked(new UnstructuredPruner(Saliency.magnitude(), true, CollapseGuard.defaults())
                        .computeMask(m.net(), 0.7)));
        Path file = dir.resolve("mlp.tribuo");
        pruned.serializeToFile(file);
        assertTrue(Files.size(file) > 0);
        MlpModel back = (MlpModel) Model.deserializeFromFile(file);
        assertSameModel(pruned, back, d);
        assertEquals(pruned.getProvenance(), back.getProvenance());
        assertEquals(pruned.referenceParameters(), back.referenceParameters());
    }

    @Test
    void javaSerializationRoundTrip() throws Exception {
        MutableDataset<Label> d = Fixtures.blobs(120, 3, 1f);
        MlpModel m = new MlpTrainer(Fixtures.fast(10), 1).train(d);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(m);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertSameModel(m, (MlpModel) in.readObject(), d);
        }
    }

    private static void assertSameModel(MlpModel a, MlpModel b, MutableDataset<Label> d) {
        for (int l = 0; l < a.net().layers(); l++) {
            assertArrayEquals(a.net().weights(l), b.net().weights(l), 0.0);
            assertArrayEquals(a.net().biases(l), b.net().biases(l), 0.0);
            assertArrayEquals(a.net().mask(l), b.net().mask(l));
        }
        List<Prediction<Label>> pa = a.predict(d);
        List<Prediction<Label>> pb = b.predict(d);
        for (int i = 0; i < pa.size(); i++) {
            assertEquals(pa.get(i).getOutput().getLabel(), pb.get(i).getOutput().getLabel());
            assertEquals(
                    pa.get(i).getOutputScores().get("a").getScore(),
                    pb.get(i).getOutputScores().get("a").getScore(),
                    0.0);
        }
    }

    @Test
    void singleAndBatchPredictionAgree() {
        MutableDataset<Label> d = Fixtures.blobs(100, 4, 1f);
        MlpModel m = new MlpTrainer(Fixtures.fast(10), 1).train(d);
        List<Prediction<Label>> batch = m.predict(d);
        for (int i = 0; i < d.size(); i++) {
            Prediction<Label> one = m.predict(d.getExample(i));
            assertEquals(
                    one.getOutputScores().get("b").getScore(),
                    batch.get(i).getOutputScores().get("b").getScore(),
                    1e-12);
        }
    }

    @Test
    void configBindsKeysAndNamesBadOnes() {
        MlpParams p = MlpParams.from(new Params(
                "c.yaml",
                "arms[0].model",
                Map.of(
                        "hidden",
                        List.of(10, 5),
                        "activation",
                        "tanh",
                        "optimizer",
                        "sgd",
                        "lr",
                        0.1,
                        "batch-size",
                        0,
                        "seed",
                        9)));
        assertArrayEquals(new int[] {10, 5}, p.hidden());
        assertEquals(Activation.TANH, p.activation());
        assertEquals(MlpParams.Optimizer.SGD, p.optimizer());
        assertEquals(9L, p.seed());
        assertEquals(MlpParams.defaults().epochs(), p.epochs());
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> MlpParams.from(new Params("c.yaml", "arms[0].model", Map.of("dropout", 1.5))));
        assertTrue(e.getMessage().contains("arms[0].model.dropout"), e.getMessage());
        assertThrows(
                ConfigException.class,
                () -> MlpParams.from(new Params("c.yaml", "arms[0].model", Map.of("hidden", List.of(4.5)))));
    }
}
